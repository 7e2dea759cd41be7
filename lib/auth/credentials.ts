// The email-and-password check behind the Credentials provider, with failed tries slowed down.
import { z } from "zod";
import { env } from "../env.ts";
import { countRecentSignInFailures, findUserForSignIn, recordSignInFailure } from "../db/sign-in.ts";
import { decoyPasswordHash, verifyPassword } from "./password.ts";

export const SignInSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email({ error: "Enter a valid email address." })),
  password: z.string().min(1, { error: "Enter your password." }).max(200),
});

export type SignInOutcome =
  | { ok: true; user: { id: string; email: string; name: string | null; role: string } }
  | { ok: false; reason: "invalid" | "rateLimited" };

const WINDOW_MS = 60_000;

/**
 * Checks an email and password. Failures are counted per client address and per email over the
 * last minute; past the limit the password is not even checked, so guessing cannot go faster.
 */
export async function checkCredentials(input: unknown, address: string, now: Date): Promise<SignInOutcome> {
  const parsed = SignInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  const since = new Date(now.getTime() - WINDOW_MS);
  const limit = env().SIGN_IN_FAILURES_PER_MINUTE;
  const failures = await countRecentSignInFailures([`ip:${address}`, `email:${email}`], since);
  if (failures >= limit) return { ok: false, reason: "rateLimited" };

  const user = await findUserForSignIn(email);
  const matches = await verifyPassword(password, user?.passwordHash ?? (await decoyPasswordHash()));
  if (!user || !user.passwordHash || !matches) {
    await recordSignInFailure([`ip:${address}`, `email:${email}`], now);
    return { ok: false, reason: "invalid" };
  }
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}
