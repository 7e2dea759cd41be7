import "server-only";
import { AuthError, CredentialsSignin } from "next-auth";
import { signIn } from "./config.ts";

export type PasswordSignInResult = "ok" | "invalid" | "rateLimited";

/** Signs in with email and password, setting the session cookie; never redirects by itself. */
export async function signInWithPassword(email: string, password: string): Promise<PasswordSignInResult> {
  try {
    await signIn("credentials", { email, password, redirect: false });
    return "ok";
  } catch (error) {
    if (error instanceof CredentialsSignin) return error.code === "rate_limited" ? "rateLimited" : "invalid";
    if (error instanceof AuthError && error.type === "CredentialsSignin") return "invalid";
    throw error;
  }
}
