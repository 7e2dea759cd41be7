// The sign-in and sign-up limits, against a real SQLite file, with `now` passed in so the stated
// waits can be walked through without sleeping.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setUpTempDatabase } from "../support/temp-database.ts";

// Stands in for bcrypt (slow by design) and counts the comparisons: the audit's 40 concurrent
// tries ran 21 of them past a limit of 10. The pause lets concurrent checks interleave as bcrypt's do.
const checks = vi.hoisted(() => ({ count: 0 }));
vi.mock("@/lib/auth/password.ts", () => ({
  hashPassword: async (password: string) => `test-hash:${password}`,
  decoyPasswordHash: async () => "test-hash:no account has this password",
  verifyPassword: async (password: string, hash: string) => {
    checks.count++;
    await new Promise((resolve) => setTimeout(resolve, 5));
    return hash === `test-hash:${password}`;
  },
}));

const database = await setUpTempDatabase();
const { prisma } = await import("@/lib/db/client.ts");
const { checkCredentials } = await import("@/lib/auth/credentials.ts");
const { hashPassword } = await import("@/lib/auth/password.ts");
const { reserveSignUp, limitMessage } = await import("@/lib/auth/sign-in-limits.ts");

const PASSWORD = "correct horse battery";
const T0 = new Date("2026-03-01T10:00:00.000Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const attempt = (email: string, password: string, address: string, now: Date) => checkCredentials({ email, password }, address, now);

beforeAll(async () => {
  const passwordHash = await hashPassword(PASSWORD);
  for (const email of ["victim@example.com", "concurrent@example.com", "address@example.com", "busy@example.com"]) {
    await prisma.user.create({ data: { email, passwordHash } });
  }
});
afterAll(async () => {
  await prisma.$disconnect();
  await database.cleanup();
});

describe("10.5: sign-in limits", () => {
  it("10.5: 40 concurrent wrong passwords check at most the limit (10)", async () => {
    checks.count = 0;
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, (_, i) => attempt("concurrent@example.com", `wrong ${i}`, "198.51.100.40", at(0))),
    );
    expect(checks.count).toBeLessThanOrEqual(10);
    expect(outcomes.filter((o) => !o.ok && o.reason === "invalid")).toHaveLength(checks.count);
    expect(outcomes.filter((o) => !o.ok && o.reason === "addressLimited").length).toBe(40 - checks.count);
    expect(await prisma.signInAttempt.count({ where: { address: "email:concurrent@example.com" } })).toBe(checks.count);
  });

  it("10.5: 10 wrong passwords from other addresses delay the right one by the stated wait, never longer", async () => {
    for (let i = 0; i < 10; i++) {
      const outcome = await attempt("victim@example.com", `guess ${i}`, `203.0.113.${i + 1}`, at(i));
      expect(outcome).toEqual({ ok: false, reason: "invalid" });
    }
    checks.count = 0;
    const waiting = await attempt("victim@example.com", PASSWORD, "192.0.2.200", at(10));
    expect(waiting).toEqual({ ok: false, reason: "accountWait", retryAfterSeconds: 50 });
    expect(checks.count).toBe(0);
    if (waiting.ok || waiting.reason === "invalid") throw new Error("unreachable");
    expect(limitMessage(waiting)).toBe("Too many failed sign-ins for this account. Try again in 50 seconds.");
    // A second before the stated time it still waits; at the stated time the right password works.
    expect(await attempt("victim@example.com", PASSWORD, "192.0.2.200", at(59))).toMatchObject({
      reason: "accountWait",
      retryAfterSeconds: 1,
    });
    const signedIn = await attempt("victim@example.com", PASSWORD, "192.0.2.200", at(10 + waiting.retryAfterSeconds));
    expect(signedIn).toMatchObject({ ok: true, user: { email: "victim@example.com" } });
  });

  it("10.5: an address past its limit is refused, even with the right password; other addresses are not", async () => {
    for (let i = 0; i < 10; i++) {
      // A different email each time, so only the address limit can be reached.
      expect(await attempt(`nobody-${i}@example.com`, "guess", "198.51.100.7", at(100))).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await attempt("address@example.com", PASSWORD, "198.51.100.7", at(101))).toEqual({
      ok: false,
      reason: "addressLimited",
      retryAfterSeconds: 59,
    });
    expect(await attempt("address@example.com", PASSWORD, "198.51.100.8", at(101))).toMatchObject({ ok: true });
    expect(await attempt("address@example.com", PASSWORD, "198.51.100.7", at(160))).toMatchObject({ ok: true });
  });

  it("10.5: successful sign-ins are not counted against the address or the account", async () => {
    for (let i = 0; i < 12; i++) {
      expect(await attempt("busy@example.com", PASSWORD, "198.51.100.9", at(200))).toMatchObject({ ok: true });
    }
    expect(await prisma.signInAttempt.count({ where: { address: { in: ["ip:198.51.100.9", "email:busy@example.com"] } } })).toBe(0);
  });
});

describe("10.9: sign-up limit", () => {
  it("10.9: sign-ups are limited per address, and the refusal states the wait", async () => {
    // The default, SIGN_UPS_PER_MINUTE=20: one a second for 20 seconds.
    for (let i = 0; i < 20; i++) expect(await reserveSignUp("198.51.100.50", at(290 + i))).toEqual({ ok: true });
    const refused = await reserveSignUp("198.51.100.50", at(310));
    expect(refused).toEqual({ ok: false, reason: "signUpLimited", retryAfterSeconds: 40 });
    if (refused.ok) throw new Error("unreachable");
    expect(limitMessage(refused)).toBe("Too many sign-ups from your network. Try again in 40 seconds.");
    expect(await reserveSignUp("198.51.100.51", at(310))).toEqual({ ok: true });
    expect(await reserveSignUp("198.51.100.50", at(350))).toEqual({ ok: true });
  });
});
