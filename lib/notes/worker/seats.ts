// The server-wide seats for worker jobs: every upload read (notes or Anki) and every Anki export
// takes one. At most MAX_RUNNING run at once, so two big jobs cannot take every core and a heap
// cap each; up to MAX_WAITING more wait their turn in order; past that the request is told the
// server is busy (HTTP 503 with Retry-After, through lib/http's code table).

export const MAX_RUNNING = 2;
export const MAX_WAITING = 8;

export type UploadsBusy = { ok: false; code: "uploads_busy"; message: string };

let running = 0;
const waiting: Array<() => void> = [];

function acquire(): Promise<void> | null {
  if (running < MAX_RUNNING) {
    running += 1;
    return Promise.resolve();
  }
  if (waiting.length >= MAX_WAITING) return null;
  return new Promise((resolve) => waiting.push(resolve));
}

function release(): void {
  // The seat passes straight to the next in line, so a newcomer cannot slip in between.
  const next = waiting.shift();
  if (next) next();
  else running -= 1;
}

/** Runs job in a seat, or answers busy at once when the line is full. */
export async function runInSeat<T>(job: () => Promise<T>, busyMessage: string): Promise<T | UploadsBusy> {
  const turn = acquire();
  if (!turn) return { ok: false, code: "uploads_busy", message: busyMessage };
  await turn;
  try {
    return await job();
  } finally {
    release();
  }
}

/** For tests and diagnostics: how many jobs run and how many wait. */
export function seatsInUse(): { running: number; waiting: number } {
  return { running, waiting: waiting.length };
}
