"use client";

import type { ContextRow, RequestDraft, RequestField } from "@/lib/playground/index.ts";
import styles from "./playground.module.css";

interface Props {
  request: RequestDraft;
  problems: Partial<Record<RequestField, string>>;
  onChange(request: RequestDraft, typedAt: number): void;
}

const FIELDS: { field: Exclude<RequestField, "context">; label: string; hint: string; wide?: boolean }[] = [
  {
    field: "principal",
    label: "Principal",
    hint: 'A user, role or role session ARN, an account id, a service, or "anonymous".',
    wide: true,
  },
  { field: "resource", label: "Resource", hint: "The resource ARN.", wide: true },
  { field: "action", label: "Action", hint: "service:Action, e.g. s3:GetObject." },
  { field: "resourceAccount", label: "Resource account", hint: "Optional: the account that owns the resource (S3 ARNs do not say)." },
];

export function RequestForm({ request, problems, onChange }: Props) {
  const setRows = (context: ContextRow[], typedAt: number) => onChange({ ...request, context }, typedAt);
  return (
    <section className="panel" aria-labelledby="request-title">
      <h2 id="request-title">Request</h2>
      <div className={styles.requestGrid}>
        {FIELDS.map(({ field, label, hint, wide }) => {
          const problem = problems[field];
          return (
            <div className={`field ${wide ? styles.wide : ""}`} key={field}>
              <label htmlFor={`request-${field}`}>{label}</label>
              <input
                id={`request-${field}`}
                value={request[field]}
                onChange={(e) => onChange({ ...request, [field]: e.target.value }, e.nativeEvent.timeStamp)}
                aria-invalid={problem ? true : undefined}
                aria-describedby={`request-${field}-hint${problem ? ` request-${field}-problem` : ""}`}
                autoComplete="off"
                autoCapitalize="off"
                spellCheck={false}
                inputMode={field === "resourceAccount" ? "numeric" : undefined}
              />
              <span className="hint" id={`request-${field}-hint`}>
                {hint}
              </span>
              {problem ? (
                <p className="field-error" id={`request-${field}-problem`}>
                  {problem}
                </p>
              ) : null}
            </div>
          );
        })}
      </div>
      <fieldset className="field" style={{ border: 0, padding: 0, margin: 0 }} aria-describedby="context-hint">
        <legend style={{ fontWeight: 600, padding: 0 }}>Context keys</legend>
        <p className="hint" id="context-hint" style={{ margin: "0 0 0.4rem" }}>
          Condition keys the request carries. Separate the values of a multivalued key with commas.
        </p>
        {request.context.length > 0 ? (
          <ul className={styles.contextRows}>
            {request.context.map((row, i) => (
              <li className={styles.contextRow} key={i}>
                <input
                  aria-label={`Context key ${i + 1}`}
                  placeholder="aws:SourceIp"
                  value={row.key}
                  onChange={(e) =>
                    setRows(
                      request.context.map((r, j) => (j === i ? { ...r, key: e.target.value } : r)),
                      e.nativeEvent.timeStamp,
                    )
                  }
                  autoComplete="off"
                  autoCapitalize="off"
                  spellCheck={false}
                />
                <input
                  aria-label={`Value of context key ${i + 1}`}
                  placeholder="192.0.2.10"
                  value={row.value}
                  onChange={(e) =>
                    setRows(
                      request.context.map((r, j) => (j === i ? { ...r, value: e.target.value } : r)),
                      e.nativeEvent.timeStamp,
                    )
                  }
                  autoComplete="off"
                  autoCapitalize="off"
                  spellCheck={false}
                />
                <button
                  type="button"
                  className="button secondary small"
                  aria-label={`Remove context key ${row.key || i + 1}`}
                  onClick={(e) =>
                    setRows(
                      request.context.filter((_, j) => j !== i),
                      e.timeStamp,
                    )
                  }
                >
                  ✕
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        {problems.context ? <p className="field-error">{problems.context}</p> : null}
        <div>
          <button
            type="button"
            className="button secondary small"
            onClick={(e) => setRows([...request.context, { key: "", value: "" }], e.timeStamp)}
          >
            Add a context key
          </button>
        </div>
      </fieldset>
    </section>
  );
}
