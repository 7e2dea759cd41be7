// Review over HTTP against the production build on loopback, on SQLite and on PostgreSQL:
//  - the review page's first load for a learner with 50,000 cards and 500,000 log rows (< 300 ms),
//  - the JavaScript the review page ships, gzipped (< 150 kB),
//  - 20 learners grading at once for 60 s (p95 < 150 ms, no errors, one log row per accepted grade),
//  - on PostgreSQL, the same 20 learners grading without pause against one app server, then against
//    two sharing the database (requests a second; two should serve at least 1.6x one).
//
//   npx tsx --conditions=react-server bench/review-http.ts      (builds first if .next is absent)
//   BENCH_SECONDS=10 shortens the load phases while trying things out.

import bcrypt from "bcryptjs";
import { pathToFileURL } from "node:url";
import { engineNameOf } from "../lib/db/engine/select.ts";
import { numbered, withDatabase, type EngineName } from "../tests/support/database.ts";
import { benchEngines, ratio, type BenchEngines } from "./support/engines.ts";
import { buildReviewFixture, ONE_BIG_LEARNER, type Fixture } from "./support/review-fixture.ts";
import { ensureBuild, signInOverHttp, startServer, type RunningServer } from "./support/server.ts";
import { cpuBusyMeter, createCpuCap, type CpuCap } from "./support/cpu-cap.ts";
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

interface GradingRun {
  latencies: number[];
  errors: number;
  accepted: number;
  acceptedBy: Map<string, number>;
  seconds: number;
}

/**
 * The crowd's learners grade their due cards until `seconds` pass, learner i on server
 * i mod servers, pausing `think(n, i)` ms before each grade.
 */
async function gradeAtOnce(
  baseUrls: string[],
  learners: Fixture["learners"],
  cookies: string[],
  seconds: number,
  think: (n: number, i: number) => number,
  idPrefix: string,
): Promise<GradingRun> {
  const run: GradingRun = { latencies: [], errors: 0, accepted: 0, acceptedBy: new Map(), seconds };
  const until = Date.now() + seconds * 1000;
  const post = async (baseUrl: string, cookie: string, body: object): Promise<Step | null> => {
    const t = performance.now();
    try {
      const response = await fetch(`${baseUrl}/api/review`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie },
        body: JSON.stringify(body),
      });
      const json = (await response.json()) as Step;
      run.latencies.push(performance.now() - t);
      if (!response.ok) {
        run.errors++;
        return null;
      }
      return json;
    } catch {
      run.errors++;
      return null;
    }
  };
  await Promise.all(
    learners.map(async (learner, i) => {
      const baseUrl = baseUrls[i % baseUrls.length]!;
      const cookie = cookies[i]!;
      // People do not all open the app in the same millisecond: starts spread over 2 s.
      await new Promise((r) => setTimeout(r, i * 100));
      let step = await post(baseUrl, cookie, { type: "next" });
      let n = 0;
      while (step?.card && Date.now() < until) {
        const card = step.card;
        const pause = think(n, i);
        if (pause > 0) await new Promise((r) => setTimeout(r, pause));
        const next = await post(baseUrl, cookie, {
          type: "grade",
          cardId: card.cardId,
          rating: n % 9 === 0 ? 1 : 3,
          version: card.version,
          clientReviewId: `${idPrefix}-${learner.id}-${n}`,
          durationMs: 4000,
        });
        n++;
        if (next) {
          run.accepted++;
          run.acceptedBy.set(learner.id, (run.acceptedBy.get(learner.id) ?? 0) + 1);
        }
        step = next;
      }
    }),
  );
  return run;
}

/** Log rows written by the grading runs (client review ids starting with `idPrefix`), per learner. */
async function loggedBy(url: string, idPrefix: string): Promise<Map<string, number>> {
  const counted = await withDatabase(
    url,
    (db) =>
      db.all<{ userId: string; n: number }>(
        numbered(`SELECT "userId", COUNT(*) AS n FROM "ReviewLog" WHERE "clientReviewId" LIKE ? GROUP BY "userId"`, engineNameOf(url)),
        `${idPrefix}-%`,
      ),
    { readonly: true },
  );
  return new Map(counted.map((r) => [r.userId, Number(r.n)]));
}

