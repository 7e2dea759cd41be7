"use server";
import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireRole } from "@/lib/auth/index.ts";
import { setUserRole } from "@/lib/db/classroom/index.ts";
import type { RoleFormState } from "./role-types.ts";

const RoleForm = z.object({ userId: z.string().min(1).max(64), role: z.enum(["learner", "instructor", "admin"]) });

export async function setRoleAction(previous: RoleFormState, formData: FormData): Promise<RoleFormState> {
  const admin = await requireRole(["admin"], "/admin/users");
  const parsed = RoleForm.safeParse({ userId: formData.get("userId"), role: formData.get("role") });
  if (!parsed.success) notFound();
  const changed = await setUserRole(admin, parsed.data.userId, parsed.data.role);
  if (!changed.ok && changed.code === "not_found") notFound();
  if (!changed.ok) return { role: previous.role, error: "You cannot change your own role." };
  revalidatePath("/admin/users");
  return { role: parsed.data.role, savedAt: Date.now() };
}
