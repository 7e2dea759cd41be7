// Review events synced over HTTP against the production build on loopback:
//  - 10,000 grade events from 20 learners through POST /api/review/sync, in batches of up to 500
//    (target: at least 500 events a second), each stored once (a resent batch adds nothing),
//  - in the same run, the same learners grading one card per request through POST /api/review,
//    as the review screen did before events, for comparison.
//
//   npx tsx --conditions=react-server bench/review-sync.ts      (builds first if the dist dir is absent)

import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { pathToFileURL } from "node:url";
import bcrypt from "bcryptjs";
import { MAX_SYNC_BATCH } from "../lib/contracts/index.ts";
import { withDatabase } from "../tests/support/database.ts";
import { buildReviewFixture } from "./support/review-fixture.ts";
import { ensureBuild, signInOverHttp, startServer } from "./support/server.ts";
import { machineLine } from "./support/machine.ts";

const PASSWORD = "bench password 123";
const LEARNERS = 20;
const EVENTS = 10_000;
const PER_LEARNER = EVENTS / LEARNERS;
/** Grades through the one-grade endpoint, per learner, for the comparison. */
const SINGLE_GRADES = Number(process.env.BENCH_SINGLE_GRADES ?? 25);
const ok = (good: boolean) => (good ? "yes" : "**no**");

interface GradeEvent {
  id: string;
  kind: "grade";
  cardId: string;
  rating: number;
  at: string;
  durationMs: number;
  deviceId: string;
}

