"use client";
import { useActionState } from "react";
import type { AddFromDeckState } from "./builder-types.ts";

type Action = (state: AddFromDeckState, data: FormData) => Promise<AddFromDeckState>;

/** One picker row's Add button, which says in place what happened: added, or why not. */
export function AddToQuizForm({
  action,
  quizId,
  cardId,
  kind,
  label,
}: {
  action: Action;
  quizId: string;
  cardId: string;
  kind: "card" | "scenario";
  label: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="inline-form picker-add">
      <input type="hidden" name="quizId" value={quizId} />
      <input type="hidden" name="cardId" value={cardId} />
      <input type="hidden" name="kind" value={kind} />
      {kind === "scenario" ? (
        <label className="check">
          <input type="checkbox" name="template" /> template
        </label>
      ) : null}
      <button className="button small" type="submit" disabled={pending} aria-label={`Add ${label}`}>
        Add
      </button>
      <span role="status" className={state.error ? "field-error" : "muted"}>
        {state.error ?? (state.addedAt ? "Added to the quiz." : "")}
      </span>
    </form>
  );
}
