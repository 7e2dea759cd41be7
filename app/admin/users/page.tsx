import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth/index.ts";
import { listUsersForAdmin, ROLES } from "@/lib/db/classroom/index.ts";
import { setRoleAction } from "./actions.ts";

export const metadata = { title: "Users" };

export default async function UsersPage() {
  const admin = await requireRole(["admin"], "/admin/users");
  const users = await listUsersForAdmin(admin);
  if (!users) notFound();
  return (
    <>
      <h1>Users</h1>
      <p className="muted">Instructors can create classes and quizzes. You cannot change your own role here.</p>
      <div className="table-wrap">
        <table className="history classroom-table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Email</th>
              <th>Role</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} data-testid="user-row">
                <td>{u.name ?? "—"}</td>
                <td>{u.email}</td>
                <td>
                  {u.id === admin.id ? (
                    <span className="badge">{u.role}</span>
                  ) : (
                    <form action={setRoleAction} className="inline-form">
                      <input type="hidden" name="userId" value={u.id} />
                      <label className="visually-hidden" htmlFor={`role-${u.id}`}>
                        Role of {u.email}
                      </label>
                      <select id={`role-${u.id}`} name="role" defaultValue={u.role}>
                        {ROLES.map((r) => (
                          <option key={r} value={r}>
                            {r}
                          </option>
                        ))}
                      </select>
                      <button className="button small secondary" type="submit" aria-label={`Save role of ${u.email}`}>
                        Save role
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
