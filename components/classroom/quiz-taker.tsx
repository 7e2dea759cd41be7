"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { clearOutbox, readOutbox, writeOutbox, type Outbox } from "./answer-outbox.ts";
import type { TakerAttempt } from "./taker-types.ts";

type SaveState = "saved" | "saving" | "offline" | "refused";
type FlushResult = "sent" | "pending" | "refused";

/** Wait before retrying a save that did not reach the server. */
const RETRY_MS = 2000;

/**
 * A refusal the server will repeat however often it is asked. `final`: the attempt is out of reach
 * (quiz withdrawn, learner removed, signed out), so submitting is refused as well; otherwise only
 * answers are refused (time is up, already submitted) and submitting what was saved still works.
 */
interface Refusal {
  message: string;
  final: boolean;
}

/** What the server's refusal says, for the learner; statuses that retrying could change give null. */
async function refusalOf(response: Response): Promise<Refusal | null> {
  if (response.status === 401)
    return {
      message: "You are signed out. Sign in again and reload this page: answers not yet sent are kept on this device.",
      final: true,
    };
  if (![403, 404, 409, 415].includes(response.status)) return null;
  const body = (await response.json().catch(() => null)) as { error?: unknown } | null;
  const message = typeof body?.error === "string" ? body.error : "The server refused this quiz's answers.";
  return { message, final: response.status !== 409 };
}

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
  const [choices, setChoices] = useState<Record<string, string[]>>(() =>
    Object.fromEntries(Object.entries(attempt.saved).map(([q, a]) => [q, a.choice])),
  );
  const [saveState, setSaveState] = useState<SaveState>("saved");
  const [confirming, setConfirming] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [left, setLeft] = useState<number | null>(() => remaining(attempt.deadline, Date.now()));
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const outbox = useRef<Outbox>({ revision: 0, pending: {} });
  const flushing = useRef<Promise<FlushResult> | null>(null);
  const retryTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const submitted = useRef(false);
  const refused = useRef<Refusal | null>(null);

  /** Stops sending: the server has said no for good, and says why. */
  const refuse = useCallback((reason: Refusal) => {
    refused.current = reason;
    setRefusal(reason);
    setSaveState("refused");
  }, []);

  /**
   * Sends every pending answer. Network failures and server errors are retried; a refusal stops the
   * sending (asking again would be refused again) and the answers stay on this device.
   */
  const flush = useCallback((): Promise<FlushResult> => {
    if (refused.current) return Promise.resolve("refused");
    if (flushing.current) return flushing.current;
    const run = (async (): Promise<FlushResult> => {
      const box = outbox.current;
      let failed = false;
      for (const [questionId, answer] of Object.entries(box.pending)) {
        setSaveState("saving");
        let response: Response;
        try {
          response = await fetch("/api/classroom/answers", {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ attemptId, questionId, choice: answer.choice, revision: answer.revision }),
          });
        } catch {
          failed = true;
          continue;
        }
        // Stored, or (400) a choice that is not one of the options: this answer is settled either way.
        if (response.ok || response.status === 400) {
          if (box.pending[questionId]?.revision === answer.revision) delete box.pending[questionId];
          writeOutbox(attemptId, box);
          continue;
        }
        const reason = await refusalOf(response);
        if (reason) {
          refuse(reason);
          return "refused";
        }
        failed = true;
      }
      const empty = Object.keys(box.pending).length === 0;
      setSaveState(empty ? "saved" : "offline");
      if (failed && !retryTimer.current) {
        retryTimer.current = setTimeout(() => {
          retryTimer.current = null;
          // eslint-disable-next-line react-hooks/immutability -- the retry runs from a timer, after flush exists
          void flush();
        }, RETRY_MS);
      }
      return empty ? "sent" : "pending";
    })();
    flushing.current = run;
    void run.finally(() => {
      flushing.current = null;
      // A change made while this round was sending goes out in the next round.
      if (!refused.current && Object.keys(outbox.current.pending).length > 0 && !retryTimer.current) void flush();
    });
    return run;
  }, [attemptId, refuse]);

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
      // eslint-disable-next-line react-hooks/set-state-in-effect -- the device's outbox is only readable in the browser, after hydration
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
    if (refused.current) return;
    const current = choices[questionId] ?? [];
    const next = multiple
      ? current.includes(optionId)
        ? current.filter((id) => id !== optionId)
        : [...current, optionId].sort()
      : [optionId];
    setChoices({ ...choices, [questionId]: next });
    const box = outbox.current;
    box.revision += 1;
    box.pending[questionId] = { choice: next, revision: box.revision };
    writeOutbox(attemptId, box);
    void flush();
  };

  const submit = useCallback(async () => {
    if (submitted.current || refused.current?.final) return;
    setSubmitting(true);
    setMessage(null);
    // Answers refused because time is up do not stop the submit: it records what was saved in time.
    if ((await flush()) === "pending") {
      setSubmitting(false);
      setMessage("Some answers have not reached the server yet. Check your connection and submit again.");
      return;
    }
    if (refused.current?.final) {
      setSubmitting(false);
      return;
    }
    try {
      const response = await fetch(`/api/classroom/attempts/${attemptId}/submit`, { method: "POST" });
      if (!response.ok) {
        const reason = await refusalOf(response);
        if (!reason) throw new Error(String(response.status));
        refuse({ ...reason, final: true });
        setSubmitting(false);
        return;
      }
      submitted.current = true;
      clearOutbox(attemptId);
      router.refresh();
    } catch {
      setSubmitting(false);
      setMessage("The submission did not reach the server. Your answers are saved; try again.");
    }
  }, [attemptId, flush, refuse, router]);

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
  const status =
    refusal?.message ??
    {
      saved: "All answers saved",
      saving: "Saving…",
      offline: "Not connected: your answers are kept on this device and sent when you reconnect",
      refused: "",
    }[saveState];
  const locked = submitting || refusal !== null;
  const final = refusal?.final === true;

  return (
    <div className="quiz-taker">
      <div className="quiz-bar">
        <p
          className={`save-state save-${saveState === "refused" ? "closed" : saveState}`}
          role={refusal ? "alert" : "status"}
          aria-live="polite"
          data-testid="save-state"
        >
          {status}
        </p>
        {left !== null ? (
          <p className="quiz-clock" aria-label="Time left" data-testid="time-left">
            {clock(left)}
          </p>
        ) : null}
      </div>
      <ol className="quiz-questions">
        {attempt.questions.map((q, i) => (
          <li key={q.questionId} className="panel quiz-question" data-testid="take-question">
            <fieldset>
              <legend>
                {/* A heading per question, so a prompt's own headings (h3) sit under it in order. */}
                <h2 className="question-title">Question {i + 1}</h2>{" "}
                <span className="muted">
                  · {q.points} point{q.points === 1 ? "" : "s"}
                  {q.multiple ? " · choose all that apply" : ""}
                </span>
              </legend>
              <div className="card-face" dangerouslySetInnerHTML={{ __html: q.promptHtml }} />
              <div className="quiz-options">
                {q.options.map((o) => {
                  const checked = (choices[q.questionId] ?? []).includes(o.id);
                  return (
                    <label key={o.id} className={`quiz-option${checked ? " chosen" : ""}`}>
                      <input
                        type={q.multiple ? "checkbox" : "radio"}
                        name={`q-${q.questionId}`}
                        value={o.id}
                        checked={checked}
                        onChange={() => choose(q.questionId, o.id, q.multiple)}
                        disabled={locked}
                      />
                      <span className="option-letter">{o.letter}.</span>
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
        {message ? (
          <p className="form-error" role="alert">
            {message}
          </p>
        ) : null}
        {confirming ? (
          <>
            <p>
              {unanswered > 0 ? `${unanswered} question${unanswered === 1 ? " is" : "s are"} unanswered. ` : ""}You cannot change your
              answers after submitting.
            </p>
            <div className="actions-row">
              <button className="button" type="button" onClick={() => void submit()} disabled={submitting || final}>
                Submit now
              </button>
              <button className="button secondary" type="button" onClick={() => setConfirming(false)} disabled={submitting}>
                Keep working
              </button>
            </div>
          </>
        ) : (
          <button className="button full" type="button" onClick={() => setConfirming(true)} disabled={submitting || final}>
            Submit answers
          </button>
        )}
      </div>
    </div>
  );
}
