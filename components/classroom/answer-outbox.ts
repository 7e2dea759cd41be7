// Answers waiting to reach the server, kept in localStorage so a reload or a lost connection
// loses nothing: each change gets the next revision and stays here until the server has it.

export interface PendingAnswer {
  choice: string[];
  revision: number;
}

export interface Outbox {
  /** The last revision handed out for this attempt. */
  revision: number;
  pending: Record<string, PendingAnswer>;
}

const key = (attemptId: string) => `iam-recall:quiz-outbox:${attemptId}`;

export function readOutbox(attemptId: string): Outbox {
  try {
    const stored = JSON.parse(window.localStorage.getItem(key(attemptId)) ?? "null") as Outbox | null;
    if (stored && typeof stored.revision === "number" && stored.pending && typeof stored.pending === "object") return stored;
  } catch {
    // Private mode or a damaged entry: start empty; the server still has every answer it acknowledged.
  }
  return { revision: 0, pending: {} };
}

export function writeOutbox(attemptId: string, outbox: Outbox): void {
  try {
    window.localStorage.setItem(key(attemptId), JSON.stringify(outbox));
  } catch {
    // Storage full or blocked: answers are still sent; only the offline safety net is lost.
  }
}

export function clearOutbox(attemptId: string): void {
  try {
    window.localStorage.removeItem(key(attemptId));
  } catch {
    // nothing to clear
  }
}
