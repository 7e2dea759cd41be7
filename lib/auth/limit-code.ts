// Auth.js carries only a string `code` from authorize() back to the caller (and into the sign-in
// page's URL), so a refusal and its wait travel as "accountWait:42".
import type { LimitRefusal } from "./sign-in-limits.ts";

const REASONS = new Set<LimitRefusal["reason"]>(["addressLimited", "accountWait", "signUpLimited"]);

export function limitCode(refusal: LimitRefusal): string {
  return `${refusal.reason}:${refusal.retryAfterSeconds}`;
}

export function parseLimitCode(code: string): LimitRefusal | null {
  const [reason, seconds] = code.split(":");
  const retryAfterSeconds = Number(seconds);
  if (!REASONS.has(reason as LimitRefusal["reason"]) || !Number.isInteger(retryAfterSeconds) || retryAfterSeconds < 1) return null;
  return { reason: reason as LimitRefusal["reason"], retryAfterSeconds };
}
