"use server";
import { z } from "zod";
import { enabledOAuthProviders, safeReturnPath, signIn } from "@/lib/auth/index.ts";

const OAuthSignInSchema = z.object({ provider: z.enum(["github", "google"]), next: z.string().optional() });

export async function oauthSignInAction(formData: FormData): Promise<void> {
  const parsed = OAuthSignInSchema.safeParse({ provider: formData.get("provider"), next: formData.get("next") ?? undefined });
  if (!parsed.success) throw new Error("Unknown sign-in provider.");
  if (!enabledOAuthProviders().some((p) => p.id === parsed.data.provider)) throw new Error("That sign-in provider is not set up here.");
  // Auth.js answers with a redirect to the provider; it is thrown and must not be caught.
  await signIn(parsed.data.provider, { redirectTo: safeReturnPath(parsed.data.next) });
}
