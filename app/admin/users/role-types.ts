import type { Role } from "@/lib/db/users.ts";

/** One user's role form: the role as saved, and whether (and when) this form saved it. */
export interface RoleFormState {
  role: Role;
  savedAt?: number;
  error?: string;
}
