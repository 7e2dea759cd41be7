"use client";
import { useActionState, useState } from "react";
import { saveDeckOverridesAction } from "@/app/settings/actions.ts";
import { FieldError } from "@/components/ui/field-error.tsx";
import type { DeckField, DeckOverridesState } from "./settings-types.ts";
import styles from "./settings.module.css";

export interface DeckOverrideValues {
  desiredRetention?: number | undefined;
  newPerDay?: number | undefined;
  reviewsPerDay?: number | undefined;
  learningSteps?: readonly string[] | undefined;
  relearningSteps?: readonly string[] | undefined;
}

interface Props {
  decks: ReadonlyArray<{ id: string; path: string }>;
  overrides: Readonly<Record<string, DeckOverrideValues>>;
  /** The learner's own settings, shown as what an empty field means. */
  defaults: Required<{ [K in keyof DeckOverrideValues]: NonNullable<DeckOverrideValues[K]> }>;
}

const LABELS: Record<DeckField, string> = {
  desiredRetention: "Desired retention",
  newPerDay: "New cards per day",
  reviewsPerDay: "Reviews per day",
  learningSteps: "Learning steps",
  relearningSteps: "Relearning steps",
};

const shown = (v: number | readonly string[] | undefined) => (v === undefined ? "" : typeof v === "number" ? String(v) : v.join(" "));

export function DeckOverridesForm({ decks, overrides, defaults }: Props) {
  const [state, action, pending] = useActionState<DeckOverridesState, FormData>(saveDeckOverridesAction, { values: {}, fieldErrors: {} });
  const [deckId, setDeckId] = useState(state.deckId ?? "");
  const deck = overrides[deckId] ?? {};
  // Typed text survives only a refused save of the same deck; otherwise the stored overrides show.
  const typed = state.deckId === deckId && !state.savedAt ? state.values : {};
  const errors = state.deckId === deckId ? state.fieldErrors : {};
  const configured = decks.filter((d) => overrides[d.id]);
  return (
    <form action={action} noValidate aria-labelledby="deck-heading">
      <h2 id="deck-heading">Per-deck settings</h2>
      <p className="muted">
        A deck can have its own retention, limits and steps; empty fields use your settings above.
        {configured.length > 0 && <> Decks with their own settings: {configured.map((d) => d.path).join(", ")}.</>}
      </p>
      <div aria-live="polite">
        {state.formError && state.deckId === deckId && (
          <p className="form-error" role="alert">
            {state.formError}
          </p>
        )}
        {state.savedAt && state.deckId === deckId && (
          <p className={styles.saved} role="status">
            Deck settings saved.
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="deckId">Deck</label>
        <select
          id="deckId"
          name="deckId"
          className={styles.select}
          value={deckId}
          onChange={(e) => setDeckId(e.target.value)}
          aria-describedby="deckId-error"
        >
          <option value="">Choose a deck…</option>
          {decks.map((d) => (
            <option key={d.id} value={d.id}>
              {d.path}
              {overrides[d.id] ? " (own settings)" : ""}
            </option>
          ))}
        </select>
        <FieldError id="deckId-error" messages={errors.deckId} />
      </div>
      {deckId && (
        // Keyed by deck and save, so switching decks or saving shows that deck's stored values.
        <fieldset key={`${deckId}-${state.savedAt ?? 0}`} className={styles.fieldset} disabled={pending}>
          <legend className="visually-hidden">Settings for the chosen deck</legend>
          <div className={styles.row}>
            {(["desiredRetention", "newPerDay", "reviewsPerDay", "learningSteps", "relearningSteps"] as const).map((field) => (
              <div className="field" key={field}>
                <label htmlFor={`deck-${field}`}>{LABELS[field]}</label>
                <input
                  id={`deck-${field}`}
                  name={field}
                  inputMode={field.endsWith("Steps") ? "text" : "decimal"}
                  defaultValue={typed[field] ?? shown(deck[field])}
                  placeholder={shown(defaults[field])}
                  autoComplete="off"
                  aria-invalid={errors[field] ? true : undefined}
                  aria-describedby={`deck-${field}-error`}
                />
                <FieldError id={`deck-${field}-error`} messages={errors[field]} />
              </div>
            ))}
          </div>
          <div className={styles.actions}>
            <button className="button" type="submit" name="intent" value="save">
              {pending ? "Saving…" : "Save deck settings"}
            </button>
            {overrides[deckId] && (
              <button className="button secondary" type="submit" name="intent" value="clear">
                Use my settings for this deck
              </button>
            )}
          </div>
        </fieldset>
      )}
    </form>
  );
}
