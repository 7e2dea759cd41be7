// lintPolicy: every finding for one policy in its place, each with its line in the text as typed.
// Pure and synchronous: the catalogue (when given) is already loaded.

import { FINDING_CODES } from "./codes.ts";
import { isRecord, statementsOf, type Check, type CheckContext, type Draft } from "./document.ts";
import { createLocator, type Locator } from "./locate.ts";
import { actions } from "./checks/actions.ts";
import { conditionFindings } from "./checks/conditions.ts";
import { escalation } from "./checks/escalation.ts";
import { grammarFindings } from "./checks/grammar.ts";
import { negatedElements } from "./checks/negated-elements.ts";
import { passRole } from "./checks/pass-role.ts";
import { placement } from "./checks/placement.ts";
import { publicPrincipal } from "./checks/public-principal.ts";
import { redundant } from "./checks/redundant.ts";
import { resources } from "./checks/resources.ts";
import type { Finding, FindingKind, LintOptions } from "./types.ts";

const CHECKS: Check[] = [placement, actions, resources, negatedElements, publicPrincipal, passRole, escalation, redundant];

const KIND_ORDER: Record<FindingKind, number> = { error: 0, security: 1, warning: 2, suggestion: 3 };

/** Policies larger than this are not linted element by element (IAM's own limits are far smaller). */
export const MAX_POLICY_CHARS = 200_000;

function place(draft: Draft, locator: Locator | undefined): Finding {
  const info = FINDING_CODES[draft.code];
  const finding: Finding = {
    kind: info.kind,
    code: draft.code,
    message: draft.message,
    path: draft.path,
    line: 1,
    learnMore: info.learnMore,
  };
  if (locator) {
    const at = locator.locate(draft.path);
    finding.line = at.line;
    finding.column = at.column;
  }
  return finding;
}

/**
 * Lints a policy (JSON text, or an already-parsed document) as used in `options.place`. Findings
 * come in the order of the text, most severe first on the same line.
 */
export function lintPolicy(source: string | object, options: LintOptions): Finding[] {
  let document: unknown = source;
  let locator: Locator | undefined;
  if (typeof source === "string") {
    if (source.length > MAX_POLICY_CHARS) {
      return [
        place(
          {
            code: "DATA_TYPE_MISMATCH",
            message: `The policy is ${source.length} characters long; the linter reads at most ${MAX_POLICY_CHARS}.`,
            path: "",
          },
          undefined,
        ),
      ];
    }
    locator = createLocator(source);
    try {
      document = JSON.parse(source);
    } catch (error) {
      const syntax = locator.syntaxError;
      const finding = place(
        { code: "JSON_SYNTAX_ERROR", message: `Not valid JSON: ${syntax?.message ?? (error as Error).message}.`, path: "" },
        undefined,
      );
      if (syntax) {
        finding.line = syntax.position.line;
        finding.column = syntax.position.column;
      }
      return [finding];
    }
  }
  const drafts: Draft[] = [];
  let valueChecked = new Set<string>();
  if (isRecord(document)) {
    const ctx: CheckContext = { document, statements: statementsOf(document), place: options.place, catalogue: options.catalogue };
    const conditions = conditionFindings(ctx);
    valueChecked = conditions.valueChecked;
    for (const check of CHECKS) drafts.push(...check(ctx));
    drafts.push(...conditions.drafts);
  }
  drafts.unshift(...grammarFindings(document, valueChecked));
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const draft of drafts) {
    const key = `${draft.code}\u0000${draft.path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(place(draft, locator));
  }
  return findings.sort((a, b) => a.line - b.line || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.column ?? 0) - (b.column ?? 0));
}
