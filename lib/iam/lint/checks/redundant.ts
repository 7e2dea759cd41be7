// A statement is redundant when another with the same effect and principal, and no conditions,
// already covers every action and resource it names: removing it changes nothing. Access
// Analyzer's REDUNDANT_STATEMENT suggestion.

import { encodeWildcards, matchEncoded } from "../../match/wildcard.ts";
import { entries, hasConditions, type Check, type Draft, type RawStatement } from "../document.ts";

interface Shape {
  statement: RawStatement;
  actions: string[];
  resources: string[] | undefined;
  principal: string;
}

function shapeOf(s: RawStatement): Shape | undefined {
  if (s.value.NotAction !== undefined || s.value.NotResource !== undefined || s.value.NotPrincipal !== undefined) return undefined;
  const actions = entries(s, "Action")?.map((e) => e.value.toLowerCase());
  if (!actions?.length) return undefined;
  const resources = entries(s, "Resource")?.map((e) => e.value);
  return { statement: s, actions, resources, principal: JSON.stringify(s.value.Principal ?? null) };
}

/** Every one of `items` is matched by one of `patterns`. A `?` in a pattern is not trusted to cover a wildcard item. */
function covers(patterns: string[], items: string[]): boolean {
  const encoded = patterns.map((p) => ({ raw: p, pattern: encodeWildcards(p) }));
  return items.every((item) =>
    encoded.some(({ raw, pattern }) => (raw.includes("?") && /[*?]/.test(item) ? raw === item : matchEncoded(pattern, item))),
  );
}

function coveredBy(a: Shape, b: Shape): boolean {
  if (a.statement.value.Effect !== b.statement.value.Effect || a.principal !== b.principal || hasConditions(b.statement)) return false;
  if ((a.resources === undefined) !== (b.resources === undefined)) return false;
  return covers(b.actions, a.actions) && (a.resources === undefined || covers(b.resources!, a.resources));
}

export const redundant: Check = ({ statements }) => {
  const shapes = statements.map(shapeOf).filter((s): s is Shape => s !== undefined);
  const out: Draft[] = [];
  for (const a of shapes) {
    const by = shapes.find((b) => {
      if (b === a || !coveredBy(a, b)) return false;
      // Two statements that cover each other: the later one is the one to remove.
      return !coveredBy(b, a) || b.statement.index < a.statement.index;
    });
    if (!by) continue;
    const effect = a.statement.value.Effect === "Deny" ? "denies" : "allows";
    out.push({
      code: "REDUNDANT_STATEMENT",
      message: `${a.statement.path} adds nothing: ${by.statement.path} already ${effect} every action${
        a.resources ? " on every resource" : ""
      } it names, without conditions. Remove it, or narrow the broader statement.`,
      path: a.statement.path,
    });
  }
  return out;
};
