"use client";
import { useState, type FormEvent } from "react";
import { followUploadRun } from "@/components/upload-runs/follow-run.ts";
import { MAX_BACKUP_BYTES, MAX_BACKUP_SIZE_LABEL } from "@/lib/srs/export/limits.ts";
import styles from "./settings.module.css";

type Outcome =
  | { kind: "idle" }
  | { kind: "working" }
  | { kind: "restored"; cards: number; reviews: number }
  | { kind: "refused"; error: string; issues: string[]; more: number };

interface RestoreAnswer {
  ok?: boolean;
  cards?: number;
  reviews?: number;
  error?: string;
  issues?: Array<{ message: string }>;
  more?: number;
}

export function BackupPanel() {
  const [outcome, setOutcome] = useState<Outcome>({ kind: "idle" });

  async function restore(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get("backup");
    if (!(file instanceof File) || file.size === 0) {
      return setOutcome({ kind: "refused", error: "Choose a backup file first.", issues: [], more: 0 });
    }
    if (file.size > MAX_BACKUP_BYTES) {
      return setOutcome({
        kind: "refused",
        error: `The backup is larger than the ${MAX_BACKUP_SIZE_LABEL} a restore accepts; nothing changed.`,
        issues: [],
        more: 0,
      });
    }
    setOutcome({ kind: "working" });
    try {
      // The restore runs as a job on the server; following it ends with the restore's answer.
      const response = await followUploadRun(
        await fetch("/api/export/backup", { method: "POST", headers: { "Content-Type": "application/json" }, body: file }),
      );
      const answer = (await response.json().catch(() => ({}))) as RestoreAnswer;
      if (response.ok && answer.ok) return setOutcome({ kind: "restored", cards: answer.cards ?? 0, reviews: answer.reviews ?? 0 });
      setOutcome({
        kind: "refused",
        error: answer.error ?? `The server answered ${response.status}.`,
        issues: (answer.issues ?? []).map((i) => i.message),
        more: answer.more ?? 0,
      });
    } catch {
      setOutcome({ kind: "refused", error: "The backup could not be sent, or the restore followed to its end.", issues: [], more: 0 });
    }
  }

  return (
    <section aria-labelledby="backup-heading">
      <h2 id="backup-heading">Export and backup</h2>
      <p className="muted">
        Your reviews as CSV in the columns the FSRS optimizer reads, or everything (settings, card states, review history) as a JSON backup.
      </p>
      <div className={styles.actions}>
        <a className="button secondary" href="/api/export/reviews" download>
          Download reviews (CSV)
        </a>
        <a className="button secondary" href="/api/export/backup" download>
          Download backup (JSON)
        </a>
      </div>
      <form onSubmit={restore} aria-labelledby="restore-heading" className={`stack ${styles.restore}`}>
        <h3 id="restore-heading">Restore a backup</h3>
        <p className="muted">{`Replaces your card states and review history for the cards the backup names, and your settings. A backup that does not check out changes nothing. Files up to ${MAX_BACKUP_SIZE_LABEL}.`}</p>
        <div className="field">
          <label htmlFor="backup-file">Backup file</label>
          <input id="backup-file" className={styles.file} name="backup" type="file" accept="application/json,.json" />
        </div>
        <button className="button" type="submit" disabled={outcome.kind === "working"}>
          {outcome.kind === "working" ? "Restoring…" : "Restore backup"}
        </button>
      </form>
      <div aria-live="polite" data-testid="restore-status">
        {outcome.kind === "restored" && (
          <p className={styles.saved} role="status">
            Backup restored: {outcome.cards} cards and {outcome.reviews} reviews.
          </p>
        )}
        {outcome.kind === "refused" && (
          <div className="form-error" role="alert">
            <p className={styles.flush}>{outcome.error}</p>
            {outcome.issues.length > 0 && (
              <ul className={styles.issues}>
                {outcome.issues.map((issue) => (
                  <li key={issue}>{issue}</li>
                ))}
                {outcome.more > 0 && <li>…and {outcome.more} more</li>}
              </ul>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
