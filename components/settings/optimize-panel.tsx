"use client";
import { useEffect, useRef, useState } from "react";
import type { ModelFit, OptimizeEvent, OptimizeSummary } from "./optimize-types.ts";
import styles from "./settings.module.css";

type Status =
  | { kind: "idle" }
  | { kind: "running"; done: number; total: number }
  | { kind: "done"; result: OptimizeSummary }
  | { kind: "failed"; message: string };

/** Reads an NDJSON body line by line as it arrives. */
async function* lines(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let newline: number;
    while ((newline = buffer.indexOf("\n")) >= 0) {
      yield buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
    }
  }
  if (buffer.trim()) yield buffer;
}

const fmt = (n: number) => n.toFixed(4);

function Fits({ before, after }: { before: ModelFit; after: ModelFit }) {
  return (
    <table className={styles.fits}>
      <caption className="visually-hidden">How well each set of parameters predicts your reviews (smaller is better)</caption>
      <thead>
        <tr>
          <th scope="col">Measure</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">Log loss</th>
          <td>{fmt(before.logLoss)}</td>
          <td className={after.logLoss < before.logLoss ? styles.better : undefined}>{fmt(after.logLoss)}</td>
        </tr>
        <tr>
          <th scope="row">RMSE</th>
          <td>{fmt(before.rmse)}</td>
          <td className={after.rmse < before.rmse ? styles.better : undefined}>{fmt(after.rmse)}</td>
        </tr>
      </tbody>
    </table>
  );
}

export function OptimizePanel({ optimized }: { optimized: boolean }) {
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  async function run() {
    abort.current = new AbortController();
    setStatus({ kind: "running", done: 0, total: 0 });
    try {
      const response = await fetch("/api/optimize", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: "{}",
        signal: abort.current.signal,
      });
      if (!response.ok || !response.body) {
        const body = (await response.json().catch(() => null)) as { error?: string } | null;
        return setStatus({ kind: "failed", message: body?.error ?? `The server answered ${response.status}.` });
      }
      for await (const line of lines(response.body)) {
        const event = JSON.parse(line) as OptimizeEvent;
        if (event.type === "progress") setStatus({ kind: "running", done: event.done, total: event.total });
        else if (event.type === "result") return setStatus({ kind: "done", result: event.result });
        else return setStatus({ kind: "failed", message: event.message });
      }
      setStatus({ kind: "failed", message: "The connection closed before the optimizer finished." });
    } catch (error) {
      if (!abort.current?.signal.aborted)
        setStatus({ kind: "failed", message: error instanceof Error ? error.message : "The request failed." });
    }
  }

  const running = status.kind === "running";
  const percent = running && status.total > 0 ? Math.round((100 * status.done) / status.total) : null;
  return (
    <section aria-labelledby="optimize-heading">
      <h2 id="optimize-heading">Optimize my parameters</h2>
      <p className="muted">
        Fits the 21 FSRS parameters to your own review history. The new ones are used only if they predict your grades better than the
        current {optimized ? "(already optimized)" : "(default)"} ones.
      </p>
      <button className="button" type="button" onClick={run} disabled={running}>
        {running ? "Optimizing…" : "Optimize my parameters"}
      </button>
      <div aria-live="polite" data-testid="optimize-status">
        {running && (
          <div className="stack">
            <label htmlFor="optimize-progress" className="muted">
              {percent === null ? "Preparing your reviews…" : `Training: ${percent}%`}
            </label>
            <progress id="optimize-progress" className={styles.progress} max={100} {...(percent === null ? {} : { value: percent })} />
          </div>
        )}
        {status.kind === "failed" && (
          <p className="form-error" role="alert">
            {status.message}
          </p>
        )}
        {status.kind === "done" && status.result.tooFewReviews && (
          <p>
            Not enough history yet: {status.result.needed} more {status.result.needed === 1 ? "review" : "reviews"} on a later day than the
            card&apos;s previous review are needed (you have {status.result.items}).
          </p>
        )}
        {status.kind === "done" && !status.result.tooFewReviews && (
          <>
            <Fits before={status.result.before} after={status.result.after} />
            <p className={status.result.applied ? styles.saved : undefined}>
              {status.result.applied
                ? `The new parameters predict your reviews better and are now in use (${status.result.items} reviews used).`
                : "The new parameters were not better on your reviews, so your current ones stay."}
            </p>
          </>
        )}
      </div>
    </section>
  );
}
