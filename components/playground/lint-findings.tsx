"use client";

import { memo } from "react";
// describe.ts directly, not the index: the page bundle must not pull in the linter itself.
import { KIND_LABELS } from "@/lib/iam/lint/describe.ts";
import type { Finding, LintPlace } from "@/lib/iam/lint/index.ts";
import { useLintFindings } from "./use-lint.ts";
import styles from "./playground.module.css";

interface Props {
  id: string;
  text: string;
  place: LintPlace;
}

/** The linter's findings under one policy editor: kind, line, message and the AWS page for each. */
function LintFindingsImpl({ id, text, place }: Props) {
  const findings = useLintFindings(text, place);
  if (findings === null) return null;
  return (
    <div className={styles.findings} id={`${id}-findings`} data-testid={`${id}-findings`} aria-live="polite">
      {findings.length === 0 ? (
        <p className="muted">Linter: no findings.</p>
      ) : (
        <ul>
          {findings.map((f: Finding, i) => (
            <li
              key={`${f.code}-${f.path}-${i}`}
              className={styles[`finding-${f.kind}`]}
              data-testid="finding"
              data-code={f.code}
              data-kind={f.kind}
            >
              <strong>{KIND_LABELS[f.kind]}</strong> <span className="muted">line {f.line}</span> <code>{f.code}</code>: {f.message}{" "}
              <a href={f.learnMore} target="_blank" rel="noreferrer">
                Learn more<span className="visually-hidden"> about {f.code} (AWS documentation)</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export const LintFindings = memo(LintFindingsImpl);
