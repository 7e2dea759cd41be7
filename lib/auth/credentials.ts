// The email-and-password check behind the Credentials provider, behind the limits in sign-in-limits.ts.
import { z } from "zod";
import { findUserForSignIn } from "../db/index.ts";
import { emailField } from "./email.ts";
import { decoyPasswordHash, verifyPassword } from "./password.ts";
import { reserveSignInAttempt, type LimitRefusal } from "./sign-in-limits.ts";

export const SignInSchema = z.object({
  email: emailField("Enter a valid email address."),
  password: z.string().min(1, { error: "Enter your password." }).max(200, { error: "A password has at most 200 characters." }),
});

export type SignInOutcome =
  | { ok: true; user: { id: string; email: string; name: string | null; role: string } }
  | { ok: false; reason: "invalid" }
  | ({ ok: false } & LimitRefusal);

/**
 * Checks an email and password. The attempt is counted before bcrypt runs, so past a limit the
 * password is not even checked and guessing cannot go faster, however many requests arrive at once.
 */
export async function checkCredentials(input: unknown, address: string, now: Date): Promise<SignInOutcome> {
  const parsed = SignInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  const reservation = await reserveSignInAttempt(email, address, now);
  if (!reservation.ok) return reservation;

  const user = await findUserForSignIn(email);
  const matches = await verifyPassword(password, user?.passwordHash ?? (await decoyPasswordHash()));
  if (!user || !user.passwordHash || !matches) return { ok: false, reason: "invalid" };
  await reservation.release();
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}
