"use client";
import { useActionState } from "react";
import { renameDeckAction, type RenameDeckState } from "@/app/actions/decks.ts";
import { FieldError } from "@/components/ui/field-error.tsx";
import { FormError } from "@/components/ui/form-error.tsx";

export function RenameDeckForm({ deckId, name }: { deckId: string; name: string }) {
  const [state, action, pending] = useActionState<RenameDeckState, FormData>(renameDeckAction, { fieldErrors: {} });
  return (
    <form action={action} className="rename-deck" noValidate>
      <FormError message={state.formError}>
        {state.savedPath && (
          <p className="saved-note" role="status">
            Renamed to “{state.savedPath}”.
          </p>
        )}
      </FormError>
      <input type="hidden" name="deckId" value={deckId} />
      <div className="field">
        <label htmlFor="deck-name">Deck name</label>
        <input
          id="deck-name"
          name="name"
          defaultValue={state.savedPath ? name : (state.typed ?? name)}
          key={state.savedAt ?? state.typed ?? "unsaved"}
          maxLength={120}
          aria-describedby="deck-name-error"
          aria-invalid={state.fieldErrors.name ? true : undefined}
        />
        <FieldError id="deck-name-error" messages={state.fieldErrors.name} />
      </div>
      <button className="button secondary" type="submit" disabled={pending}>
        {pending ? "Renaming…" : "Rename"}
      </button>
    </form>
  );
}