export async function run(): Promise<string> {
  ensureBuild();
  const now = new Date();
  const passwordHash = await bcrypt.hash(PASSWORD, 10);
  const fixture = await buildReviewFixture({
    learners: LEARNERS,
    cardsPerLearner: 1_500,
    studiedPerLearner: 1_000,
    duePerLearner: 400,
    logsPerLearner: 2_000,
    decksPerLearner: 5,
    passwordHash,
    now,
  });
  try {
    const cardsOf = await withDatabase(
      `file:${fixture.file}`,
      (db) => db.all<{ id: string; scope: string }>(`SELECT id, scope FROM "Card" ORDER BY scope, sourceFile, sourceLine`),
      { readonly: true },
    );
    const byLearner = new Map<string, string[]>();
    for (const card of cardsOf) {
      const list = byLearner.get(card.scope);
      if (list) list.push(card.id);
      else byLearner.set(card.scope, [card.id]);
    }

    // Each learner's device graded 500 cards offline over the last few hours: a mix of studied and
    // new cards, one grade each, the oldest first.
    const start = now.getTime() - 3 * 60 * 60_000;
    const batches = fixture.learners.map((learner, l) => {
      const cards = byLearner.get(learner.id) ?? [];
      const events: GradeEvent[] = Array.from({ length: PER_LEARNER }, (_, k) => ({
        id: randomUUID(),
        kind: "grade",
        cardId: cards[(k * 3) % cards.length]!,
        rating: (k + l) % 7 === 0 ? 1 : 3,
        at: new Date(start + k * 15_000).toISOString(),
        durationMs: 3000,
        deviceId: `bench-device-${l}`,
      }));
      const chunks: GradeEvent[][] = [];
      for (let i = 0; i < events.length; i += MAX_SYNC_BATCH) chunks.push(events.slice(i, i + MAX_SYNC_BATCH));
      return chunks;
    });

    const server = await startServer(fixture.url);
    let syncSeconds = 0;
    let syncErrors = 0;
    let accepted = 0;
    let resentAdded = -1;
    let singleSeconds = 0;
    let singleGrades = 0;
    let singleErrors = 0;
    const batchMs: number[] = [];
    try {
      // One after another: sign-in attempts are counted per address before the password is checked,
      // so twenty at once from one address would meet the limit on guessing.
      const cookies: string[] = [];
      for (const learner of fixture.learners) cookies.push(await signInOverHttp(server.baseUrl, learner.email, PASSWORD));
      const sync = async (cookie: string, events: GradeEvent[]) => {
        const t = performance.now();
        const response = await fetch(`${server.baseUrl}/api/review/sync`, {
          method: "POST",
          headers: { "content-type": "application/json", cookie },
          body: JSON.stringify({ events }),
        });
        const body = (await response.json().catch(() => ({}))) as { accepted?: string[]; refused?: unknown[] };
        batchMs.push(performance.now() - t);
        if (!response.ok || (body.refused?.length ?? 0) > 0) syncErrors++;
        return body.accepted?.length ?? 0;
      };
      // Warm the route once (compiles nothing in production, but loads the modules).
      await sync(cookies[0]!, []);

      const t0 = performance.now();
      await Promise.all(
        batches.map(async (chunks, i) => {
          for (const chunk of chunks) {
            const stored = await sync(cookies[i]!, chunk);
            accepted += stored;
          }
        }),
      );
      syncSeconds = (performance.now() - t0) / 1000;

      // One learner's device did not hear back and sends its batch again.
      const eventsBefore = await countEvents(fixture.file);
      await sync(cookies[0]!, batches[0]![0]!);
      resentAdded = (await countEvents(fixture.file)) - eventsBefore;

      // The same learners through the one-grade endpoint, one request per grade, all at once.
      const t1 = performance.now();
      await Promise.all(
        fixture.learners.map(async (learner, i) => {
          const cards = byLearner.get(learner.id) ?? [];
          for (let n = 0; n < SINGLE_GRADES; n++) {
            const response = await fetch(`${server.baseUrl}/api/review`, {
              method: "POST",
              headers: { "content-type": "application/json", cookie: cookies[i]! },
              body: JSON.stringify({
                type: "grade",
                cardId: cards[(n * 3 + 1) % cards.length],
                rating: 3,
                version: 0,
                clientReviewId: `single-${learner.id}-${n}`,
                durationMs: 3000,
              }),
            });
            await response.arrayBuffer();
            if (response.ok) singleGrades++;
            else singleErrors++;
          }
        }),
      );
      singleSeconds = (performance.now() - t1) / 1000;
    } finally {
      server.stop();
    }

    const stored = await withDatabase(
      `file:${fixture.file}`,
      (db) =>
        db.all<{ userId: string; events: number; logs: number }>(
          `SELECT e.userId, COUNT(*) AS events,
             (SELECT COUNT(*) FROM "ReviewLog" l WHERE l.userId = e.userId AND l.clientReviewId IN
               (SELECT id FROM "ReviewEvent" x WHERE x.userId = e.userId AND x.kind = 'grade' AND x.deviceId LIKE 'bench-device-%')) AS logs
           FROM "ReviewEvent" e WHERE e.kind = 'grade' AND e.deviceId LIKE 'bench-device-%' GROUP BY e.userId`,
        ),
      { readonly: true },
    );
    const once = stored.length === LEARNERS && stored.every((r) => Number(r.events) === PER_LEARNER && Number(r.logs) === PER_LEARNER);
    const eventsPerSecond = EVENTS / syncSeconds;
    const gradesPerSecond = singleGrades / singleSeconds;
    const sorted = [...batchMs].sort((a, b) => a - b);
    const p = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;

    return [
      "## Review sync over HTTP",
      "",
      "The production build (`next start`) on loopback, requests from this process with Node's fetch. `npm run bench -- review-sync`.",
      "",
      "| measure | result | target | met |",
      "| --- | --- | --- | --- |",
      `| ${EVENTS} grade events from ${LEARNERS} learners (one grade on each of 500 cards a learner), batches of ${MAX_SYNC_BATCH}, learners at once | ${syncSeconds.toFixed(1)} s: **${eventsPerSecond.toFixed(0)} events/s**; a batch p50 / max ${p(0.5).toFixed(0)} / ${p(1).toFixed(0)} ms | ≥ 500 events/s | ${ok(eventsPerSecond >= 500)} |`,
      `| accepted, and each stored once: events and their review-log rows per learner | ${accepted} accepted; ${once ? `${PER_LEARNER} and ${PER_LEARNER} for each of ${LEARNERS}` : JSON.stringify(stored.slice(0, 3))} | ${EVENTS}; ${PER_LEARNER} each | ${ok(once && accepted === EVENTS)} |`,
      `| a batch of ${MAX_SYNC_BATCH} sent again: rows added | ${resentAdded} | 0 | ${ok(resentAdded === 0)} |`,
      `| refused or failed batches | ${syncErrors} | 0 | ${ok(syncErrors === 0)} |`,
      `| same run, one grade per POST /api/review (${LEARNERS} learners × ${SINGLE_GRADES}, no pause) | ${singleGrades} grades in ${singleSeconds.toFixed(1)} s: **${gradesPerSecond.toFixed(1)} grades/s**, ${singleErrors} errors | for comparison | ratio ${(eventsPerSecond / gradesPerSecond).toFixed(0)}× |`,
      "",
      machineLine("The load generator shares the two cores with the server."),
      "",
    ].join("\n");
  } finally {
    rmSync(fixture.dir, { recursive: true, force: true });
  }
}

async function countEvents(file: string): Promise<number> {
  const rows = await withDatabase(`file:${file}`, (db) => db.all<{ n: number }>(`SELECT COUNT(*) AS n FROM "ReviewEvent"`), {
    readonly: true,
  });
  return Number(rows[0]?.n ?? 0);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(await run());
}
