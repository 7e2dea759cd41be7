"use client";
import { useActionState } from "react";
import { signInAction, type SignInState } from "@/app/signin/actions.ts";
import { FieldError } from "../ui/field-error.tsx";

export function SignInForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, { email: "", fieldErrors: {} });
  return (
    <form action={action} noValidate aria-describedby={state.formError ? "signin-error" : undefined}>
      <div aria-live="polite">
        {state.formError && (
          <p id="signin-error" className="form-error" role="alert">
            {state.formError}
          </p>
        )}
      </div>
      <input type="hidden" name="next" value={next} />
      <div className="field">
        <label htmlFor="email">Email</label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={state.email}
          aria-invalid={state.fieldErrors.email ? true : undefined}
          aria-describedby="email-error"
        />
        <FieldError id="email-error" messages={state.fieldErrors.email} />
      </div>
      <div className="field">
        <label htmlFor="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={state.fieldErrors.password ? true : undefined}
          aria-describedby="password-error"
        />
        <FieldError id="password-error" messages={state.fieldErrors.password} />
      </div>
      <button className="button full" type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
