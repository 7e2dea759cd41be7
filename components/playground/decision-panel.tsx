"use client";

import type { MouseEvent } from "react";
import type { Decision } from "@/lib/iam/index.ts";
import type { PlaygroundOutcome } from "@/lib/playground/index.ts";
import styles from "./playground.module.css";

export const DECISION_WORDS: Record<Decision, string> = {
  allowed: "Allowed",
  explicitDeny: "Denied: explicit deny",
  implicitDeny: "Denied: nothing allows it (implicit deny)",
};

/** One line for the live region and the phone's bar: the decision, or what stops one. */
export function outcomeSummary(outcome: PlaygroundOutcome): string {
  if (outcome.result) {
    const first = outcome.result.deciding[0];
    const by = first ? `, by ${first.sid ? `statement "${first.sid}"` : `statement ${first.statementIndex}`} of ${first.policyName}` : "";
    return `${DECISION_WORDS[outcome.result.decision]}${by}.`;
  }
  const broken = outcome.checks.findIndex((c) => !c.ok);
  const check = outcome.checks[broken];
  if (check && !check.ok) {
    return `Error in ${outcome.names[broken]}, line ${check.problem.position.line}, column ${check.problem.position.column}: ${check.problem.message}`;
  }
  const [field, message] = Object.entries(outcome.requestProblems)[0] ?? [];
  return field ? `Request ${field}: ${message}` : "";
}

export function DecisionPanel({ outcome }: { outcome: PlaygroundOutcome }) {
  const { result } = outcome;
  return (
    <section className={`panel ${styles.decision}`} aria-labelledby="decision-title" id="decision">
      <h2 id="decision-title">Decision</h2>
      {result ? (
        <>
          <p className={`${styles.verdict} ${styles[result.decision]}`} data-testid="decision" data-decision={result.decision}>
            {DECISION_WORDS[result.decision]}
          </p>
          {result.deciding.length > 0 ? (
            <div>
              <h3 style={{ fontSize: "0.95rem", margin: "0 0 0.3rem" }}>
                {result.decision === "allowed" ? "Allowed by" : "Deciding statement"}
              </h3>
              <ul className={styles.deciding} data-testid="deciding">
                {result.deciding.map((d) => (
                  <li key={`${d.policyIndex}-${d.statementIndex}`}>
                    <span className={d.effect === "Allow" ? styles.effectAllow : styles.effectDeny}>{d.effect}</span>{" "}
                    {d.sid ? <code>{d.sid}</code> : `statement ${d.statementIndex}`} in{" "}
                    <a href={`#policy-${d.policyIndex}-json`} onClick={(e) => focusEditor(e, d.policyIndex)}>
                      {d.policyName}
                    </a>
                    {d.lines ? `, lines ${d.lines.start}–${d.lines.end}` : ""}
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <p className="muted" style={{ margin: 0 }}>
              No statement allows this request.
            </p>
          )}
          {result.missingContextValues.length > 0 ? (
            <p className="muted" style={{ margin: 0 }}>
              Conditions asked for context keys the request does not carry:{" "}
              {result.missingContextValues.map((k) => (
                <code key={k}>{k} </code>
              ))}
            </p>
          ) : null}
          <div>
            <h3 style={{ fontSize: "0.95rem", margin: "0 0 0.3rem" }}>How it was decided</h3>
            <ol className={styles.explanation} data-testid="explanation">
              {result.explanation.map((step, i) => (
                <li key={i}>{step}</li>
              ))}
            </ol>
          </div>
        </>
      ) : (
        <>
          <p className={`${styles.verdict} ${styles.blocked}`} data-testid="decision" data-decision="none">
            No decision until the problems below are fixed
          </p>
          <ul className={styles.problems} data-testid="problems">
            {outcome.checks.map((c, i) =>
              c.ok ? null : (
                <li key={i}>
                  <a href={`#policy-${i}-json`} onClick={(e) => focusEditor(e, i)}>
                    {outcome.names[i]}
                  </a>
                  , line {c.problem.position.line}, column {c.problem.position.column}: {c.problem.message}
                </li>
              ),
            )}
            {Object.entries(outcome.requestProblems).map(([field, message]) => (
              <li key={field}>
                <a href={`#request-${field}`} onClick={(e) => focusField(e, `request-${field}`)}>
                  Request {field}
                </a>
                : {message}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** Jumps to a field without touching the fragment, which holds the shared state. */
function focusField(event: MouseEvent, id: string): void {
  event.preventDefault();
  const field = document.getElementById(id);
  field?.focus({ preventScroll: true });
  (field?.closest("section") ?? field)?.scrollIntoView({ block: "start", behavior: "smooth" });
}

function focusEditor(event: MouseEvent, index: number): void {
  focusField(event, `policy-${index}-json`);
}
