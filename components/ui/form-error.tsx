import type { ReactNode } from "react";

/**
 * Where a form says what went wrong as a whole (not one field): announced politely as it appears.
 * `children` sit in the same live region, for a form's success message.
 */
export function FormError({ id, message, children }: { id?: string; message?: string | undefined; children?: ReactNode }) {
  return (
    <div aria-live="polite">
      {message && (
        <p id={id} className="form-error" role="alert">
          {message}
        </p>
      )}
      {children}
    </div>
  );
}