function exactlyOnce(run: GradingRun, logged: Map<string, number>, learners: Fixture["learners"]): boolean {
  const total = [...logged.values()].reduce((a, b) => a + b, 0);
  return total === run.accepted && learners.every((l) => (logged.get(l.id) ?? 0) === (run.acceptedBy.get(l.id) ?? 0));
}

interface EngineResult {
  described: string;
  firstLoad: number[];
  js: { files: number; gzipped: number; raw: number };
  crowd: GradingRun;
  crowdExact: boolean;
  /** PostgreSQL only: grading without pause against one server, then two; free, then each server capped. */
  scaling?: ScalingRun[];
}

interface ScalingRun {
  /** Each server's CPU budget in cores; null when the servers ran free. */
  cores: number | null;
  one: GradingRun;
  two: GradingRun;
  /** Share of the machine's cores busy during each run (/proc/stat). */
  busyOne: number | null;
  busyTwo: number | null;
  exact: boolean;
}

/** Each capped server's CPU budget: small enough that two of them, PostgreSQL and the load generator fit in two cores. */
const CAPPED_SERVER_CORES = Number(process.env.BENCH_SERVER_CORES ?? 0.4);

/**
 * The learners grading without pause against one fresh server, then against it and a second one
 * (learner i on server i mod 2); each server warmed up first, inside `cores` of CPU when given.
 */
async function oneServerThenTwo(
  url: string,
  learners: Fixture["learners"],
  cookies: string[],
  seconds: number,
  cores: number | null,
): Promise<ScalingRun | null> {
  const label = cores === null ? "free" : "capped";
  const caps: CpuCap[] = [];
  const servers: RunningServer[] = [];
  const startOne = async (n: number) => {
    let cap: CpuCap | undefined;
    if (cores !== null) {
      const made = createCpuCap(`iam-recall-bench-server-${n}`, cores);
      if (!made) return false;
      caps.push(made);
      cap = made;
    }
    const server = await startServer(url, cap);
    servers.push(server);
    await gradeAtOnce([server.baseUrl], learners, cookies, 3, () => 0, `warm${label}${n}`);
    return true;
  };
  try {
    if (!(await startOne(1))) return null;
    let meter = cpuBusyMeter();
    const one = await gradeAtOnce([servers[0]!.baseUrl], learners, cookies, seconds, () => 0, `one${label}`);
    const busyOne = meter();
    if (!(await startOne(2))) return null;
    meter = cpuBusyMeter();
    const two = await gradeAtOnce(
      servers.map((server) => server.baseUrl),
      learners,
      cookies,
      seconds,
      () => 0,
      `two${label}`,
    );
    const busyTwo = meter();
    const exact =
      exactlyOnce(one, await loggedBy(url, `one${label}`), learners) && exactlyOnce(two, await loggedBy(url, `two${label}`), learners);
    return { cores, one, two, busyOne, busyTwo, exact };
  } finally {
    for (const server of servers) server.stop();
    // The servers take a moment to exit; their groups go with the last of their processes.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    for (const cap of caps) cap.remove();
  }
}

