"use client";
import { useActionState } from "react";
import { FieldError } from "@/components/ui/field-error.tsx";
import type { JoinState } from "@/app/classes/actions.ts";

export function JoinForm({ action, code = "" }: { action: (state: JoinState, data: FormData) => Promise<JoinState>; code?: string }) {
  const [state, formAction, pending] = useActionState(action, { fieldErrors: {} });
  return (
    <form action={formAction} noValidate>
      {code ? (
        <input type="hidden" name="code" value={code} />
      ) : (
        <div className="field">
          <label htmlFor="join-code">Join code</label>
          <input
            id="join-code"
            name="code"
            autoCapitalize="characters"
            autoComplete="off"
            placeholder="ABCD-EFGH"
            aria-invalid={state.fieldErrors.code ? true : undefined}
            aria-describedby="join-code-error"
          />
        </div>
      )}
      <FieldError id="join-code-error" messages={state.fieldErrors.code} />
      <button className="button" type="submit" disabled={pending}>
        Join class
      </button>
    </form>
  );
}
