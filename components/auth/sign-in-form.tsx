"use client";
import { useActionState } from "react";
import { signInAction, type SignInState } from "@/app/signin/actions.ts";
import { TextField } from "../ui/text-field.tsx";
import { FormError } from "@/components/ui/form-error.tsx";

export function SignInForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, { email: "", fieldErrors: {} });
  return (
    <form action={action} noValidate aria-describedby={state.formError ? "signin-error" : undefined}>
      <FormError id="signin-error" message={state.formError} />
      <input type="hidden" name="next" value={next} />
      <TextField
        id="email"
        label="Email"
        errors={state.fieldErrors.email}
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.email}
      />
      <TextField
        id="password"
        label="Password"
        errors={state.fieldErrors.password}
        name="password"
        type="password"
        autoComplete="current-password"
        required
      />
      <button className="button full" type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
