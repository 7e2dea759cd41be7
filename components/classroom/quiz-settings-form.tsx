"use client";
import { useActionState } from "react";
import { FieldError } from "@/components/ui/field-error.tsx";
import type { QuizSettingsState, QuizSettingsValues } from "./builder-types.ts";

type Action = (state: QuizSettingsState, data: FormData) => Promise<QuizSettingsState>;

export function QuizSettingsForm({ action, current }: { action: Action; current: QuizSettingsValues }) {
  const [state, formAction, pending] = useActionState(action, { values: current, fieldErrors: {} });
  const v = state.values;
  const e = state.fieldErrors;
  const text = (name: "title" | "timeLimitMinutes" | "opensAt" | "closesAt", label: string, type: string, hint?: string) => (
    <div className="field">
      <label htmlFor={`quiz-${name}`}>{label}</label>
      <input
        id={`quiz-${name}`}
        name={name}
        type={type}
        defaultValue={v[name]}
        aria-invalid={e[name] ? true : undefined}
        aria-describedby={`quiz-${name}-error`}
      />
      {hint ? <span className="hint">{hint}</span> : null}
      <FieldError id={`quiz-${name}-error`} messages={e[name]} />
    </div>
  );
  const box = (name: "shuffle" | "showResults" | "published", label: string) => (
    <label className="check">
      <input type="checkbox" name={name} defaultChecked={v[name]} /> {label}
    </label>
  );
  const errors = Object.keys(e).length > 0;
  return (
    <>
      <form action={formAction} noValidate key={state.savedAt ?? 0}>
        {text("title", "Title", "text")}
        <div className="classroom-grid">
          {text("timeLimitMinutes", "Time limit (minutes)", "number", "Empty: no limit.")}
          {text("opensAt", "Opens (UTC)", "datetime-local", "Empty: open now.")}
          {text("closesAt", "Closes (UTC)", "datetime-local", "Empty: never closes.")}
        </div>
        <div className="classroom-checks">
          {box("shuffle", "Shuffle questions and options for each learner")}
          {box("showResults", "Learners see their score and the explanations after submitting")}
          {box("published", "Published: learners in the class can see and take it")}
        </div>
        <button className="button" type="submit" disabled={pending}>
          Save settings
        </button>
      </form>
      {/* Outside the form, which is remounted on save: a live region must stay in place to be announced. */}
      <p className={errors ? "form-error" : "saved-note"} role="status" data-testid="settings-status">
        {pending
          ? "Saving…"
          : errors
            ? "Not saved: see the fields above."
            : state.savedAt
              ? `Settings saved${state.values.published ? "; the quiz is published" : ""}.`
              : ""}
      </p>
    </>
  );
}
