// Review over HTTP against the production build on loopback:
//  - the review page's first load for a learner with 50,000 cards and 500,000 log rows (< 300 ms),
//  - the JavaScript the review page ships, gzipped (< 150 kB),
//  - 20 learners grading at once for 60 s (p95 < 150 ms, no errors, one log row per accepted grade).
//
//   npx tsx --conditions=react-server bench/review-http.ts      (builds first if .next is absent)
//   BENCH_SECONDS=10 shortens the load phase while trying things out.

import { rmSync } from "node:fs";
import { pathToFileURL } from "node:url";
import bcrypt from "bcryptjs";
import { withDatabase } from "../tests/support/database.ts";
import { buildReviewFixture, ONE_BIG_LEARNER } from "./support/review-fixture.ts";
import { ensureBuild, signInOverHttp, startServer } from "./support/server.ts";
import { pageJavaScript } from "./support/page-javascript.ts";
import { machineLine } from "./support/machine.ts";

const PASSWORD = "bench password 123";
const LEARNERS = 20;
const ok = (good: boolean) => (good ? "yes" : "**no**");

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

interface Step {
  card: { cardId: string; version: number } | null;
}

export async function run(): Promise<string> {
  ensureBuild();
  const now = new Date();
  const passwordHash = await bcrypt.hash(PASSWORD, 10);
  const big = await buildReviewFixture({ ...ONE_BIG_LEARNER, passwordHash, now });
  const crowd = await buildReviewFixture({
    learners: LEARNERS,
    cardsPerLearner: 3_000,
    studiedPerLearner: 2_500,
    duePerLearner: 2_500,
    logsPerLearner: 5_000,
    decksPerLearner: 10,
    passwordHash,
    now,
  });
  try {
    // First load of the review page, on the big collection.
    const bigServer = await startServer(big.file);
    let firstLoad: number[] = [];
    let js = { files: 0, gzipped: 0, raw: 0 };
    try {
      const cookie = await signInOverHttp(bigServer.baseUrl, big.learners[0]!.email, PASSWORD);
      for (let i = 0; i < 12; i++) {
        const t = performance.now();
        const response = await fetch(`${bigServer.baseUrl}/review`, { headers: { cookie } });
        await response.text();
        if (response.status !== 200) throw new Error(`/review answered ${response.status}`);
        firstLoad.push(performance.now() - t);
      }
      firstLoad = firstLoad.slice(2); // the first two warm the server's caches
      js = await pageJavaScript(`${bigServer.baseUrl}/review`, cookie);
    } finally {
      bigServer.stop();
    }

    // Twenty learners grading at once.
    const server = await startServer(crowd.file);
    const seconds = Number(process.env.BENCH_SECONDS ?? 60);
    const thinkMs = Number(process.env.BENCH_THINK_MS ?? 1000);
    const thinkSpreadMs = Math.max(1, Number(process.env.BENCH_THINK_SPREAD_MS ?? 2000));
    const latencies: number[] = [];
    let errors = 0;
    let accepted = 0;
    const acceptedBy = new Map<string, number>();
    try {
      const cookies = await Promise.all(crowd.learners.map((l) => signInOverHttp(server.baseUrl, l.email, PASSWORD)));
      const until = Date.now() + seconds * 1000;
      const post = async (cookie: string, body: object): Promise<Step | null> => {
        const t = performance.now();
        try {
          const response = await fetch(`${server.baseUrl}/api/review`, {
            method: "POST",
            headers: { "content-type": "application/json", cookie },
            body: JSON.stringify(body),
          });
          const json = (await response.json()) as Step;
          latencies.push(performance.now() - t);
          if (!response.ok) {
            errors++;
            return null;
          }
          return json;
        } catch {
          errors++;
          return null;
        }
      };
      await Promise.all(
        crowd.learners.map(async (learner, i) => {
          const cookie = cookies[i]!;
          // People do not all open the app in the same millisecond: starts spread over 2 s.
          await new Promise((r) => setTimeout(r, i * 100));
          let step = await post(cookie, { type: "next" });
          let n = 0;
          while (step?.card && Date.now() < until) {
            const card = step.card;
            // A person reads, recalls and reveals before grading: 1 to 3 s a card here, quicker than
            // most people (Anki's own statistics put typical answers at several seconds).
            await new Promise((r) => setTimeout(r, thinkMs + ((n * 397 + i * 131) % thinkSpreadMs)));
            const next = await post(cookie, {
              type: "grade",
              cardId: card.cardId,
              rating: n % 9 === 0 ? 1 : 3,
              version: card.version,
              clientReviewId: `${learner.id}-${n}`,
              durationMs: 4000,
            });
            n++;
            if (next) {
              accepted++;
              acceptedBy.set(learner.id, (acceptedBy.get(learner.id) ?? 0) + 1);
            }
            step = next;
          }
        }),
      );
    } finally {
      server.stop();
    }
    const counted = await withDatabase(
      `file:${crowd.file}`,
      (db) =>
        db.all<{ userId: string; n: number }>(
          `SELECT userId, COUNT(*) AS n FROM "ReviewLog" WHERE clientReviewId IS NOT NULL GROUP BY userId`,
        ),
      { readonly: true },
    );
    const logged = new Map(counted.map((r) => [r.userId, Number(r.n)]));
    const exact = crowd.learners.every((l) => (logged.get(l.id) ?? 0) === (acceptedBy.get(l.id) ?? 0));
    const totalLogged = [...logged.values()].reduce((a, b) => a + b, 0);
    const p95 = percentile(latencies, 95);
    const medianLoad = percentile(firstLoad, 50);

    return [
      "## Review over HTTP",
      "",
      "The production build (`next start`) on loopback, requests from this process with Node's fetch. `npx tsx --conditions=react-server bench/review-http.ts`.",
      "",
      "| measure | result | target | met |",
      "| --- | --- | --- | --- |",
      `| review page first load, learner with 50,000 cards / 500,000 log rows (median of 10, p95) | ${medianLoad.toFixed(0)} ms (${percentile(firstLoad, 95).toFixed(0)} ms) | < 300 ms | ${ok(medianLoad < 300)} |`,
      `| JavaScript shipped by the review page, gzipped (${js.files} files + inline) | ${(js.gzipped / 1024).toFixed(1)} kB (${(js.raw / 1024).toFixed(0)} kB raw) | < 150 kB | ${ok(js.gzipped < 150 * 1024)} |`,
      `| ${LEARNERS} learners grading for ${seconds} s, ${thinkMs}-${thinkMs + thinkSpreadMs} ms a card: requests, p50 / p95 / max | ${latencies.length} requests (${(latencies.length / seconds).toFixed(1)}/s), ${percentile(latencies, 50).toFixed(0)} / ${p95.toFixed(0)} / ${Math.max(...latencies).toFixed(0)} ms | p95 < 150 ms | ${ok(p95 < 150)} |`,
      `| errors | ${errors} | 0 | ${ok(errors === 0)} |`,
      `| log rows vs accepted grades | ${totalLogged} rows, ${accepted} accepted, equal per learner: ${exact ? "yes" : "no"} | equal | ${ok(exact && totalLogged === accepted)} |`,
      "",
      machineLine("The load generator shares the two cores with the server."),
      "",
    ].join("\n");
  } finally {
    rmSync(big.dir, { recursive: true, force: true });
    rmSync(crowd.dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(await run());
}
