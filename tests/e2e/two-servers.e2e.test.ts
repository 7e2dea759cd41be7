// Two app servers on one PostgreSQL database, as a school or a company runs them behind a load
// balancer: the run's server (A) and a second one started here (B) serve the same build. Whatever
// one server wrote the other must see, and a request sent to both at once must count once; nothing
// may live in one server's memory. PostgreSQL only: SQLite is one machine's database.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { ReviewDaySchema, SyncResultSchema } from "@/lib/contracts/index.ts";
import { launchBrowser, newPage } from "./support/browser.ts";
import { countRows, e2eEngine, readRow, readRows } from "./support/database.ts";
import { PASSWORD, signIn, signUp, waitUntil } from "./support/accounts.ts";
import { signInOverHttp } from "./support/http-session.ts";
import { appServerEnv, startAppServer, type AppServer } from "./support/app-server.ts";

const serverA = inject("baseUrl");
const databaseUrl = inject("databaseUrl");

const TEACHER = "teacher@two-servers.example";
const LEARNERS = ["learner-a@two-servers.example", "learner-b@two-servers.example"] as const;

let second: AppServer | undefined;
let serverB = "";
let browser: Browser;

const userId = async (email: string) => (await readRow<{ id: string }>(`SELECT id FROM "User" WHERE email = ?`, email))!.id;

