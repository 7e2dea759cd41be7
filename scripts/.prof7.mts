import { buildReviewFixture } from "../bench/support/review-fixture.ts";
const now = new Date();
const f = await buildReviewFixture({ learners: 1, cardsPerLearner: 3000, studiedPerLearner: 2500, duePerLearner: 2500, logsPerLearner: 5000, decksPerLearner: 10, now });
process.env.DATABASE_URL = `file:${f.file}`;
const { prisma } = await import("../lib/db/client.ts");
const { todaysQueue, loadSchedulerSettings, reviewStep } = await import("../lib/db/review/index.ts");
const { findSessionUser } = await import("../lib/db/users.ts");
const u = { id: f.learners[0]!.id, email: "", name: null, role: "learner" as const, timeZone: "UTC" };
async function time(label: string, fn: () => Promise<unknown>) { const ts: number[] = []; for (let i = 0; i < 30; i++) { const t = performance.now(); await fn(); ts.push(performance.now() - t); } ts.sort((a, b) => a - b); console.log(label, ts[15]!.toFixed(2)); }
await time("findSessionUser", () => findSessionUser(u.id));
await time("settings", () => loadSchedulerSettings(u.id));
const s = await loadSchedulerSettings(u.id);
await time("queue", () => todaysQueue({ user: u, deckId: null }, s, now));
await time("step", () => reviewStep(u, null, now));
const card = await prisma.card.findFirst({ where: { scope: u.id } });
await time("card by id", () => prisma.card.findUniqueOrThrow({ where: { id: card!.id }, select: { id: true, kind: true, front: true, back: true, deck: { select: { path: true } }, deckId: true } }));
const { renderCardFaces } = await import("../lib/notes/index.ts");
await time("render", async () => renderCardFaces({ kind: "basic", front: "What does `AssumeRole` return?", back: "- a\n- b\n```json\n{\"a\": 1}\n```" }));
