// Anki export: how long the server's event loop stalls while one big deck's .apkg is written
// (the collection in SQLite, then zipped), in-process as before and in the export worker
// (lib/anki/worker, writeApkgInWorker) as the route does now. A 1 ms timer runs throughout; its
// longest delay is the longest time every other learner's request would have waited.
// The worker file runs from source here (tsx registered in the thread), so the worker's wall
// time includes compiling its TypeScript, which the production bundle does not pay.
//
//   npx tsx --conditions=react-server bench/anki-export.ts

import { Worker } from "node:worker_threads";
import { writeApkg, type AnkiExportInput, type ExportCard } from "../lib/anki/index.ts";
import { writeApkgInWorker } from "../lib/anki/worker/index.ts";
import type { WorkerLimits } from "../lib/notes/worker/index.ts";
import { CardStateCode } from "../lib/srs/index.ts";
import { machineLine } from "./support/machine.ts";

const CARDS = 20_000;
const REVIEWS_PER_CARD = 5;
const now = new Date("2026-03-01T12:00:00Z");
const DAY = 86_400_000;

function deck(): AnkiExportInput {
  const cards: ExportCard[] = [];
  for (let i = 0; i < CARDS; i++) {
    const due = new Date(now.getTime() + (i % 60) * DAY);
    cards.push({
      key: `bench-${i}`,
      kind: i % 5 === 0 ? "cloze" : "basic",
      deckPath: ["AWS", ["IAM", "S3", "KMS", "STS"][i % 4]!],
      front: i % 5 === 0 ? `<p>An explicit {{c1::deny}} in policy ${i} wins</p>` : `<p>What does <code>iam:Action${i}</code> allow?</p>`,
      back: `<p>It allows <em>thing ${i}</em> on <strong>arn:aws:s3:::bucket-${i}</strong></p>`,
      tags: ["aws", `topic${i % 20}`],
      state: {
        due,
        stability: 10 + (i % 30),
        difficulty: 5,
        elapsedDays: 0,
        scheduledDays: i % 60,
        learningSteps: 0,
        reps: REVIEWS_PER_CARD,
        lapses: 0,
        state: CardStateCode.Review,
        lastReview: new Date(now.getTime() - DAY),
      },
      suspended: false,
      reviews: Array.from({ length: REVIEWS_PER_CARD }, (_, r) => ({
        review: new Date(now.getTime() - (REVIEWS_PER_CARD - r) * 7 * DAY + i),
        rating: 3,
        durationMs: 4_000,
        state: r === 0 ? CardStateCode.New : CardStateCode.Review,
        scheduledDays: 7,
      })),
    });
  }
  return { cards, media: [], now };
}

function spawnFromSource(limits: WorkerLimits): Worker {
  const file = new URL("../lib/anki/worker/export.worker.ts", import.meta.url).href;
  const boot = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(file)}); });`;
  return new Worker(boot, { eval: true, resourceLimits: { maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb } });
}

/** The longest gap between two firings of a 1 ms timer: how long any other request would have waited. */
async function measure(write: () => Promise<number>): Promise<{ wallMs: number; stallMs: number; bytes: number }> {
  let last = performance.now();
  let stallMs = 0;
  const ticker = setInterval(() => {
    const at = performance.now();
    stallMs = Math.max(stallMs, at - last);
    last = at;
  }, 1);
  const pause = () => new Promise((resolve) => setTimeout(resolve, 20));
  await pause();
  const started = performance.now();
  const bytes = await write();
  const wallMs = performance.now() - started;
  // Let the timer fire once more, so a stall that lasted to the end of the write is counted.
  await pause();
  clearInterval(ticker);
  return { wallMs, stallMs, bytes };
}

const ms = (v: number) => `${v.toFixed(0)} ms`;
// A warm-up of each path, so the first measured run does not pay module loading.
writeApkg({ cards: deck().cards.slice(0, 10), media: [], now });
// Each run gets its own deck, built before the clock starts (the database reads stay on the request thread).
const forProcess = deck();
const forWorker = deck();
const inProcess = await measure(async () => writeApkg(forProcess).length);
const inWorker = await measure(async () => {
  const outcome = await writeApkgInWorker(forWorker, { spawn: spawnFromSource });
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.bytes.length;
});

console.log(`## Anki export off the request thread (bench/anki-export.ts, helper "W", ${new Date().toISOString().slice(0, 10)})\n`);
console.log(
  `One deck of ${CARDS} cards with ${CARDS * REVIEWS_PER_CARD} review-log rows written as an .apkg. \`npm run bench -- anki-export\`.\n`,
);
console.log("| measure | in-process (before) | in the worker (now) | ratio |");
console.log("| --- | --- | --- | --- |");
console.log(
  `| longest event-loop stall while writing | ${ms(inProcess.stallMs)} | ${ms(inWorker.stallMs)} | ${(inProcess.stallMs / inWorker.stallMs).toFixed(0)}× shorter |`,
);
console.log(
  `| wall time of the export | ${ms(inProcess.wallMs)} | ${ms(inWorker.wallMs)} | ${(inWorker.wallMs / inProcess.wallMs).toFixed(2)} |`,
);
console.log(`| package size | ${inProcess.bytes} B | ${inWorker.bytes} B | — |\n`);
console.log(machineLine());
