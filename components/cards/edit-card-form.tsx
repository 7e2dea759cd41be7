"use client";
import { useActionState } from "react";
import { editCardAction, type EditCardState } from "@/app/actions/card-edit.ts";
import { FieldError } from "@/components/ui/field-error.tsx";
import { FormError } from "@/components/ui/form-error.tsx";

export function EditCardForm({ cardId, front, back }: { cardId: string; front: string; back: string }) {
  const [state, action, pending] = useActionState<EditCardState, FormData>(editCardAction, { fieldErrors: {} });
  return (
    <form action={action} className="panel">
      <FormError message={state.formError} />
      <input type="hidden" name="cardId" value={cardId} />
      <div className="field">
        <label htmlFor="front">Front (Markdown)</label>
        <textarea id="front" name="front" rows={5} defaultValue={front} aria-describedby="front-error" />
        <FieldError id="front-error" messages={state.fieldErrors.front} />
      </div>
      <div className="field">
        <label htmlFor="back">Back (Markdown)</label>
        <textarea id="back" name="back" rows={10} defaultValue={back} aria-describedby="back-error" />
        <FieldError id="back-error" messages={state.fieldErrors.back} />
      </div>
      <button className="button" type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save"}
      </button>
    </form>
  );
}
