// The seats every worker job shares: notes reads, Anki reads and the Anki export. An Anki read
// waits while two notes reads run, starts when one ends, and is told the server is busy when the
// line is already full.
import type { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { readAnkiInWorker, writeApkgInWorker } from "@/lib/anki/worker/index.ts";
import { statusForCode } from "@/lib/http/index.ts";
import { MAX_RUNNING, MAX_WAITING, previewUploadInWorker, runInSeat, seatsInUse, type SpawnWorker } from "@/lib/notes/worker/index.ts";
import { spawnFixture } from "./spawn.ts";

/** A "hold" fixture whose reply the test releases; `started` resolves when the job got its worker. */
function heldWorker() {
  let resolveStarted!: (worker: Worker) => void;
  const started = new Promise<Worker>((resolve) => (resolveStarted = resolve));
  const spawn: SpawnWorker = (limits) => {
    const worker = spawnFixture("hold")(limits);
    resolveStarted(worker);
    return worker;
  };
  return { spawn, started, release: async (reply: unknown) => (await started).postMessage({ release: reply }) };
}

const emptyPreview = { drafts: [], importedFiles: [], problems: [] };
const upload = () => [{ path: "notes/iam.md", bytes: new TextEncoder().encode("# IAM\n") }];
const ankiRequest = () => ({ file: "deck.apkg", bytes: new Uint8Array([1, 2, 3]), now: 0, review: false });
const flush = () => new Promise((resolve) => setTimeout(resolve, 20));

describe("worker seats", () => {
  it("makes an Anki read wait while two notes reads run, and starts it when one ends", async () => {
    const notes = [heldWorker(), heldWorker()];
    const reads = notes.map((n) => previewUploadInWorker(upload(), { spawn: n.spawn }));
    await Promise.all(notes.map((n) => n.started));

    const anki = heldWorker();
    let ankiSpawned = false;
    const anki$ = readAnkiInWorker(ankiRequest(), {
      spawn: (limits) => {
        ankiSpawned = true;
        return anki.spawn(limits);
      },
    });
    await flush();
    expect(ankiSpawned).toBe(false);
    expect(seatsInUse()).toEqual({ running: MAX_RUNNING, waiting: 1 });

    await notes[0]!.release({ ok: true, preview: emptyPreview });
    expect(await reads[0]).toEqual({ ok: true, preview: emptyPreview });
    await anki.started;
    expect(ankiSpawned).toBe(true);

    const refusal = { ok: false, code: "invalid", message: "deck.apkg is not an Anki package. Nothing was imported." };
    await anki.release(refusal);
    expect(await anki$).toEqual(refusal);
    await notes[1]!.release({ ok: true, preview: emptyPreview });
    await reads[1];
    expect(seatsInUse()).toEqual({ running: 0, waiting: 0 });
  });

  it("answers uploads_busy (HTTP 503) to an Anki read and an export when the line is full", async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const holders = Array.from({ length: MAX_RUNNING + MAX_WAITING }, () => runInSeat(() => gate, "busy"));
    await flush();
    expect(seatsInUse()).toEqual({ running: MAX_RUNNING, waiting: MAX_WAITING });

    const spawnNever: SpawnWorker = () => {
      throw new Error("a refused job must not start a worker");
    };
    const read = await readAnkiInWorker(ankiRequest(), { spawn: spawnNever });
    expect(read).toMatchObject({ ok: false, code: "uploads_busy" });
    expect(!read.ok && read.message).toContain("deck.apkg was not imported");
    const written = await writeApkgInWorker({ cards: [], media: [], now: new Date(0) }, { spawn: spawnNever });
    expect(written).toMatchObject({ ok: false, code: "uploads_busy" });
    const notes = await previewUploadInWorker(upload(), { spawn: spawnNever });
    expect(notes).toMatchObject({ ok: false, code: "uploads_busy" });
    expect(statusForCode("uploads_busy")).toBe(503);

    open();
    await Promise.all(holders);
    expect(seatsInUse()).toEqual({ running: 0, waiting: 0 });
  });

  it("passes a freed seat to the first in line, and frees it when the job throws", async () => {
    const order: string[] = [];
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const first = runInSeat(() => gate.then(() => order.push("first")), "busy");
    const failing = runInSeat(() => gate.then(() => Promise.reject(new Error("job failed"))), "busy");
    const third = runInSeat(async () => order.push("third"), "busy");
    const fourth = runInSeat(async () => order.push("fourth"), "busy");
    await flush();
    expect(order).toEqual([]);
    open();
    await expect(failing).rejects.toThrow("job failed");
    await Promise.all([first, third, fourth]);
    expect(order).toEqual(["first", "third", "fourth"]);
    expect(seatsInUse()).toEqual({ running: 0, waiting: 0 });
  });
});
