"use client";
import { useActionState, useEffect, useRef, useState } from "react";
import type { ScenarioPreview } from "@/lib/db/classroom/preview.ts";
import type { AddScenarioState } from "./builder-types.ts";
import { SCENARIO_EXAMPLES } from "./scenario-examples.ts";
import { ScenarioGuide } from "./scenario-guide.tsx";

type Action = (state: AddScenarioState, data: FormData) => Promise<AddScenarioState>;

/** Waits this long after the last keystroke before asking the server to check the scenario. */
const DEBOUNCE_MS = 350;

export function ScenarioEditor({ action, disabled }: { action: Action; disabled: boolean }) {
  const [state, formAction, pending] = useActionState(action, {});
  const [source, setSource] = useState(SCENARIO_EXAMPLES[0]!.source);
  const [template, setTemplate] = useState(true);
  // The server's answer to a submit is shown only until the text changes: a later problem must not
  // sit beside an earlier "Added".
  const [edits, setEdits] = useState(0);
  const [submittedEdit, setSubmittedEdit] = useState(-1);
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

  const edit = (next: () => void) => {
    next();
    setEdits((n) => n + 1);
  };
  const current = submittedEdit === edits && !pending;
  const problem = preview && !preview.ok ? preview.error : null;
  let outcome: { error: boolean; text: string } | null = null;
  if (pending) outcome = { error: false, text: "Adding…" };
  else if (problem) outcome = null;
  else if (current && state.error) outcome = { error: true, text: state.error };
  else if (current && state.addedAt) outcome = { error: false, text: "Added to the quiz: its questions are in the list above." };

  return (
    <form action={formAction} className="scenario-editor" onSubmit={() => setSubmittedEdit(edits)}>
      <ScenarioGuide onUse={(text) => edit(() => setSource(text))} />
      <div className="field">
        <label htmlFor="scenario-source">Scenario (YAML or JSON)</label>
        <textarea
          id="scenario-source"
          name="source"
          rows={18}
          spellCheck={false}
          value={source}
          onChange={(e) => {
            const value = e.target.value;
            edit(() => setSource(value));
          }}
          aria-invalid={preview && !preview.ok ? true : undefined}
          aria-describedby="scenario-check"
        />
        <span className="hint">
          Write names once under <code>names</code> and use them as <code>{"{{name}}"}</code>; the guide above explains every part.
        </span>
      </div>
      <label className="check">
        <input
          type="checkbox"
          name="template"
          checked={template}
          onChange={(e) => {
            const checked = e.target.checked;
            edit(() => setTemplate(checked));
          }}
        />{" "}
        Template: vary the names (users, roles, buckets, accounts) for each learner
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
            {preview.findings.length > 0 ? (
              <div className="panel" data-testid="scenario-findings">
                <p>
                  <strong>Policy linter</strong> (see <a href="/playground">the playground</a> for a policy on its own):
                </p>
                <ul>
                  {preview.findings.flatMap((p) =>
                    p.findings.map((f, j) => (
                      <li key={`${p.ref}-${j}`} data-code={f.code}>
                        {p.label}, <code>{f.path || "the document"}</code>: {f.kind} <code>{f.code}</code>, {f.message}{" "}
                        <a href={f.learnMore} target="_blank" rel="noreferrer">
                          AWS documentation
                        </a>
                      </li>
                    )),
                  )}
                </ul>
              </div>
            ) : null}
            {preview.questions.map((q, i) => (
              <details key={i} className="panel" open={i === 0}>
                <summary>
                  Question {i + 1}: {q.answer}
                </summary>
                <div className="card-face" dangerouslySetInnerHTML={{ __html: q.promptHtml }} />
                <ul className="option-preview">
                  {q.options.map((o, index) => (
                    <li key={o.id} className={o.correct ? "correct" : undefined}>
                      {String.fromCharCode(65 + index)}. <span dangerouslySetInnerHTML={{ __html: o.html }} />
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
      <p className={outcome?.error ? "form-error" : "muted"} role="status" data-testid="scenario-outcome">
        {outcome?.text ?? ""}
      </p>
      <button className="button" type="submit" disabled={pending || disabled || !preview?.ok}>
        Add scenario to quiz
      </button>
    </form>
  );
}
