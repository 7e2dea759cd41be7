import { buildQueue, learnerDay, type QueueCandidate, type SchedulingState } from "./lib/srs/index.ts";
const DAY = 864e5; const NOW = new Date("2026-05-13T15:00:00Z");
function prng(seed: number) { let a = seed >>> 0; return () => { a = (a + 0x6d2b79f5) >>> 0; let t = Math.imul(a ^ (a >>> 15), a | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; }; }
function candidates(count: number, uniform: boolean): QueueCandidate[] {
  const random = prng(50_000); const out: QueueCandidate[] = [];
  for (let i = 0; i < count; i++) {
    const roll = random();
    const base = { cardId: `card-${i}`, deckId: `deck-${i % 40}`, noteKey: `note-${Math.floor(i / 2)}`, position: i };
    if (roll < 0.3) { out.push(uniform ? { ...base, state: null, suspended: false } : { ...base, state: null }); continue; }
    const learning = roll < 0.32; const interval = learning ? 0 : Math.max(1, Math.floor(random() * 120));
    const due = new Date(NOW.getTime() + (learning ? (random() - 0.5) * 3_600_000 : (random() * 1.2 - 0.2) * interval * DAY));
    const state: SchedulingState = { due, stability: interval + 1, difficulty: 5, elapsedDays: interval, scheduledDays: interval, learningSteps: 0, reps: 5, lapses: 0, state: learning ? 1 : 2, lastReview: new Date(due.getTime() - interval * DAY) };
    out.push({ ...base, state, suspended: roll > 0.95 });
  }
  return out;
}
const day = learnerDay(NOW, "Europe/Paris");
for (const uniform of [false, true]) {
  const cards = candidates(50000, uniform);
  const today = { newIntroduced: 5, reviewsDone: 40, reviewedNoteKeys: new Set(["note-1"]) };
  const input = { candidates: cards, now: NOW, day, limits: { newPerDay: 20, reviewsPerDay: 200, decks: { "deck-1": { newPerDay: 5 } } }, today };
  for (let i = 0; i < 20; i++) buildQueue(input);
  const ts: number[] = [];
  for (let i = 0; i < 50; i++) { const t = performance.now(); buildQueue(input); ts.push(performance.now() - t); }
  ts.sort((a, b) => a - b);
  console.log(uniform, ts[25]!.toFixed(2));
}
