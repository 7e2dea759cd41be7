// The policy that keeps password guessing slow without letting anyone lock a user out.
//
// - Per address: at most SIGN_IN_FAILURES_PER_MINUTE failed sign-ins from one client address in
//   any 60 s; past that, that address is refused (with the wait) whatever it sends.
// - Per account: at most the same number of failed sign-ins for one email in any 60 s, from all
//   addresses together; past that, every try for the account waits until the oldest of those
//   failures is a minute old (at most 60 s), and the message says how long. The wait is the same for
//   everyone, so failures from other addresses can delay the right password, never refuse it for
//   longer than the stated wait; and an attacker must keep up the full rate to keep it waiting.
// - An attempt is recorded before the password is checked, in one transaction with the count, so
//   concurrent tries cannot all slip under a limit; a successful sign-in is then forgotten.
// - Sign-up: at most SIGN_UPS_PER_MINUTE per address in any 60 s, counted the same way.
import { env } from "../env.ts";
import { releaseAttempt, reserveAttempt } from "../db/index.ts";

export const LIMIT_WINDOW_MS = 60_000;

export type LimitRefusal = { reason: "addressLimited" | "accountWait" | "signUpLimited"; retryAfterSeconds: number };

export type SignInReservation = { ok: true; release: () => Promise<void> } | ({ ok: false } & LimitRefusal);

export async function reserveSignInAttempt(email: string, address: string, now: Date): Promise<SignInReservation> {
  const limit = env().SIGN_IN_FAILURES_PER_MINUTE;
  const addressKey = `ip:${address}`;
  const reservation = await reserveAttempt(
    [
      { key: addressKey, limit },
      { key: `email:${email}`, limit },
    ],
    new Date(now.getTime() - LIMIT_WINDOW_MS),
    now,
    LIMIT_WINDOW_MS,
  );
  if (reservation.ok) return { ok: true, release: () => releaseAttempt(reservation.ids) };
  return {
    ok: false,
    reason: reservation.key === addressKey ? "addressLimited" : "accountWait",
    retryAfterSeconds: secondsUntil(reservation.retryAt, now),
  };
}

export async function reserveSignUp(address: string, now: Date): Promise<{ ok: true } | ({ ok: false } & LimitRefusal)> {
  const reservation = await reserveAttempt(
    [{ key: `signup:${address}`, limit: env().SIGN_UPS_PER_MINUTE }],
    new Date(now.getTime() - LIMIT_WINDOW_MS),
    now,
    LIMIT_WINDOW_MS,
  );
  if (reservation.ok) return { ok: true };
  return { ok: false, reason: "signUpLimited", retryAfterSeconds: secondsUntil(reservation.retryAt, now) };
}

export function limitMessage(refusal: LimitRefusal): string {
  const wait = `Try again in ${refusal.retryAfterSeconds} second${refusal.retryAfterSeconds === 1 ? "" : "s"}.`;
  switch (refusal.reason) {
    case "addressLimited":
      return `Too many failed sign-ins from your network. ${wait}`;
    case "accountWait":
      return `Too many failed sign-ins for this account. ${wait}`;
    case "signUpLimited":
      return `Too many sign-ups from your network. ${wait}`;
  }
}

function secondsUntil(when: Date, now: Date): number {
  return Math.max(1, Math.ceil((when.getTime() - now.getTime()) / 1000));
}
