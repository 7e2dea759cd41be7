// A class taking a quiz over HTTP against the production build on loopback:
//  - 200 learners each start the quiz, save 30 answers one at a time and submit once, spread over a
//    window (10 minutes in the target; BENCH_WINDOW_SECONDS, 120 s by default, compresses it: the
//    same 6,000 saves and 200 submits in less time, so a harsher rate), p95 < 200 ms, no errors,
//    and afterwards every acknowledged answer is in the database as last sent;
//  - the instructor's results page for 200 learners x 30 questions (< 500 ms).
//
//   npx tsx --conditions=react-server bench/classroom.ts
//   NEXT_DIST_DIR picks the build folder (default .next); BENCH_REBUILD=1 builds first.

import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import bcrypt from "bcryptjs";
import Database from "better-sqlite3";
import { buildClassroomFixture } from "./support/classroom-fixture.ts";
import { signInOverHttp, startServer } from "./support/server.ts";
import { machineLine } from "./support/machine.ts";

const PASSWORD = "bench password 123";
const LEARNERS = 200;
const QUESTIONS = 30;
const ok = (good: boolean) => (good ? "yes" : "**no**");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** Builds into NEXT_DIST_DIR (or .next) unless a build is there already. */
function ensureBuild(): string {
  const dist = process.env.NEXT_DIST_DIR || ".next";
  const root = resolve(import.meta.dirname, "..");
  if (process.env.BENCH_REBUILD === "1" || !existsSync(join(root, dist, "BUILD_ID"))) {
    const built = spawnSync("npx", ["next", "build"], { cwd: root, stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
    if (built.status !== 0) throw new Error("next build failed");
  }
  return dist;
}

interface Paper {
  questions: Array<{ questionId: string; options: Array<{ id: string; correct: boolean }> }>;
}

export async function run(): Promise<string> {
  const dist = ensureBuild();
  const now = new Date();
  const passwordHash = await bcrypt.hash(PASSWORD, 10);
  const fixture = await buildClassroomFixture({ learners: LEARNERS, cardQuestions: QUESTIONS - 3, passwordHash, now });
  if (fixture.questionCount !== QUESTIONS) throw new Error(`the fixture has ${fixture.questionCount} questions, not ${QUESTIONS}`);
  const windowSeconds = Number(process.env.BENCH_WINDOW_SECONDS ?? 120);
  const saveLatencies: number[] = [];
  const submitLatencies: number[] = [];
  const startLatencies: number[] = [];
  const resultsLoad: number[] = [];
  let errors = 0;
  /** learner id -> question id -> the choice the server acknowledged last. */
  const acknowledged = new Map<string, Map<string, string>>();
  const server = await startServer(`file:${fixture.file}`);
  try {
    const cookies: string[] = [];
    for (const l of fixture.learners) cookies.push(await signInOverHttp(server.baseUrl, l.email, PASSWORD));
    const post = async (cookie: string, path: string, body: object | null, into: number[]): Promise<Response | null> => {
      const t = performance.now();
      try {
        const response = await fetch(`${server.baseUrl}${path}`, {
          method: "POST",
          headers: { "content-type": "application/json", cookie },
          body: body ? JSON.stringify(body) : null,
        });
        await response.arrayBuffer();
        into.push(performance.now() - t);
        if (!response.ok) errors++;
        return response.ok ? response : null;
      } catch {
        errors++;
        return null;
      }
    };
    const windowMs = windowSeconds * 1000;
    const startedAt = Date.now();
    await Promise.all(
      fixture.learners.map(async (learner, i) => {
        const cookie = cookies[i]!;
        // Learners open the quiz over the first tenth of the window, then answer at their own pace.
        await sleep((((i * 7919) % 1000) / 1000) * windowMs * 0.1);
        const started = await post(cookie, `/api/classroom/quizzes/${fixture.quizId}/attempt`, null, startLatencies);
        if (!started) return;
        const db = new Database(fixture.file, { readonly: true });
        const attempt = db.prepare(`SELECT id, paper FROM "QuizAttempt" WHERE userId = ?`).get(learner.id) as { id: string; paper: string };
        db.close();
        const paper = JSON.parse(attempt.paper) as Paper;
        const mine = new Map<string, string>();
        acknowledged.set(learner.id, mine);
        const remaining = startedAt + windowMs * 0.95 - Date.now();
        const gap = remaining / (paper.questions.length + 1);
        let revision = 0;
        for (const [n, q] of paper.questions.entries()) {
          await sleep(gap * (0.5 + ((i * 31 + n * 17) % 100) / 100));
          // About seven in ten right, the rest a wrong option, as in a real class.
          const option = (i + n) % 10 < 7 ? q.options.find((o) => o.correct)! : (q.options.find((o) => !o.correct) ?? q.options[0]!);
          const choice = [option.id];
          revision += 1;
          const saved = await post(
            cookie,
            "/api/classroom/answers",
            { attemptId: attempt.id, questionId: q.questionId, choice, revision },
            saveLatencies,
          );
          if (saved) mine.set(q.questionId, JSON.stringify(choice));
        }
        await post(cookie, `/api/classroom/attempts/${attempt.id}/submit`, null, submitLatencies);
      }),
    );
    const elapsed = (Date.now() - startedAt) / 1000;

    // The instructor's results page for the whole class.
    const instructorCookie = await signInOverHttp(server.baseUrl, fixture.instructor.email, PASSWORD);
    for (let i = 0; i < 12; i++) {
      const t = performance.now();
      const response = await fetch(`${server.baseUrl}/teach/quizzes/${fixture.quizId}/results`, { headers: { cookie: instructorCookie } });
      // React separates adjacent text with empty comments.
      const html = (await response.text()).replace(/<!-- -->/g, "");
      if (response.status !== 200 || !html.includes("200 submitted of 200 started"))
        throw new Error(`results page answered ${response.status} without "200 submitted of 200 started"`);
      resultsLoad.push(performance.now() - t);
    }
    resultsLoad.splice(0, 2); // the first two warm the server

    const db = new Database(fixture.file, { readonly: true });
    const stored = db
      .prepare(`SELECT a.userId, q.questionId, q.choice FROM "QuizAnswer" q JOIN "QuizAttempt" a ON a.id = q.attemptId`)
      .all() as Array<{ userId: string; questionId: string; choice: string }>;
    const submitted = (db.prepare(`SELECT COUNT(*) AS n FROM "QuizAttempt" WHERE submittedAt IS NOT NULL`).get() as { n: number }).n;
    db.close();
    const storedBy = new Map(stored.map((r) => [`${r.userId}:${r.questionId}`, r.choice]));
    let acked = 0;
    let lost = 0;
    for (const [userId, answers] of acknowledged) {
      for (const [questionId, choice] of answers) {
        acked++;
        if (storedBy.get(`${userId}:${questionId}`) !== choice) lost++;
      }
    }
    const all = [...startLatencies, ...saveLatencies, ...submitLatencies];
    const p95 = percentile(all, 95);
    const resultsMedian = percentile(resultsLoad, 50);
    const ms = (values: number[]) =>
      `${percentile(values, 50).toFixed(0)} / ${percentile(values, 95).toFixed(0)} / ${Math.max(...values).toFixed(0)} ms`;
    return [
      "## Classroom",
      "",
      `The production build (\`next start\`, build folder \`${dist}\`) on loopback; ${LEARNERS} learners signed in over HTTP, requests from this process with Node's fetch. \`npx tsx --conditions=react-server bench/classroom.ts\`.`,
      `The target's 10-minute window is compressed to ${windowSeconds} s (\`BENCH_WINDOW_SECONDS\`): the same ${LEARNERS} starts, ${LEARNERS * QUESTIONS} answer saves and ${LEARNERS} submits, at ${(600 / windowSeconds).toFixed(0)}x the rate. The quiz: ${QUESTIONS - 3} card questions and a template scenario's 3 questions (each learner's names, answers recomputed), shuffled.`,
      "",
      "| measure | result | target | met |",
      "| --- | --- | --- | --- |",
      `| all requests (start, save, submit): count, p50 / p95 / max | ${all.length} in ${elapsed.toFixed(0)} s, ${ms(all)} | p95 < 200 ms | ${ok(p95 < 200)} |`,
      `| answer saves, p50 / p95 / max | ${saveLatencies.length}, ${ms(saveLatencies)} | | |`,
      `| starts (paper built: variant scenario played), p50 / p95 / max | ${startLatencies.length}, ${ms(startLatencies)} | | |`,
      `| submits (scored, misses sent to review), p50 / p95 / max | ${submitLatencies.length}, ${ms(submitLatencies)} | | |`,
      `| errors | ${errors} | 0 | ${ok(errors === 0)} |`,
      `| answers acknowledged vs stored as last sent | ${acked} acknowledged, ${lost} missing or different; ${stored.length} rows; ${submitted} attempts submitted | 0 lost | ${ok(lost === 0 && acked === LEARNERS * QUESTIONS && submitted === LEARNERS)} |`,
      `| results page, ${LEARNERS} learners x ${QUESTIONS} questions (median of 10, p95) | ${resultsMedian.toFixed(0)} ms (${percentile(resultsLoad, 95).toFixed(0)} ms) | < 500 ms | ${ok(resultsMedian < 500)} |`,
      "",
      machineLine("The load generator shares the cores with the server."),
      "",
    ].join("\n");
  } finally {
    server.stop();
    rmSync(fixture.dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(await run());
}
