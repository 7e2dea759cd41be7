import { buildReviewFixture } from "../bench/support/review-fixture.ts";
const now = new Date();
const f = await buildReviewFixture({ learners: 1, cardsPerLearner: 3000, studiedPerLearner: 2500, duePerLearner: 2500, logsPerLearner: 5000, decksPerLearner: 10, now });
process.env.DATABASE_URL = `file:${f.file}`;
const { prisma } = await import("../lib/db/client.ts");
const { todaysQueue, loadSchedulerSettings, reviewStep } = await import("../lib/db/review/index.ts");
const u = { id: f.learners[0]!.id, email: "", name: null, role: "learner" as const, timeZone: "UTC" };
const s = await loadSchedulerSettings(u.id);
for (let i = 0; i < 5; i++) { const t = performance.now(); await todaysQueue({ user: u, deckId: null }, s, now); console.log("queue", (performance.now() - t).toFixed(1)); }
for (let i = 0; i < 3; i++) { const t = performance.now(); await reviewStep(u, null, now); console.log("step", (performance.now() - t).toFixed(1)); }
const horizon = new Date(now.getTime() + 86400000);
for (let i = 0; i < 3; i++) { const t = performance.now(); await prisma.cardState.findMany({ where: { userId: u.id, state: { not: 0 }, suspended: false, due: { lt: horizon } }, select: { due: true, stability: true, difficulty: true, elapsedDays: true, scheduledDays: true, learningSteps: true, reps: true, lapses: true, state: true, lastReview: true, cardId: true, buriedUntil: true, card: { select: { deckId: true, noteKey: true, scope: true, suspended: true } } } }); console.log("studied", (performance.now() - t).toFixed(1)); }
for (let i = 0; i < 3; i++) { const t = performance.now(); await prisma.cardState.findMany({ where: { userId: u.id, state: { not: 0 }, suspended: false, due: { lt: horizon } }, select: { due: true, stability: true, difficulty: true, elapsedDays: true, scheduledDays: true, learningSteps: true, reps: true, lapses: true, state: true, lastReview: true, cardId: true, buriedUntil: true } }); console.log("studied-nocard", (performance.now() - t).toFixed(1)); }
