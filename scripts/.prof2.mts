import { buildReviewFixture } from "../bench/support/review-fixture.ts";
const now = new Date();
const f = await buildReviewFixture({ learners: 1, cardsPerLearner: 50_000, studiedPerLearner: 45_000, duePerLearner: 400, logsPerLearner: 500_000, decksPerLearner: 50, now });
process.env.DATABASE_URL = `file:${f.file}`;
const { prisma } = await import("../lib/db/client.ts");
const u = f.learners[0]!;
const scopes = [u.id, "starter"];
const cardWhere = { scope: { in: scopes }, suspended: false };
const horizon = new Date(now.getTime() + 86400000);
async function time(label: string, fn: () => Promise<unknown>) { for (let i = 0; i < 3; i++) { const t = performance.now(); const r = await fn(); if (i === 2) console.log(label, (performance.now() - t).toFixed(1), "ms", Array.isArray(r) ? r.length : r); } }
await time("studied", () => prisma.cardState.findMany({ where: { userId: u.id, state: { not: 0 }, suspended: false, due: { lt: horizon }, card: cardWhere }, select: { due: true, stability: true, cardId: true, card: { select: { deckId: true, noteKey: true } } } }));
await time("studied-nojoin", () => prisma.cardState.findMany({ where: { userId: u.id, state: { not: 0 }, suspended: false, due: { lt: horizon } }, select: { due: true, stability: true, cardId: true } }));
await time("fresh", () => prisma.card.findMany({ where: { ...cardWhere, states: { none: { userId: u.id, OR: [{ state: { not: 0 } }, { suspended: true }] } } }, orderBy: [{ sourceFile: "asc" }, { sourceLine: "asc" }, { id: "asc" }], take: 220, select: { id: true, deckId: true, noteKey: true } }));
await time("freshStates", () => prisma.cardState.findMany({ where: { userId: u.id, state: 0, buriedUntil: { gt: now } }, select: { cardId: true } }));
await time("logs", () => prisma.reviewLog.findMany({ where: { userId: u.id, review: { gte: new Date(now.getTime() - 86400000), lt: horizon } }, select: { state: true, review: true, card: { select: { deckId: true, noteKey: true } } } }));
