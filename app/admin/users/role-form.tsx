"use client";
import { useActionState, useState } from "react";
import type { Role } from "@/lib/db/users.ts";
import type { RoleFormState } from "./role-types.ts";

type Action = (state: RoleFormState, data: FormData) => Promise<RoleFormState>;

/** A user's role: after saving, the select shows the role as saved, and the form says it was saved. */
export function RoleForm({
  action,
  userId,
  email,
  role,
  roles,
}: {
  action: Action;
  userId: string;
  email: string;
  role: Role;
  roles: readonly Role[];
}) {
  const [state, formAction, pending] = useActionState(action, { role });
  const [changed, setChanged] = useState(false);
  const [answered, setAnswered] = useState(state);
  if (answered !== state) {
    setAnswered(state);
    setChanged(false);
  }
  let status = "";
  if (pending) status = "Saving…";
  else if (state.error) status = state.error;
  else if (state.savedAt && !changed) status = `Saved: ${state.role}.`;
  return (
    <form action={formAction} className="inline-form role-form">
      <input type="hidden" name="userId" value={userId} />
      <label className="visually-hidden" htmlFor={`role-${userId}`}>
        Role of {email}
      </label>
      {/* Remounted with each answer: React resets a submitted form to its defaults, which must be the saved role. */}
      <select
        key={state.savedAt ?? 0}
        id={`role-${userId}`}
        name="role"
        defaultValue={state.role}
        onChange={(e) => setChanged(e.target.value !== state.role)}
      >
        {roles.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      <button className="button small secondary" type="submit" disabled={pending} aria-label={`Save role of ${email}`}>
        Save role
      </button>
      <span role="status" className={state.error ? "field-error" : "saved-note"} data-testid="role-status">
        {status}
      </span>
    </form>
  );
}
