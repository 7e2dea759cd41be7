import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUser, enabledOAuthProviders, safeReturnPath } from "@/lib/auth/index.ts";
import { SignInForm } from "@/components/auth/sign-in-form.tsx";
import { OAuthButtons } from "@/components/auth/oauth-buttons.tsx";

export const metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const next = safeReturnPath(params.next);
  if (await currentUser()) redirect(next);
  return (
    <div className="panel narrow">
      <h1>Sign in</h1>
      {params.signedOut && (
        <p className="muted" role="status">
          You are signed out.
        </p>
      )}
      <SignInForm next={next} />
      <OAuthButtons providers={enabledOAuthProviders()} next={next} />
      <p className="muted" style={{ marginTop: "1rem" }}>
        New here? <Link href={`/signup?next=${encodeURIComponent(next)}`}>Create an account</Link>
      </p>
    </div>
  );
}
