"use client";
import { useActionState } from "react";
import { signUpAction, type SignUpState } from "@/app/signup/actions.ts";
import { TextField } from "../ui/text-field.tsx";
import { FormError } from "@/components/ui/form-error.tsx";

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
      <FormError message={state.formError} />
      <input type="hidden" name="next" value={next} />
      <TextField
        id="name"
        label={
          <>
            Name <span className="muted">(optional)</span>
          </>
        }
        errors={errors.name}
        name="name"
        autoComplete="name"
        defaultValue={state.values.name}
      />
      <TextField
        id="email"
        label="Email"
        errors={errors.email}
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.values.email}
      />
      <TextField
        id="password"
        label="Password"
        hint={<>At least {minPasswordLength} characters.</>}
        errors={errors.password}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={minPasswordLength}
      />
      <button className="button full" type="submit" disabled={pending}>
        {pending ? "Creating your account…" : "Create account"}
      </button>
    </form>
  );
}
