"use client";

import { useState } from "react";
import { KIND_LABELS, POLICY_KINDS, REPEATABLE_KINDS, type PolicyDraft, type PolicyKind } from "@/lib/playground/index.ts";
import styles from "./playground.module.css";

const statement = (kind: PolicyKind) =>
  kind === "resource"
    ? {
        Effect: "Allow",
        Principal: { AWS: "arn:aws:iam::111122223333:root" },
        Action: "s3:GetObject",
        Resource: "arn:aws:s3:::my_bucket/*",
      }
    : { Effect: "Allow", Action: "*", Resource: "*" };

/** A starting document for a new policy of the kind: an SCP or boundary that allows all, so adding one changes nothing until edited. */
export function templateFor(kind: PolicyKind): string {
  return JSON.stringify({ Version: "2012-10-17", Statement: [statement(kind)] }, null, 2);
}

export function AddPolicy({ policies, onAdd }: { policies: readonly PolicyDraft[]; onAdd(draft: PolicyDraft): void }) {
  const available = POLICY_KINDS.filter((k) => REPEATABLE_KINDS.has(k) || !policies.some((p) => p.kind === k));
  const [kind, setKind] = useState<PolicyKind>("identity");
  const chosen = available.includes(kind) ? kind : available[0]!;
  return (
    <form
      className={styles.addRow}
      onSubmit={(e) => {
        e.preventDefault();
        onAdd({ kind: chosen, name: "", text: templateFor(chosen) });
      }}
    >
      <label htmlFor="add-kind">Add a policy</label>
      <select id="add-kind" value={chosen} onChange={(e) => setKind(e.target.value as PolicyKind)}>
        {available.map((k) => (
          <option key={k} value={k}>
            {KIND_LABELS[k]}
          </option>
        ))}
      </select>
      <button type="submit" className="button secondary">
        Add
      </button>
    </form>
  );
}
