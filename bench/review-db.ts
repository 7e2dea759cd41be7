// Review, database side: one learner with 50,000 cards and 500,000 review-log rows, on SQLite and
// on PostgreSQL. Today's queue must build under 50 ms and a grade (state + log, one transaction)
// take under 10 ms at the median, and PostgreSQL stay within 2x of SQLite. Runs in process, through
// the same lib/db functions the app calls.
//
//   npx tsx --conditions=react-server bench/review-db.ts

import { rmSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { EngineName } from "../tests/support/database.ts";
import { measureArgument, measureOnEngines, ratio } from "./support/engines.ts";
import { buildReviewFixture, ONE_BIG_LEARNER } from "./support/review-fixture.ts";
import { machineLine } from "./support/machine.ts";

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

interface EngineFigures {
  queueSize: number;
  queueMs: number[];
  stepMs: number[];
  gradeMs: number[];
  accepted: number;
  logs: number;
  seedMs: number;
}

const WARM_UP_BUILDS = 10;
const QUEUE_BUILDS = 60;
const STEP_BUILDS = 30;

/** Seeds the big learner into `url` and times the review calls; run in a process of its own (one Prisma client each). */
async function measure(url: string): Promise<EngineFigures> {
  const now = new Date();
  const seedStart = performance.now();
  const fixture = await buildReviewFixture({ ...ONE_BIG_LEARNER, now, url });
  const seedMs = performance.now() - seedStart;
  try {
    process.env.DATABASE_URL = url;
    const { prisma } = await import("../lib/db/client.ts");
    const { todaysQueue, loadSchedulerSettings, recordGrade, reviewScreenState } = await import("../lib/db/review/index.ts");
    const learner = fixture.learners[0]!;
    const user = { id: learner.id, email: learner.email, name: null, role: "learner" as const, timeZone: "UTC" };
    const settings = await loadSchedulerSettings(user.id);

    // A running server's figures, not a cold process's: the first builds open PostgreSQL's
    // connections and fill its plan caches (a probe: ~17 ms a queue cold, ~12 ms warm), and with a
    // handful of samples that start let the machine's load swing the ratio. Both engines alike.
    for (let i = 0; i < WARM_UP_BUILDS; i++) {
      await todaysQueue({ user, deckId: null }, settings, now);
      await reviewScreenState(user, null, now);
    }
    const queueMs: number[] = [];
    let queueSize = 0;
    for (let i = 0; i < QUEUE_BUILDS; i++) {
      const t = performance.now();
      const queue = await todaysQueue({ user, deckId: null }, settings, now);
      queueMs.push(performance.now() - t);
      queueSize = queue.items.length;
    }
    const stepMs: number[] = [];
    for (let i = 0; i < STEP_BUILDS; i++) {
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
    return { queueSize, queueMs, stepMs, gradeMs, accepted, logs, seedMs };
  } finally {
    rmSync(fixture.dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<string> {
  const { figures, described } = await measureOnEngines<EngineFigures>(fileURLToPath(import.meta.url), "review");

  const median = (v: number[]) => percentile(v, 50);
  const cell = (engine: EngineName, pick: (f: EngineFigures) => number[]) => {
    const f = figures.get(engine);
    return f ? `${median(pick(f)).toFixed(1)} / ${percentile(pick(f), 95).toFixed(1)} ms` : "not run";
  };
  const ratioOf = (pick: (f: EngineFigures) => number[]) => {
    const s = figures.get("sqlite");
    const p = figures.get("postgresql");
    return ratio(s && median(pick(s)), p && median(pick(p)));
  };
  const sqlite = figures.get("sqlite");
  const queueSize = sqlite?.queueSize ?? figures.get("postgresql")?.queueSize ?? 0;
  const rows: Array<[string, (f: EngineFigures) => number[], string]> = [
    [`today's queue (${queueSize} cards), ${QUEUE_BUILDS} builds after ${WARM_UP_BUILDS} untimed`, (f) => f.queueMs, "< 50 ms"],
    ["grade: state + log in one transaction, 300 grades", (f) => f.gradeMs, "< 10 ms median"],
    [`next review step (queue + card + previews + HTML), ${STEP_BUILDS} builds`, (f) => f.stepMs, ""],
  ];
  return [
    "## Review, database side, on both engines",
    "",
    "One learner with 50,000 cards in 50 decks (45,000 studied, 400 due) and 500,000 review-log rows; " +
      "`lib/db/review` called in process (a process per engine, one after the other). `npx tsx --conditions=react-server bench/review-db.ts`.",
    ...described.map((line) => `- ${line}`),
    "",
    "| measure | SQLite median / p95 | PostgreSQL median / p95 | PostgreSQL / SQLite (medians) | target |",
    "| --- | --- | --- | --- | --- |",
    ...rows.map(
      ([label, pick, target]) => `| ${label} | ${cell("sqlite", pick)} | ${cell("postgresql", pick)} | ${ratioOf(pick)} | ${target} |`,
    ),
    "",
    ...[...figures].map(
      ([engine, f]) =>
        `${engine}: ${f.logs.toLocaleString("en")} log rows after (500,000 + ${f.accepted} accepted grades); seeding took ${(f.seedMs / 1000).toFixed(1)} s (not timed above).`,
    ),
    machineLine(),
    "",
  ].join("\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const url = measureArgument();
  process.stdout.write(url ? `\n${JSON.stringify(await measure(url))}\n` : await run());
}
