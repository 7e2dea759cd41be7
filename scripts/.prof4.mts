import { buildReviewFixture } from "../bench/support/review-fixture.ts";
const now = new Date();
const f = await buildReviewFixture({ learners: 1, cardsPerLearner: 3000, studiedPerLearner: 2500, duePerLearner: 2500, logsPerLearner: 5000, decksPerLearner: 10, now, settings: { reviewsPerDay: 99999 } });
process.env.DATABASE_URL = `file:${f.file}`;
const r = await import("../lib/db/sqlite/queue-reads.ts");
const { buildQueue, learnerDay, queueLimits, DEFAULT_SETTINGS, activityToday } = await import("../lib/srs/index.ts");
const id = f.learners[0]!.id;
const h = new Date(now.getTime() + 86400000);
for (let i = 0; i < 6; i++) {
  let t = performance.now(); const d = r.dueStates(id, h); const a = performance.now() - t;
  t = performance.now(); const n = r.firstUnstudiedCards(id, id, null, 220); const b = performance.now() - t;
  t = performance.now(); const n2 = r.firstUnstudiedCards(id, "starter", null, 220); const b2 = performance.now() - t;
  t = performance.now(); r.buriedNewCards(id, now); const c = performance.now() - t;
  t = performance.now(); const logs = r.logsBetween(id, new Date(now.getTime() - 86400000), h); const e = performance.now() - t;
  t = performance.now();
  const day = learnerDay(now, "UTC");
  const q = buildQueue({ candidates: [...d.map((x) => ({ cardId: x.cardId, deckId: x.deckId, noteKey: x.noteKey, state: x.state, buriedUntil: x.buriedUntil })), ...n.map((x, position) => ({ cardId: x.id, deckId: x.deckId, noteKey: x.noteKey, state: null, position }))], now, day, limits: queueLimits(DEFAULT_SETTINGS), today: activityToday(logs, day) });
  const g = performance.now() - t;
  console.log(`due ${a.toFixed(1)} (${d.length}) new ${b.toFixed(1)} (${n.length}) starter ${b2.toFixed(1)} buried ${c.toFixed(1)} logs ${e.toFixed(1)} build ${g.toFixed(1)} items ${q.items.length}`);
}