async function measureEngine(engines: BenchEngines, engine: EngineName, passwordHash: string, now: Date): Promise<EngineResult> {
  const bigDb = await engines.database(engine, "review-big");
  const crowdDb = await engines.database(engine, "review-crowd");
  try {
    const big = await buildReviewFixture({ ...ONE_BIG_LEARNER, passwordHash, now, url: bigDb.url });
    const crowd = await buildReviewFixture({
      learners: LEARNERS,
      cardsPerLearner: 3_000,
      studiedPerLearner: 2_500,
      duePerLearner: 2_500,
      logsPerLearner: 5_000,
      decksPerLearner: 10,
      passwordHash,
      now,
      url: crowdDb.url,
    });

    // First load of the review page, on the big collection.
    const bigServer = await startServer(big.url);
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

    const seconds = Number(process.env.BENCH_SECONDS ?? 60);
    const thinkMs = Number(process.env.BENCH_THINK_MS ?? 1000);
    const thinkSpreadMs = Math.max(1, Number(process.env.BENCH_THINK_SPREAD_MS ?? 2000));
    const server = await startServer(crowd.url);
    const servers = [server];
    try {
      // One session cookie serves every app server: they share AUTH_SECRET and the database.
      // One at a time: the sign-in limiter counts attempts in flight from one address (127.0.0.1).
      const cookies: string[] = [];
      for (const learner of crowd.learners) cookies.push(await signInOverHttp(server.baseUrl, learner.email, PASSWORD));
      // A person reads, recalls and reveals before grading: 1 to 3 s a card here, quicker than most
      // people (Anki's own statistics put typical answers at several seconds).
      const crowdRun = await gradeAtOnce(
        [server.baseUrl],
        crowd.learners,
        cookies,
        seconds,
        (n, i) => thinkMs + ((n * 397 + i * 131) % thinkSpreadMs),
        "crowd",
      );
      const crowdExact = exactlyOnce(crowdRun, await loggedBy(crowd.url, "crowd"), crowd.learners);
      let scaling: EngineResult["scaling"];
      if (engine === "postgresql") {
        const busySeconds = Math.max(5, Math.round(seconds / 3));
        scaling = [];
        for (const cores of [null, CAPPED_SERVER_CORES]) {
          const run = await oneServerThenTwo(crowd.url, crowd.learners, cookies, busySeconds, cores);
          if (run) scaling.push(run);
          else console.log("review-http: no writable cgroup cpu controller here: the capped several-servers run is left out");
        }
      }
      return { described: crowdDb.described, firstLoad, js, crowd: crowdRun, crowdExact, ...(scaling ? { scaling } : {}) };
    } finally {
      for (const s of servers) s.stop();
    }
  } finally {
    await bigDb.drop();
    await crowdDb.drop();
  }
}

