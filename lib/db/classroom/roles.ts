import "server-only";
import { prisma } from "../client.ts";
import type { Role, SessionUser } from "../users.ts";

export const ROLES: readonly Role[] = ["learner", "instructor", "admin"];

export interface UserRow {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  createdAt: Date;
}

/** Every account, for the admin's role page; anyone else gets nothing. */
export async function listUsersForAdmin(admin: SessionUser): Promise<UserRow[] | null> {
  if (admin.role !== "admin") return null;
  const rows = await prisma.user.findMany({
    orderBy: { createdAt: "asc" },
    select: { id: true, email: true, name: true, role: true, createdAt: true },
  });
  return rows.map((r) => ({ ...r, role: r.role as Role }));
}

export type RoleChange = { ok: true } | { ok: false; code: "not_found" | "own_role" };

/**
 * An admin gives a user a role. Admins do not change their own role here, so an installation
 * cannot lose its last admin by a slip of the mouse.
 */
export async function setUserRole(admin: SessionUser, userId: string, role: Role): Promise<RoleChange> {
  if (admin.role !== "admin") return { ok: false, code: "not_found" };
  if (userId === admin.id) return { ok: false, code: "own_role" };
  const updated = await prisma.user.updateMany({ where: { id: userId }, data: { role } });
  return updated.count === 1 ? { ok: true } : { ok: false, code: "not_found" };
}
