import "server-only";
import { AuthError, CredentialsSignin } from "next-auth";
import { signIn } from "./config.ts";
import { parseLimitCode } from "./limit-code.ts";
import type { LimitRefusal } from "./sign-in-limits.ts";

export type PasswordSignInResult = { status: "ok" } | { status: "invalid" } | ({ status: "limited" } & LimitRefusal);

/** Signs in with email and password, setting the session cookie; never redirects by itself. */
export async function signInWithPassword(email: string, password: string): Promise<PasswordSignInResult> {
  try {
    await signIn("credentials", { email, password, redirect: false });
    return { status: "ok" };
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      const refusal = parseLimitCode(error.code);
      return refusal ? { status: "limited", ...refusal } : { status: "invalid" };
    }
    if (error instanceof AuthError && error.type === "CredentialsSignin") return { status: "invalid" };
    throw error;
  }
}
