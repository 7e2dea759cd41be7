import Link from "next/link";
import { redirect } from "next/navigation";
import { MIN_PASSWORD_LENGTH, currentUser, enabledOAuthProviders, safeReturnPath } from "@/lib/auth/index.ts";
import { SignUpForm } from "@/components/auth/sign-up-form.tsx";
import { OAuthButtons } from "@/components/auth/oauth-buttons.tsx";

export const metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const next = safeReturnPath((await searchParams).next);
  if (await currentUser()) redirect(next);
  return (
    <div className="panel narrow">
      <h1>Create your account</h1>
      <SignUpForm next={next} minPasswordLength={MIN_PASSWORD_LENGTH} />
      <OAuthButtons providers={enabledOAuthProviders()} next={next} />
      <p className="muted" style={{ marginTop: "1rem" }}>
        Already have an account? <Link href={`/signin?next=${encodeURIComponent(next)}`}>Sign in</Link>
      </p>
    </div>
  );
}
