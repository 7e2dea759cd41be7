import { buildReviewFixture } from "../bench/support/review-fixture.ts";
import Database from "better-sqlite3";
const now = new Date();
const f = await buildReviewFixture({ learners: 1, cardsPerLearner: 3000, studiedPerLearner: 2500, duePerLearner: 2500, logsPerLearner: 5000, decksPerLearner: 10, now });
const db = new Database(f.file, { readonly: true });
const id = f.learners[0]!.id;
const h = new Date(now.getTime() + 86400000).toISOString().replace("Z", "+00:00");
const q1 = db.prepare(`SELECT s.cardId, c.deckId, c.noteKey, c.scope, c.suspended AS cardSuspended, s.buriedUntil, s.due, s.stability, s.difficulty, s.elapsedDays, s.scheduledDays, s.learningSteps, s.reps, s.lapses, s.state, s.lastReview FROM "CardState" s JOIN "Card" c ON c.id = s.cardId WHERE s.userId = ? AND s.due < ? AND s.state <> 0 AND s.suspended = 0`);
const q2 = db.prepare(`SELECT s.cardId FROM "CardState" s WHERE s.userId = ? AND s.due < ?`);
const q3 = db.prepare(`SELECT count(*) FROM "CardState" s JOIN "Card" c ON c.id = s.cardId WHERE s.userId = ? AND s.due < ? AND s.state <> 0 AND s.suspended = 0`);
for (let i = 0; i < 5; i++) {
  let t = performance.now(); const a = q1.all(id, h); const x = performance.now() - t;
  t = performance.now(); q1.raw(true).all(id, h); q1.raw(false); const y = performance.now() - t;
  t = performance.now(); q2.all(id, h); const z = performance.now() - t;
  t = performance.now(); q3.get(id, h); const w = performance.now() - t;
  console.log(a.length, "objects", x.toFixed(1), "raw", y.toFixed(1), "ids-only", z.toFixed(1), "count-join", w.toFixed(1));
}