export async function run(): Promise<string> {
  ensureBuild();
  const now = new Date();
  const passwordHash = await bcrypt.hash(PASSWORD, 10);
  const engines = await benchEngines();
  const results = new Map<EngineName, EngineResult>();
  try {
    for (const engine of engines.names) results.set(engine, await measureEngine(engines, engine, passwordHash, now));
  } finally {
    await engines.stop();
  }
  const sqlite = results.get("sqlite");
  const postgresql = results.get("postgresql");
  const cell = (engine: EngineName, show: (r: EngineResult) => string) => {
    const r = results.get(engine);
    return r ? show(r) : "not run";
  };
  const medianLoad = (r: EngineResult) => percentile(r.firstLoad, 50);
  const p95 = (r: EngineResult) => percentile(r.crowd.latencies, 95);
  const perSecond = (g: GradingRun) => g.latencies.length / g.seconds;
  const any = (sqlite ?? postgresql)!;
  const scaling = postgresql?.scaling;
  return [
    "## Review over HTTP, on both engines",
    "",
    "The production build (`next start`) on loopback, requests from this process with Node's fetch; each engine's databases are seeded alike, one engine after the other. `npx tsx --conditions=react-server bench/review-http.ts`.",
    ...[...results].map(([engine, r]) => `- ${engine}: ${r.described}`),
    "",
    "| measure | SQLite | PostgreSQL | PostgreSQL / SQLite | target |",
    "| --- | --- | --- | --- | --- |",
    `| review page first load, learner with 50,000 cards / 500,000 log rows (median of 10, p95) | ${cell("sqlite", (r) => `${medianLoad(r).toFixed(0)} ms (${percentile(r.firstLoad, 95).toFixed(0)} ms)`)} | ${cell("postgresql", (r) => `${medianLoad(r).toFixed(0)} ms (${percentile(r.firstLoad, 95).toFixed(0)} ms)`)} | ${ratio(sqlite && medianLoad(sqlite), postgresql && medianLoad(postgresql))} | < 300 ms |`,
    `| JavaScript shipped by the review page, gzipped (${any.js.files} files + inline) | ${(any.js.gzipped / 1024).toFixed(1)} kB (${(any.js.raw / 1024).toFixed(0)} kB raw) | same build | | < 150 kB |`,
    `| ${LEARNERS} learners grading for ${any.crowd.seconds} s, 1-3 s a card: requests, p50 / p95 / max | ${cell("sqlite", (r) => crowdCell(r.crowd))} | ${cell("postgresql", (r) => crowdCell(r.crowd))} | ${ratio(sqlite && p95(sqlite), postgresql && p95(postgresql))} (p95) | p95 < 150 ms |`,
    `| errors | ${cell("sqlite", (r) => String(r.crowd.errors))} | ${cell("postgresql", (r) => String(r.crowd.errors))} | | 0 |`,
    `| one log row per accepted grade, per learner | ${cell("sqlite", (r) => `${ok(r.crowdExact)} (${r.crowd.accepted} grades)`)} | ${cell("postgresql", (r) => `${ok(r.crowdExact)} (${r.crowd.accepted} grades)`)} | | equal |`,
    "",
    scaling
      ? [
          `Several app servers on PostgreSQL: the same ${LEARNERS} learners grading without pause for ${scaling[0]!.one.seconds} s against one fresh \`next start\`, then against it and a second one on another port sharing the database (learner i on server i mod 2), each server warmed up for 3 s first. "free": the servers, PostgreSQL and this load generator share the machine's two cores, so a second server can add only what one leaves idle (the "cores busy" column). "capped": each server inside a cgroup CPU budget of ${CAPPED_SERVER_CORES} core (bench/support/cpu-cap.ts), so that two servers, PostgreSQL and the load generator fit in the two cores and the servers are what runs out, as when each app server has a machine of its own; it measures whether the work spreads over servers (nothing serialised in one process or in the database), not what two machines would serve.`,
          "",
          "| servers | CPU per server | requests/s | p50 / p95 ms | errors | cores busy | two / one | target |",
          "| --: | --- | --: | --- | --: | --: | --: | --- |",
          ...scaling.flatMap((run) => {
            const budget = run.cores === null ? "free" : `${run.cores} core`;
            const busy = (share: number | null) => (share === null ? "n/a" : `${Math.round(share * 100)}%`);
            const row = (n: number, g: GradingRun, share: number | null, last: string) =>
              `| ${n} | ${budget} | ${perSecond(g).toFixed(1)} | ${percentile(g.latencies, 50).toFixed(0)} / ${percentile(g.latencies, 95).toFixed(0)} | ${g.errors} | ${busy(share)} | ${last}`;
            return [
              row(1, run.one, run.busyOne, " | |"),
              row(2, run.two, run.busyTwo, ` ${(perSecond(run.two) / perSecond(run.one)).toFixed(2)}x | ≥ 1.6x |`),
            ];
          }),
          "",
          `Every accepted grade of every run stored once, per learner: ${ok(scaling.every((run) => run.exact))}.`,
          "",
        ].join("\n")
      : "PostgreSQL was not run (no server): the several-servers figures need it.\n",
    machineLine("The load generator shares the two cores with the servers."),
    "",
  ].join("\n");
}

function crowdCell(g: GradingRun): string {
  return `${g.latencies.length} requests (${(g.latencies.length / g.seconds).toFixed(1)}/s), ${percentile(g.latencies, 50).toFixed(0)} / ${percentile(g.latencies, 95).toFixed(0)} / ${Math.max(...g.latencies).toFixed(0)} ms`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(await run());
}
