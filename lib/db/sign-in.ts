import "server-only";
import { prisma } from "./client.ts";
import { databaseCoordination } from "./engine/coordination.ts";

// Sign-in and sign-up bookkeeping. These run before anyone is signed in, so they are scoped by the
// email or address being checked rather than by an acting user. Each row is one attempt under one
// key ("ip:1.2.3.4", "email:a@b.c", "signup:1.2.3.4"); the limits are counts of rows in a window.

export function findUserForSignIn(email: string) {
  return prisma.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, passwordHash: true, sessionVersion: true },
  });
}

export interface AttemptLimit {
  key: string;
  /** Attempts allowed under `key` since `since`. */
  limit: number;
}

export type Reservation = { ok: true; ids: string[] } | { ok: false; key: string; retryAt: Date };

/** Old rows serve no purpose; pruning as we go keeps the table small without a scheduler. */
const KEEP_MS = 24 * 60 * 60 * 1000;

/**
 * Records an attempt under every key at once, unless one of them is already at its limit since
 * `since`; then nothing is recorded and `retryAt` says when that key's oldest counted attempt
 * leaves the window (attempts exactly `windowMs` old no longer count). The count and the insert
 * share one transaction that holds the engine's lock on every key, so concurrent attempts under a
 * key take turns and cannot all see room under the limit.
 */
export async function reserveAttempt(limits: AttemptLimit[], since: Date, now: Date, windowMs: number): Promise<Reservation> {
  return prisma.$transaction(async (tx) => {
    await databaseCoordination().transactionLocks.lock(
      tx,
      "sign-in-attempts",
      limits.map(({ key }) => key),
    );
    for (const { key, limit } of limits) {
      const recent = await tx.signInAttempt.findMany({
        where: { address: key, createdAt: { gt: since } },
        orderBy: { createdAt: "asc" },
        select: { createdAt: true },
      });
      if (recent.length >= limit) {
        // The attempt that must age out before there is room again.
        const blocking = recent[recent.length - limit]!.createdAt;
        return { ok: false, key, retryAt: new Date(blocking.getTime() + windowMs) };
      }
    }
    const ids: string[] = [];
    for (const { key } of limits) {
      const row = await tx.signInAttempt.create({ data: { address: key, createdAt: now }, select: { id: true } });
      ids.push(row.id);
    }
    await tx.signInAttempt.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - KEEP_MS) } } });
    return { ok: true, ids };
  });
}

/** Forgets reserved attempts that turned out to be successful sign-ins, which no limit counts. */
export async function releaseAttempt(ids: string[]): Promise<void> {
  await prisma.signInAttempt.deleteMany({ where: { id: { in: ids } } });
}
