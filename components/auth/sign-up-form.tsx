"use client";
import { useActionState } from "react";
import { signUpAction, type SignUpState } from "@/app/signup/actions.ts";
import { FieldError } from "../ui/field-error.tsx";

export function SignUpForm({ next, minPasswordLength }: { next: string; minPasswordLength: number }) {
  // The learner's day starts at 4 a.m. in their zone; the browser knows which zone that is, and
  // says so with the form it submits.
  const withTimeZone = (previous: SignUpState, form: FormData) => {
    form.set("timeZone", Intl.DateTimeFormat().resolvedOptions().timeZone);
    return signUpAction(previous, form);
  };
  const [state, action, pending] = useActionState<SignUpState, FormData>(withTimeZone, {
    values: { name: "", email: "" },
    fieldErrors: {},
  });
  const errors = state.fieldErrors;
  return (
    <form action={action} noValidate>
      <div aria-live="polite">
        {state.formError && (
          <p className="form-error" role="alert">
            {state.formError}
          </p>
        )}
      </div>
      <input type="hidden" name="next" value={next} />
      <div className="field">
        <label htmlFor="name">
          Name <span className="muted">(optional)</span>
        </label>
        <input
          id="name"
          name="name"
          autoComplete="name"
          defaultValue={state.values.name}
          aria-invalid={errors.name ? true : undefined}
          aria-describedby="name-error"
        />
        <FieldError id="name-error" messages={errors.name} />
      </div>
      <div className="field">
        <label htmlFor="email">Email</label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={state.values.email}
          aria-invalid={errors.email ? true : undefined}
          aria-describedby="email-error"
        />
        <FieldError id="email-error" messages={errors.email} />
      </div>
      <div className="field">
        <label htmlFor="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={minPasswordLength}
          aria-invalid={errors.password ? true : undefined}
          aria-describedby="password-hint password-error"
        />
        <span id="password-hint" className="hint">
          At least {minPasswordLength} characters.
        </span>
        <FieldError id="password-error" messages={errors.password} />
      </div>
      <button className="button full" type="submit" disabled={pending}>
        {pending ? "Creating your account…" : "Create account"}
      </button>
    </form>
  );
}
