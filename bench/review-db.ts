// Review, database side: one learner with 50,000 cards and 500,000 review-log rows in
// SQLite. Today's queue must build under 50 ms and a grade (state + log, one transaction) take
// under 10 ms at the median. Runs in process, through the same lib/db functions the app calls.
//
//   npx tsx --conditions=react-server bench/review-db.ts

import { rmSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { buildReviewFixture, ONE_BIG_LEARNER } from "./support/review-fixture.ts";
import { machineLine } from "./support/machine.ts";

const ok = (good: boolean) => (good ? "yes" : "**no**");

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export async function run(): Promise<string> {
  const now = new Date();
  const seedStart = performance.now();
  const fixture = await buildReviewFixture({ ...ONE_BIG_LEARNER, now });
  const seedMs = performance.now() - seedStart;
  try {
    process.env.DATABASE_URL = `file:${fixture.file}`;
    const { prisma } = await import("../lib/db/client.ts");
    const { todaysQueue, loadSchedulerSettings, recordGrade, reviewScreenState } = await import("../lib/db/review/index.ts");
    const learner = fixture.learners[0]!;
    const user = { id: learner.id, email: learner.email, name: null, role: "learner" as const, timeZone: "UTC" };
    const settings = await loadSchedulerSettings(user.id);

    const queueMs: number[] = [];
    let queueSize = 0;
    for (let i = 0; i < 25; i++) {
      const t = performance.now();
      const queue = await todaysQueue({ user, deckId: null }, settings, now);
      queueMs.push(performance.now() - t);
      queueSize = queue.items.length;
    }
    const stepMs: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t = performance.now();
      await reviewScreenState(user, null, now);
      stepMs.push(performance.now() - t);
    }

    const dueCards = await prisma.cardState.findMany({
      where: { userId: user.id, due: { lt: now } },
      select: { cardId: true, version: true },
      take: 300,
    });
    const gradeMs: number[] = [];
    let accepted = 0;
    for (const [i, card] of dueCards.entries()) {
      const t = performance.now();
      const outcome = await recordGrade(
        user,
        { cardId: card.cardId, rating: i % 7 === 0 ? 1 : 3, version: card.version, clientReviewId: `bench-${i}`, durationMs: 3000 },
        now,
      );
      gradeMs.push(performance.now() - t);
      if (outcome.ok) accepted++;
    }
    const logs = await prisma.reviewLog.count({ where: { userId: user.id } });
    await prisma.$disconnect();

    const median = (v: number[]) => percentile(v, 50);
    return [
      "## Review, in SQLite",
      "",
      "One learner with 50,000 cards in 50 decks (45,000 studied, 400 due) and 500,000 review-log rows; " +
        "`lib/db/review` called in process on a WAL-mode SQLite file. `npx tsx --conditions=react-server bench/review-db.ts`.",
      "",
      "| measure | median | p95 | target | met |",
      "| --- | --- | --- | --- | --- |",
      `| today's queue (${queueSize} cards), 25 builds | ${median(queueMs).toFixed(1)} ms | ${percentile(queueMs, 95).toFixed(1)} ms | < 50 ms | ${ok(median(queueMs) < 50)} |`,
      `| grade: state + log in one transaction, ${gradeMs.length} grades (${accepted} accepted) | ${median(gradeMs).toFixed(1)} ms | ${percentile(gradeMs, 95).toFixed(1)} ms | < 10 ms median | ${ok(median(gradeMs) < 10)} |`,
      `| next review step (queue + card + previews + HTML), 10 builds | ${median(stepMs).toFixed(1)} ms | ${percentile(stepMs, 95).toFixed(1)} ms | | |`,
      "",
      `Log rows after: ${logs.toLocaleString("en")} (500,000 + ${accepted} accepted grades). Seeding took ${(seedMs / 1000).toFixed(1)} s (not timed above).`,
      machineLine(),
      "",
    ].join("\n");
  } finally {
    rmSync(fixture.dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(await run());
}