/** A JSON request with the learner's cookie to one server. */
const call = (server: string, cookie: string, path: string, body?: unknown) =>
  fetch(`${server}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { cookie, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

async function signedInPage(server: string, email: string): Promise<Page> {
  const { page } = await newPage(browser, server, "desktop");
  await page.goto("/signin");
  await signIn(page, email, PASSWORD);
  await page.waitForURL(`${server}/decks`);
  return page;
}

describe.skipIf(e2eEngine !== "postgresql")("two app servers on one PostgreSQL database", () => {
  beforeAll(async () => {
    second = await startAppServer(appServerEnv(databaseUrl));
    serverB = second.baseUrl;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await second?.kill();
  });

  it("a learner who signs up on one server signs in on the other", async () => {
    const email = "roaming@two-servers.example";
    const { context, page } = await newPage(browser, serverA, "desktop");
    await signUp(page, email);
    await page.waitForURL(`${serverA}/decks`);
    await context.close();

    const onB = await signedInPage(serverB, email);
    await onB.goto("/decks");
    expect(onB.url()).toBe(`${serverB}/decks`);
    await onB.context().close();
    // A session cookie from one server is good on the other (one AUTH_SECRET, one database).
    const cookie = await signInOverHttp(serverB, email, PASSWORD);
    expect((await call(serverA, cookie, "/api/review/day")).status).toBe(200);
    expect(await countRows(`SELECT COUNT(*) AS n FROM "User" WHERE email = ?`, email)).toBe(1);
  });

  it("grades sent alternately to both servers, each also sent to both at once, are stored once each", async () => {
    const email = "alternating@two-servers.example";
    const { context, page } = await newPage(browser, serverB, "desktop");
    await signUp(page, email);
    await page.waitForURL(`${serverB}/decks`);
    await context.close();
    const cookie = await signInOverHttp(serverA, email, PASSWORD);
    const day = ReviewDaySchema.parse(await (await call(serverA, cookie, "/api/review/day")).json());
    const cards = day.cards.slice(0, 6).map((c) => c.cardId);
    expect(cards).toHaveLength(6);

    const start = Date.now() - 30 * 60_000;
    const events = cards.flatMap((cardId, i) =>
      [3, 1].map((rating, j) => ({
        id: randomUUID(),
        kind: "grade" as const,
        cardId,
        rating,
        at: new Date(start + (i * 2 + j) * 60_000).toISOString(),
        durationMs: 900,
        deviceId: `two-servers-${j}`,
      })),
    );
    for (const [i, event] of events.entries()) {
      const [first, other] = i % 2 === 0 ? [serverA, serverB] : [serverB, serverA];
      // The same event to both servers at once (a retry racing the original through the balancer).
      const replies = await Promise.all(
        [first, other].map(async (server) => {
          const response = await call(server, cookie, "/api/review/sync", { events: [event] });
          expect(response.status, server).toBe(200);
          return SyncResultSchema.parse(await response.json());
        }),
      );
      for (const reply of replies) {
        expect(reply.refused).toEqual([]);
        expect(reply.accepted).toEqual([event.id]);
      }
    }

    const learner = await userId(email);
    const stored = await readRows<{ id: string }>(`SELECT id FROM "ReviewEvent" WHERE "userId" = ? AND kind = 'grade'`, learner);
    expect(stored.map((e) => e.id).sort()).toEqual(events.map((e) => e.id).sort());
    expect(await countRows(`SELECT COUNT(*) AS n FROM "ReviewLog" WHERE "userId" = ?`, learner)).toBe(events.length);
    expect(await countRows(`SELECT COUNT(*) AS n FROM "CardState" WHERE "userId" = ?`, learner)).toBe(cards.length);
    // Either server hands the device the same day afterwards.
    const dayOn = async (server: string) => ReviewDaySchema.parse(await (await call(server, cookie, "/api/review/day")).json());
    const [dayA, dayB] = await Promise.all([dayOn(serverA), dayOn(serverB)]);
    expect(dayA.todayLogs.map((l) => l.eventId).sort()).toEqual(events.map((e) => e.id).sort());
    expect(dayB.todayLogs.map((l) => l.eventId).sort()).toEqual(dayA.todayLogs.map((l) => l.eventId).sort());
  });

  it("an instructor's quiz built on one server is taken by learners spread over both, each answer and submit counted once", async () => {
    // The first account of a database is its admin; in a full run another file made it.
    if ((await countRows(`SELECT COUNT(*) AS n FROM "User"`)) === 0) {
      const { context, page } = await newPage(browser, serverA, "desktop");
      await signUp(page, "admin@two-servers.example");
      await page.waitForURL(`${serverA}/decks`);
      await context.close();
    }
    for (const [i, email] of [TEACHER, ...LEARNERS].entries()) {
      const server = i % 2 === 0 ? serverA : serverB;
      const { context, page } = await newPage(browser, server, "desktop");
      await signUp(page, email, PASSWORD, email.split("@")[0]);
      await page.waitForURL(`${server}/decks`);
      await context.close();
    }

    // The admin makes the teacher an instructor on A; the teacher builds and publishes on B.
    const adminEmail = (await readRow<{ email: string }>(`SELECT email FROM "User" WHERE role = 'admin' ORDER BY "createdAt" LIMIT 1`))!
      .email;
    const admin = await signedInPage(serverA, adminEmail);
    await admin.goto("/admin/users");
    await admin.getByLabel(`Role of ${TEACHER}`, { exact: true }).selectOption("instructor");
    await admin.getByRole("button", { name: `Save role of ${TEACHER}` }).click();
    await waitUntil(
      async () => (await readRow<{ role: string }>(`SELECT role FROM "User" WHERE email = ?`, TEACHER))?.role === "instructor",
      () => "the teacher is not an instructor",
    );
    await admin.context().close();

    const teacher = await signedInPage(serverB, TEACHER);
    await teacher.goto("/teach");
    await teacher.getByLabel("Class name").fill("Two-server class");
    await teacher.getByRole("button", { name: "Create class" }).click();
    await teacher.waitForURL(/\/teach\/classes\/[^/]+$/);
    const classId = teacher.url().split("/").pop()!;
    const joinCode = (await teacher.getByTestId("join-code").textContent())!.replace("-", "");
    await teacher.getByLabel("New quiz title").fill("Two-server quiz");
    await teacher.getByRole("button", { name: "Create quiz" }).click();
    await teacher.waitForURL(/\/teach\/quizzes\/[^/]+$/);
    const quizId = teacher.url().split("/").pop()!;
    const deck = (await readRow<{ deckId: string }>(
      `SELECT "deckId" FROM "Card" WHERE scope = 'starter' AND kind = 'basic' AND back <> '' GROUP BY "deckId" HAVING COUNT(*) >= 4 ORDER BY COUNT(*) LIMIT 1`,
    ))!;
    await teacher.getByLabel("Deck").selectOption(deck.deckId);
    await teacher.getByRole("button", { name: "Show cards" }).click();
    await teacher.waitForURL(/deck=/);
    for (let i = 0; i < 3; i++) {
      await teacher.getByTestId("picker-card").nth(i).getByRole("button", { name: "Add" }).click();
      await waitUntil(
        async () => (await countRows(`SELECT COUNT(*) AS n FROM "QuizQuestion" WHERE "quizId" = ?`, quizId)) === i + 1,
        () => "a card was not added to the quiz",
      );
    }
    await teacher.reload();
    await teacher.getByLabel(/Published/).check();
    await teacher.getByRole("button", { name: "Save settings" }).click();
    await teacher.getByTestId("settings-status").filter({ hasText: "Settings saved; the quiz is published." }).waitFor();
    await teacher.context().close();

    // Each learner joins on one server, then starts, answers and submits over both.
    for (const [i, email] of LEARNERS.entries()) {
      const [home, away] = i === 0 ? [serverA, serverB] : [serverB, serverA];
      const page = await signedInPage(home, email);
      await page.goto(`/join/${joinCode}`);
      await page.getByRole("button", { name: "Join class" }).click();
      await page.waitForURL(`${home}/classes/${classId}`);
      await page.context().close();

      const cookie = await signInOverHttp(away, email, PASSWORD);
      // Started on both servers at once: one attempt.
      const started = await Promise.all(
        [home, away].map(async (server) => {
          const response = await call(server, cookie, `/api/classroom/quizzes/${quizId}/attempt`, {});
          expect(response.status, server).toBe(200);
          return ((await response.json()) as { attemptId: string }).attemptId;
        }),
      );
      expect(started[1]).toBe(started[0]);
      const attemptId = started[0]!;
      const paper = JSON.parse(
        (await readRow<{ paper: string }>(`SELECT CAST(paper AS TEXT) AS paper FROM "QuizAttempt" WHERE id = ?`, attemptId))!.paper,
      ) as {
        questions: { questionId: string; options: { id: string; correct: boolean }[] }[];
      };
      expect(paper.questions).toHaveLength(3);
      // Every answer is sent to both servers at once; the first question is answered wrong, then right.
      const saves = paper.questions.flatMap((q, n) => {
        const right = q.options.find((o) => o.correct)!.id;
        const wrong = q.options.find((o) => !o.correct)!.id;
        return n === 0
          ? [
              { q, choice: [wrong], revision: 1 },
              { q, choice: [right], revision: 2 },
            ]
          : [{ q, choice: [right], revision: 1 }];
      });
      for (const save of saves) {
        const body = { attemptId, questionId: save.q.questionId, choice: save.choice, revision: save.revision };
        const replies = await Promise.all([home, away].map((server) => call(server, cookie, "/api/classroom/answers", body)));
        expect(replies.map((r) => r.status)).toEqual([200, 200]);
      }
      expect(await countRows(`SELECT COUNT(*) AS n FROM "QuizAnswer" WHERE "attemptId" = ?`, attemptId)).toBe(3);
      // Submitted on both at once: scored once, and exactly one of the two says it did the submit.
      const submits = await Promise.all(
        [away, home].map(async (server) => {
          const response = await call(server, cookie, `/api/classroom/attempts/${attemptId}/submit`, {});
          expect(response.status, server).toBe(200);
          return (await response.json()) as { submitted: boolean; alreadySubmitted: boolean };
        }),
      );
      expect(submits.filter((s) => !s.alreadySubmitted)).toHaveLength(1);
      const attempt = (await readRow<{ score: number; maxScore: number; submitted: number }>(
        `SELECT score, "maxScore", CASE WHEN "submittedAt" IS NULL THEN 0 ELSE 1 END AS submitted FROM "QuizAttempt" WHERE id = ?`,
        attemptId,
      ))!;
      expect(attempt).toEqual({ score: attempt.maxScore, maxScore: attempt.maxScore, submitted: 1 });
      expect(attempt.maxScore).toBeGreaterThan(0);
    }
    expect(await countRows(`SELECT COUNT(*) AS n FROM "QuizAttempt" WHERE "quizId" = ?`, quizId)).toBe(LEARNERS.length);
    expect(await countRows(`SELECT COUNT(*) AS n FROM "ClassMember" WHERE "classroomId" = ?`, classId)).toBe(LEARNERS.length);
  });
});
