import type { InputHTMLAttributes, ReactNode } from "react";
import { FieldError } from "./field-error.tsx";

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "aria-invalid" | "aria-describedby">;

/**
 * A labelled input with its hint and its errors, tied together for screen readers: the input
 * names its hint and error list in aria-describedby, and is marked invalid while it has errors.
 */
export function TextField({
  id,
  label,
  errors,
  hint,
  ...input
}: { id: string; label: ReactNode; errors?: string[] | undefined; hint?: ReactNode } & InputProps) {
  const describedBy = hint ? `${id}-hint ${id}-error` : `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} aria-invalid={errors ? true : undefined} aria-describedby={describedBy} {...input} />
      {hint ? (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      ) : null}
      <FieldError id={`${id}-error`} messages={errors} />
    </div>
  );
}
