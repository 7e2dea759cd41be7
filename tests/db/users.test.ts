// The first account of an installation becomes its admin, and only one does, however many sign
// up at the same moment: the rule must hold through the database's unique index, not through the
// engine running one write at a time.
import { afterAll, describe, expect, it } from "vitest";
import { setUpTempDatabase } from "../support/temp-database.ts";

const database = await setUpTempDatabase();
const { prisma } = await import("@/lib/db/client.ts");
const { createUser, EmailTakenError, revokeSessions, sessionVersionOf } = await import("@/lib/db/users.ts");

afterAll(async () => {
  await prisma.$disconnect();
  await database.cleanup();
});

describe("first admin", () => {
  it("makes exactly one admin out of concurrent first sign-ups", async () => {
    const emails = Array.from({ length: 20 }, (_, i) => `first-${i}@example.com`);
    const created = await Promise.all(emails.map((email) => createUser({ email, name: null, passwordHash: null })));
    expect(created.map((u) => u.email).sort()).toEqual([...emails].sort());
    expect(created.filter((u) => u.role === "admin")).toHaveLength(1);
    expect(await prisma.user.count({ where: { role: "admin" } })).toBe(1);
    expect(await prisma.user.count({ where: { firstAdmin: true } })).toBe(1);
  });

  it("makes later sign-ups learners", async () => {
    const user = await createUser({ email: "later@example.com", name: "Later", passwordHash: null });
    expect(user.role).toBe("learner");
  });

  it("refuses an email already in use, also when the same email signs up twice at once", async () => {
    await expect(createUser({ email: "later@example.com", name: null, passwordHash: null })).rejects.toBeInstanceOf(EmailTakenError);
    const twice = await Promise.allSettled([0, 1].map(() => createUser({ email: "twice@example.com", name: null, passwordHash: null })));
    expect(twice.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = twice.find((r) => r.status === "rejected");
    expect(refused?.status === "rejected" && refused.reason).toBeInstanceOf(EmailTakenError);
    expect((refused as PromiseRejectedResult).reason.code).toBe("EMAIL_TAKEN");
  });
});

// Sign-out ends every session issued so far: a session carries the user's version when issued,
// and the session check compares it with this one (lib/auth/config.ts).
describe("session versions", () => {
  it("moves on by one at each revocation, for that user only, and is unknown for no user", async () => {
    const a = await createUser({ email: "versions-a@example.com", name: null, passwordHash: null });
    const b = await createUser({ email: "versions-b@example.com", name: null, passwordHash: null });
    const before = await sessionVersionOf(a.id);
    expect(before).not.toBeNull();
    await revokeSessions(a.id);
    await revokeSessions(a.id);
    expect(await sessionVersionOf(a.id)).toBe(before! + 2);
    expect(await sessionVersionOf(b.id)).toBe(before);
    expect(await sessionVersionOf("no-such-user")).toBeNull();
    await expect(revokeSessions("no-such-user")).resolves.toBeUndefined();
  });
});
