"use client";
import { useActionState } from "react";
import { FieldError } from "@/components/ui/field-error.tsx";
import type { CreateClassState } from "@/app/teach/actions.ts";

export function CreateClassForm({ action }: { action: (state: CreateClassState, data: FormData) => Promise<CreateClassState> }) {
  const [state, formAction, pending] = useActionState(action, { fieldErrors: {} });
  return (
    <form action={formAction} noValidate>
      <div className="field">
        <label htmlFor="class-name">Class name</label>
        <input
          id="class-name"
          name="name"
          required
          maxLength={120}
          aria-invalid={state.fieldErrors.name ? true : undefined}
          aria-describedby="class-name-error"
        />
        <FieldError id="class-name-error" messages={state.fieldErrors.name} />
      </div>
      <button className="button" type="submit" disabled={pending}>
        Create class
      </button>
    </form>
  );
}
