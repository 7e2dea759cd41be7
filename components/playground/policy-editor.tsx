"use client";

import { memo, type CSSProperties, type ChangeEvent } from "react";
import { KIND_LABELS, lineCount, REPEATABLE_KINDS, type LineRange, type PolicyCheck, type PolicyDraft } from "@/lib/playground/index.ts";
import { LintFindings } from "./lint-findings.tsx";
import styles from "./playground.module.css";

export interface Band {
  lines: LineRange;
  tone: "allow" | "deny" | "error";
}

interface Props {
  index: number;
  draft: PolicyDraft;
  /** The name results use (the learner's, or the derived default). */
  name: string;
  check: PolicyCheck | undefined;
  /** Deciding statements inside this policy. */
  bands: readonly Band[];
  onText(index: number, text: string, typedAt: number): void;
  onName(index: number, name: string): void;
  onRemove(index: number): void;
}

function gutterText(lines: number): string {
  let out = "1";
  for (let i = 2; i <= lines; i++) out += `\n${i}`;
  return out;
}

/** Line numbers change only when the line count does; most keystrokes leave them alone. */
const Gutter = memo(function Gutter({ lines }: { lines: number }) {
  return (
    <pre className={styles.gutter} aria-hidden="true">
      {gutterText(lines)}
    </pre>
  );
});

function bandStyle(lines: LineRange): CSSProperties {
  return { "--start": lines.start, "--count": lines.end - lines.start + 1 } as CSSProperties;
}

function PolicyEditorImpl({ index, draft, name, check, bands, onText, onName, onRemove }: Props) {
  const id = `policy-${index}`;
  const problem = check && !check.ok ? check.problem : undefined;
  const lines = lineCount(draft.text);
  const all: Band[] = problem ? [...bands, { lines: problem.lines, tone: "error" }] : [...bands];
  return (
    <section className={`panel ${styles.policy}`} id={`${id}-section`} aria-labelledby={`${id}-title`} data-testid={`policy-${index}`}>
      <div className={styles.policyHead}>
        <h2 id={`${id}-title`}>{name}</h2>
        <span className={styles.kind}>{KIND_LABELS[draft.kind]}</span>
        <span className={styles.spacer} />
        <button type="button" className="button secondary small" onClick={() => onRemove(index)} aria-label={`Remove ${name}`}>
          Remove
        </button>
      </div>
      <div className={styles.policyHead}>
        <label htmlFor={`${id}-name`} className="visually-hidden">
          Name of {name}
        </label>
        <input
          id={`${id}-name`}
          className={styles.nameInput}
          value={draft.name}
          placeholder={REPEATABLE_KINDS.has(draft.kind) ? `${KIND_LABELS[draft.kind]} name` : KIND_LABELS[draft.kind]}
          onChange={(e) => onName(index, e.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <label className={styles.editorLabel} htmlFor={`${id}-json`}>
        {name}: policy JSON
      </label>
      <div className={`${styles.editor} ${problem ? styles.invalid : ""}`}>
        <Gutter lines={lines} />
        <div className={styles.surface}>
          <div className={styles.bands} aria-hidden="true">
            {all.map((band, i) => (
              <div
                key={i}
                className={`${styles.band} ${styles[band.tone]}`}
                style={bandStyle(band.lines)}
                data-testid={`band-${band.tone}`}
                data-lines={`${band.lines.start}-${band.lines.end}`}
              />
            ))}
          </div>
          <textarea
            id={`${id}-json`}
            className={styles.textarea}
            style={{ "--lines": lines } as CSSProperties}
            value={draft.text}
            onChange={(e: ChangeEvent<HTMLTextAreaElement>) => onText(index, e.target.value, e.nativeEvent.timeStamp)}
            wrap="off"
            spellCheck={false}
            autoCapitalize="off"
            autoCorrect="off"
            autoComplete="off"
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${id}-problem` : undefined}
          />
        </div>
      </div>
      {problem ? (
        <p className={`field-error ${styles.problem}`} id={`${id}-problem`} data-testid={`problem-${index}`}>
          Line {problem.position.line}, column {problem.position.column}
          {problem.path ? (
            <>
              {" "}
              at <code>{problem.path}</code>
            </>
          ) : null}
          : {problem.message}
        </p>
      ) : (
        // The grammar problem above is the one to fix first; the linter speaks once the policy parses.
        <LintFindings id={id} text={draft.text} place={draft.kind} />
      )}
    </section>
  );
}

/** Memoized: typing in one editor re-renders that editor only (its props are stable otherwise). */
export const PolicyEditor = memo(PolicyEditorImpl);
