// A policy's JSON as the card shows it, with the line range of every statement, so the review screen
// (or a fenced block's `{7-12}` marker) can highlight the statement that decided.

import type { PolicySource } from "../iam/index.ts";

export interface LineRange {
  /** 1-based, inclusive. */
  start: number;
  end: number;
}

export interface PolicyText {
  text: string;
  /** One range per statement, in Statement order (one range when Statement is a single object). */
  statements: LineRange[];
}

function indent(text: string, by: string): string[] {
  return text.split("\n").map((line) => by + line);
}

function documentOf(source: PolicySource): unknown {
  if (typeof source !== "string") return source;
  try {
    return JSON.parse(source) as unknown;
  } catch {
    return source;
  }
}

/** Pretty-prints a policy with two-space indentation, recording where each statement sits. */
export function formatPolicy(source: PolicySource): PolicyText {
  const document = documentOf(source);
  if (typeof document !== "object" || document === null || Array.isArray(document)) {
    return { text: typeof document === "string" ? document : JSON.stringify(document, null, 2), statements: [] };
  }
  const entries = Object.entries(document as Record<string, unknown>);
  const lines = ["{"];
  const statements: LineRange[] = [];
  entries.forEach(([key, value], i) => {
    const comma = i < entries.length - 1 ? "," : "";
    const head = `  ${JSON.stringify(key)}: `;
    if (key === "Statement" && Array.isArray(value) && value.length > 0) {
      lines.push(`${head}[`);
      value.forEach((statement, j) => {
        const body = indent(JSON.stringify(statement, null, 2), "    ");
        const start = lines.length + 1;
        if (j < value.length - 1) body[body.length - 1] += ",";
        lines.push(...body);
        statements.push({ start, end: lines.length });
      });
      lines.push(`  ]${comma}`);
      return;
    }
    const body = indent(JSON.stringify(value, null, 2), "  ");
    body[0] = head + (body[0] ?? "").trimStart();
    body[body.length - 1] += comma;
    const start = lines.length + 1;
    lines.push(...body);
    if (key === "Statement" && typeof value === "object" && value !== null) statements.push({ start, end: lines.length });
  });
  lines.push("}");
  return { text: lines.join("\n"), statements };
}
