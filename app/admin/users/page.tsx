import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth/index.ts";
import { listUsersForAdmin, ROLES } from "@/lib/db/classroom/index.ts";
import { setRoleAction } from "./actions.ts";
import { RoleForm } from "./role-form.tsx";

export const metadata = { title: "Users" };

export default async function UsersPage() {
  const admin = await requireRole(["admin"], "/admin/users");
  const users = await listUsersForAdmin(admin);
  if (!users) notFound();
  return (
    <>
      <h1>Users</h1>
      <p className="muted">Instructors can create classes and quizzes. You cannot change your own role here.</p>
      <div className="table-wrap" role="region" aria-label="Users and their roles" tabIndex={0}>
        <table className="history classroom-table users-table">
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
                    <RoleForm action={setRoleAction} userId={u.id} email={u.email} role={u.role} roles={ROLES} />
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
