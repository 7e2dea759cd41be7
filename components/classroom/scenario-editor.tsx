"use client";
import { useActionState, useEffect, useRef, useState } from "react";
import type { ScenarioPreview } from "@/lib/db/classroom/preview.ts";
import type { AddScenarioState } from "./builder-types.ts";

type Action = (state: AddScenarioState, data: FormData) => Promise<AddScenarioState>;

const STARTER = `title: "Can the role read the bucket?"
deck: [Class scenarios]
names:
  account: { kind: account, value: "111122223333" }
  bucket: { kind: bucket, value: reports-bucket }
  role: { kind: role, value: ReportReader }
accounts:
  - id: "{{account}}"
    roles:
      - name: "{{role}}"
        trustPolicy:
          Version: "2012-10-17"
          Statement:
            - { Effect: Allow, Principal: { Service: ec2.amazonaws.com }, Action: sts:AssumeRole }
        policies:
          Read:
            Version: "2012-10-17"
            Statement:
              - { Sid: ReadReports, Effect: Allow, Action: s3:GetObject, Resource: "arn:aws:s3:::{{bucket}}/*" }
resources:
  - arn: "arn:aws:s3:::{{bucket}}"
    account: "{{account}}"
steps:
  - id: read
    request: { as: { role: "{{role}}" }, action: s3:GetObject, resource: "arn:aws:s3:::{{bucket}}/q1.csv" }
questions:
  - kind: allowed
    step: read
`;

/** Waits this long after the last keystroke before asking the server to check the scenario. */
const DEBOUNCE_MS = 350;

export function ScenarioEditor({ action, disabled }: { action: Action; disabled: boolean }) {
  const [state, formAction, pending] = useActionState(action, {});
  const [source, setSource] = useState(STARTER);
  const [template, setTemplate] = useState(true);
  const [preview, setPreview] = useState<ScenarioPreview | null>(null);
  const [checking, setChecking] = useState(false);
  const latest = useRef(0);

  useEffect(() => {
    const ticket = ++latest.current;
    const check = async () => {
      setChecking(true);
      try {
        const response = await fetch("/api/classroom/scenario-preview", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ source, template }),
        });
        const body = (await response.json()) as ScenarioPreview;
        // Answers can come back out of order; only the newest text's answer is shown.
        if (ticket === latest.current) setPreview(body);
      } catch {
        if (ticket === latest.current)
          setPreview({ ok: false, error: { path: "", message: "Could not reach the server to check the scenario." } });
      } finally {
        if (ticket === latest.current) setChecking(false);
      }
    };
    const timer = setTimeout(() => void check(), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [source, template]);

  return (
    <form action={formAction} className="scenario-editor">
      <div className="field">
        <label htmlFor="scenario-source">Scenario (YAML or JSON)</label>
        <textarea
          id="scenario-source"
          name="source"
          rows={18}
          spellCheck={false}
          value={source}
          onChange={(e) => setSource(e.target.value)}
          aria-invalid={preview && !preview.ok ? true : undefined}
          aria-describedby="scenario-check"
        />
        <span className="hint">
          Write names once under <code>names</code> and use them as <code>{"{{name}}"}</code>; see docs/scenarios.md.
        </span>
      </div>
      <label className="check">
        <input type="checkbox" name="template" checked={template} onChange={(e) => setTemplate(e.target.checked)} /> Template: vary the
        names (users, roles, buckets, accounts) for each learner
      </label>
      <div id="scenario-check" aria-live="polite" className="scenario-check" data-testid="scenario-check">
        {checking && !preview ? <p className="muted">Checking…</p> : null}
        {preview && !preview.ok ? (
          <p className="field-error" data-testid="scenario-error">
            {preview.error.path ? <code>{preview.error.path}</code> : null} {preview.error.message}
          </p>
        ) : null}
        {preview?.ok ? (
          <div data-testid="scenario-preview">
            <p>
              <strong>{preview.title}</strong>: {preview.questions.length} question{preview.questions.length === 1 ? "" : "s"} with options
              {preview.skipped ? `, ${preview.skipped} without options left out` : ""}.
            </p>
            {template && preview.names.some((n) => n.example) ? (
              <p className="muted">
                One learner might see:{" "}
                {preview.names
                  .filter((n) => n.example)
                  .map((n) => `${n.key} = ${n.example}`)
                  .join(", ")}
              </p>
            ) : null}
            {preview.questions.map((q, i) => (
              <details key={i} className="panel" open={i === 0}>
                <summary>
                  Question {i + 1}: {q.answer}
                </summary>
                <div className="card-face" dangerouslySetInnerHTML={{ __html: q.promptHtml }} />
                <ul className="option-preview">
                  {q.options.map((o) => (
                    <li key={o.id} className={o.correct ? "correct" : undefined}>
                      ({o.id}) <span dangerouslySetInnerHTML={{ __html: o.html }} />
                      {o.correct ? " ✓" : ""}
                    </li>
                  ))}
                </ul>
                <div className="card-face" dangerouslySetInnerHTML={{ __html: q.explanationHtml }} />
              </details>
            ))}
          </div>
        ) : null}
      </div>
      {state.error ? (
        <p className="form-error" role="alert">
          {state.error}
        </p>
      ) : null}
      {state.addedAt ? (
        <p className="muted" aria-live="polite">
          Added to the quiz.
        </p>
      ) : null}
      <button className="button" type="submit" disabled={pending || disabled || !preview?.ok}>
        Add scenario to quiz
      </button>
    </form>
  );
}
