import "server-only";
import { prisma } from "./client.ts";

// Sign-in bookkeeping. These run before anyone is signed in, so they are scoped by the email or
// address being checked rather than by an acting user.

export function findUserForSignIn(email: string) {
  return prisma.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, passwordHash: true },
  });
}

/** Failures recorded under any of `keys` (e.g. "ip:1.2.3.4", "email:a@b.c") since `since`, per key; the highest. */
export async function countRecentSignInFailures(keys: string[], since: Date): Promise<number> {
  const rows = await prisma.signInAttempt.groupBy({
    by: ["address"],
    where: { address: { in: keys }, createdAt: { gte: since } },
    _count: { _all: true },
  });
  return Math.max(0, ...rows.map((r) => r._count._all));
}

export async function recordSignInFailure(keys: string[], now: Date): Promise<void> {
  const expired = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  await prisma.$transaction([
    prisma.signInAttempt.createMany({ data: keys.map((address) => ({ address, createdAt: now })) }),
    // Old rows serve no purpose; pruning here keeps the table small without a scheduler.
    prisma.signInAttempt.deleteMany({ where: { createdAt: { lt: expired } } }),
  ]);
}
