"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { clearOutbox, readOutbox, writeOutbox, type Outbox } from "./answer-outbox.ts";
import type { TakerAttempt } from "./taker-types.ts";

type SaveState = "saved" | "saving" | "offline" | "closed";

/** Wait before retrying a save that did not reach the server. */
const RETRY_MS = 2000;

function remaining(deadline: string | null, now: number): number | null {
  return deadline ? Math.max(0, Date.parse(deadline) - now) : null;
}

function clock(ms: number): string {
  const s = Math.ceil(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

export function QuizTaker({ attempt }: { attempt: TakerAttempt }) {
  const router = useRouter();
  const { attemptId } = attempt;
  const [choices, setChoices] = useState<Record<string, string[]>>(() => Object.fromEntries(Object.entries(attempt.saved).map(([q, a]) => [q, a.choice])));
  const [saveState, setSaveState] = useState<SaveState>("saved");
  const [confirming, setConfirming] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [left, setLeft] = useState<number | null>(() => remaining(attempt.deadline, Date.now()));
  const outbox = useRef<Outbox>({ revision: 0, pending: {} });
  const flushing = useRef<Promise<boolean> | null>(null);
  const retryTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const submitted = useRef(false);

  /** Sends every pending answer; true when the outbox is empty afterwards. */
  const flush = useCallback((): Promise<boolean> => {
    if (flushing.current) return flushing.current;
    const run = (async () => {
      const box = outbox.current;
      let failed = false;
      for (const [questionId, answer] of Object.entries(box.pending)) {
        setSaveState("saving");
        try {
          const response = await fetch("/api/classroom/answers", {
            method: "POST", headers: { "content-type": "application/json" },
            body: JSON.stringify({ attemptId, questionId, choice: answer.choice, revision: answer.revision }),
          });
          if (response.status === 409) setSaveState("closed");
          // Stored, or refused for good (closed, not found): either way retrying will not help.
          if (response.ok || response.status === 409 || response.status === 404 || response.status === 400) {
            if (box.pending[questionId]?.revision === answer.revision) delete box.pending[questionId];
            writeOutbox(attemptId, box);
          } else failed = true;
        } catch {
          failed = true;
        }
      }
      const empty = Object.keys(box.pending).length === 0;
      setSaveState((s) => (s === "closed" ? s : empty ? "saved" : "offline"));
      if (failed && !retryTimer.current) {
        retryTimer.current = setTimeout(() => {
          retryTimer.current = null;
          void flush();
        }, RETRY_MS);
      }
      return empty;
    })();
    flushing.current = run;
    void run.finally(() => {
      flushing.current = null;
      // A change made while this round was sending goes out in the next round.
      if (Object.keys(outbox.current.pending).length > 0 && !retryTimer.current) void flush();
    });
    return run;
  }, [attemptId]);

  // On load: answers this device chose but the server never acknowledged win over the server's copy.
  useEffect(() => {
    const box = readOutbox(attemptId);
    const serverRevision = Math.max(0, ...Object.values(attempt.saved).map((a) => a.revision));
    box.revision = Math.max(box.revision, serverRevision);
    for (const [questionId, answer] of Object.entries(box.pending)) {
      if (answer.revision <= (attempt.saved[questionId]?.revision ?? 0)) delete box.pending[questionId];
    }
    outbox.current = box;
    writeOutbox(attemptId, box);
    const restored = Object.entries(box.pending);
    if (restored.length > 0) {
      setChoices((c) => ({ ...c, ...Object.fromEntries(restored.map(([q, a]) => [q, a.choice])) }));
      void flush();
    }
    const online = () => void flush();
    window.addEventListener("online", online);
    return () => {
      window.removeEventListener("online", online);
      if (retryTimer.current) clearTimeout(retryTimer.current);
    };
  }, [attemptId, attempt.saved, flush]);

  const choose = (questionId: string, optionId: string, multiple: boolean) => {
    const current = choices[questionId] ?? [];
    const next = multiple ? (current.includes(optionId) ? current.filter((id) => id !== optionId) : [...current, optionId].sort()) : [optionId];
    setChoices({ ...choices, [questionId]: next });
    const box = outbox.current;
    box.revision += 1;
    box.pending[questionId] = { choice: next, revision: box.revision };
    writeOutbox(attemptId, box);
    void flush();
  };

  const submit = useCallback(async () => {
    if (submitted.current) return;
    setSubmitting(true);
    setMessage(null);
    const sent = await flush();
    if (!sent && saveState !== "closed") {
      setSubmitting(false);
      setMessage("Some answers have not reached the server yet. Check your connection and submit again.");
      return;
    }
    try {
      const response = await fetch(`/api/classroom/attempts/${attemptId}/submit`, { method: "POST" });
      if (!response.ok) throw new Error(String(response.status));
      submitted.current = true;
      clearOutbox(attemptId);
      router.refresh();
    } catch {
      setSubmitting(false);
      setMessage("The submission did not reach the server. Your answers are saved; try again.");
    }
  }, [attemptId, flush, router, saveState]);

  // The countdown; at zero the page submits what was saved.
  useEffect(() => {
    if (!attempt.deadline) return;
    const timer = setInterval(() => {
      const ms = remaining(attempt.deadline, Date.now());
      setLeft(ms);
      if (ms === 0) {
        clearInterval(timer);
        void submit();
      }
    }, 1000);
    return () => clearInterval(timer);
  }, [attempt.deadline, submit]);

  const unanswered = attempt.questions.filter((q) => (choices[q.questionId] ?? []).length === 0).length;
  const status = { saved: "All answers saved", saving: "Saving…", offline: "Not connected: your answers are kept on this device and sent when you reconnect", closed: "Time is up: answers are no longer accepted" }[saveState];

  return (
    <div className="quiz-taker">
      <div className="quiz-bar">
        <p className={`save-state save-${saveState}`} role="status" aria-live="polite" data-testid="save-state">{status}</p>
        {left !== null ? <p className="quiz-clock" aria-label="Time left" data-testid="time-left">{clock(left)}</p> : null}
      </div>
      <ol className="quiz-questions">
        {attempt.questions.map((q, i) => (
          <li key={q.questionId} className="panel quiz-question" data-testid="take-question">
            <fieldset>
              <legend>Question {i + 1} <span className="muted">· {q.points} point{q.points === 1 ? "" : "s"}{q.multiple ? " · choose all that apply" : ""}</span></legend>
              <div className="card-face" dangerouslySetInnerHTML={{ __html: q.promptHtml }} />
              <div className="quiz-options">
                {q.options.map((o) => {
                  const checked = (choices[q.questionId] ?? []).includes(o.id);
                  return (
                    <label key={o.id} className={`quiz-option${checked ? " chosen" : ""}`}>
                      <input type={q.multiple ? "checkbox" : "radio"} name={`q-${q.questionId}`} value={o.id} checked={checked}
                        onChange={() => choose(q.questionId, o.id, q.multiple)} disabled={submitting || saveState === "closed"} />
                      <span className="option-text" dangerouslySetInnerHTML={{ __html: o.html }} />
                    </label>
                  );
                })}
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      <div className="quiz-submit">
        {message ? <p className="form-error" role="alert">{message}</p> : null}
        {confirming ? (
          <>
            <p>{unanswered > 0 ? `${unanswered} question${unanswered === 1 ? " is" : "s are"} unanswered. ` : ""}You cannot change your answers after submitting.</p>
            <div className="actions-row">
              <button className="button" type="button" onClick={() => void submit()} disabled={submitting}>Submit now</button>
              <button className="button secondary" type="button" onClick={() => setConfirming(false)} disabled={submitting}>Keep working</button>
            </div>
          </>
        ) : (
          <button className="button full" type="button" onClick={() => setConfirming(true)} disabled={submitting}>Submit answers</button>
        )}
      </div>
    </div>
  );
}
