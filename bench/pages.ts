// The pages issue 14 found slow, over HTTP against the production build on loopback, one request at
// a time (a person's experience, not a crowd's), each with its median and p95 against 300 ms:
//  - the benchmark learner (50,000 cards, 500,000 review-log rows): /stats, /decks, a deck page
//    (first load of the page, a full HTML request), a card page;
//  - a class of 20 learners and a 30-question quiz: each learner starts the quiz, saves an answer
//    and submits (the three requests the quiz page makes); the instructor's quiz builder with a deck
//    picked (what "Add" re-renders: it is a server action now, not a page reload).
//
//   npx tsx --conditions=react-server bench/pages.ts
//   NEXT_DIST_DIR picks the build folder (default .next); BENCH_REBUILD=1 builds first.

import { rmSync } from "node:fs";
import { pathToFileURL } from "node:url";
import bcrypt from "bcryptjs";
import Database from "better-sqlite3";
import { buildReviewFixture, ONE_BIG_LEARNER } from "./support/review-fixture.ts";
import { buildClassroomFixture } from "./support/classroom-fixture.ts";
import { ensureBuild, signInOverHttp, startServer } from "./support/server.ts";
import { machineLine } from "./support/machine.ts";

const PASSWORD = "bench password 123";
const TARGET_MS = 300;
const RUNS = 12;
/** The first requests of each page warm the server's caches and compile nothing, but are dropped. */
const WARMUP = 2;
const CLASS_SIZE = 20;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

interface Measured {
  label: string;
  times: number[];
}

async function timed(request: () => Promise<Response>, what: string): Promise<number> {
  const t = performance.now();
  const response = await request();
  await response.arrayBuffer();
  const ms = performance.now() - t;
  if (!response.ok) throw new Error(`${what} answered ${response.status}`);
  return ms;
}

async function pageTimes(baseUrl: string, cookie: string, path: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await timed(() => fetch(`${baseUrl}${path}`, { headers: { cookie } }), path));
  return times.slice(WARMUP);
}

async function bigLearnerPages(now: Date, passwordHash: string): Promise<Measured[]> {
  const big = await buildReviewFixture({ ...ONE_BIG_LEARNER, passwordHash, now });
  try {
    const db = new Database(big.file, { readonly: true });
    const learner = big.learners[0]!;
    const deck = db
      .prepare(`SELECT deckId, COUNT(*) AS n FROM "Card" WHERE scope = ? GROUP BY deckId ORDER BY n DESC LIMIT 1`)
      .get(learner.id) as {
      deckId: string;
      n: number;
    };
    const card = db.prepare(`SELECT id FROM "Card" WHERE deckId = ? LIMIT 1`).get(deck.deckId) as { id: string };
    db.close();
    const server = await startServer(big.url);
    try {
      const cookie = await signInOverHttp(server.baseUrl, learner.email, PASSWORD);
      const out: Measured[] = [];
      for (const [label, path] of [
        ["/stats", "/stats"],
        ["/decks", "/decks"],
        [`deck page (${deck.n.toLocaleString("en")} cards)`, `/decks/${deck.deckId}`],
        ["card page", `/cards/${card.id}`],
      ] as const) {
        out.push({ label, times: await pageTimes(server.baseUrl, cookie, path) });
      }
      return out;
    } finally {
      server.stop();
    }
  } finally {
    rmSync(big.dir, { recursive: true, force: true });
  }
}

interface Paper {
  questions: Array<{ questionId: string; options: Array<{ id: string }> }>;
}

async function quizRequests(now: Date, passwordHash: string): Promise<Measured[]> {
  const fixture = await buildClassroomFixture({ learners: CLASS_SIZE, cardQuestions: 27, passwordHash, now });
  try {
    const server = await startServer(`file:${fixture.file}`);
    const start: number[] = [];
    const save: number[] = [];
    const submit: number[] = [];
    try {
      const post = (cookie: string, path: string, body: object | null) => () =>
        fetch(`${server.baseUrl}${path}`, {
          method: "POST",
          headers: { "content-type": "application/json", cookie },
          body: body ? JSON.stringify(body) : null,
        });
      for (const learner of fixture.learners) {
        const cookie = await signInOverHttp(server.baseUrl, learner.email, PASSWORD);
        start.push(await timed(post(cookie, `/api/classroom/quizzes/${fixture.quizId}/attempt`, null), "start"));
        const db = new Database(fixture.file, { readonly: true });
        const attempt = db.prepare(`SELECT id, paper FROM "QuizAttempt" WHERE userId = ?`).get(learner.id) as { id: string; paper: string };
        db.close();
        const first = (JSON.parse(attempt.paper) as Paper).questions[0]!;
        const answer = { attemptId: attempt.id, questionId: first.questionId, choice: [first.options[0]!.id], revision: 1 };
        save.push(await timed(post(cookie, "/api/classroom/answers", answer), "save"));
        submit.push(await timed(post(cookie, `/api/classroom/attempts/${attempt.id}/submit`, null), "submit"));
      }
      const instructor = await signInOverHttp(server.baseUrl, fixture.instructor.email, PASSWORD);
      const db = new Database(fixture.file, { readonly: true });
      const deck = db.prepare(`SELECT deckId FROM "Card" WHERE scope = ? LIMIT 1`).get(fixture.instructor.id) as
        { deckId: string } | undefined;
      db.close();
      const builder = `/teach/quizzes/${fixture.quizId}${deck ? `?deck=${deck.deckId}` : ""}`;
      return [
        { label: `start a quiz (${CLASS_SIZE} learners, one each)`, times: start.slice(WARMUP) },
        { label: "save an answer", times: save.slice(WARMUP) },
        { label: "submit a quiz", times: submit.slice(WARMUP) },
        { label: `quiz builder${deck ? ", a deck picked" : ""}`, times: await pageTimes(server.baseUrl, instructor, builder) },
      ];
    } finally {
      server.stop();
    }
  } finally {
    rmSync(fixture.dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<string> {
  ensureBuild();
  const now = new Date();
  const passwordHash = await bcrypt.hash(PASSWORD, 10);
  const measured = [...(await bigLearnerPages(now, passwordHash)), ...(await quizRequests(now, passwordHash))];
  const ok = (good: boolean) => (good ? "yes" : "**no**");
  const lines = [
    "## pages: the slow pages of issue 14, one request at a time over loopback",
    "",
    `| request | median | p95 | median < ${TARGET_MS} ms |`,
    "|---|---|---|---|",
    ...measured.map(({ label, times }) => {
      const median = percentile(times, 50);
      return `| ${label} (${times.length} requests) | ${median.toFixed(0)} ms | ${percentile(times, 95).toFixed(0)} ms | ${ok(median < TARGET_MS)} |`;
    }),
    "",
    machineLine(),
    "",
  ];
  return lines.join("\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await run());
}
