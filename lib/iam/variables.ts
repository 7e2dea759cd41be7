// Policy variables: ${key} and ${key, 'default'} take values from the request context; ${*}, ${?}
// and ${$} stand for the literal characters. They exist only under Version 2012-10-17; under
// 2008-10-17 or without a Version the text is literal (policy variables page).

import { noteMissing, type RequestContext } from "./context.ts";
import { encodeWildcards } from "./match/wildcard.ts";

export interface VariablePart {
  key: string;
  keyLower: string;
  fallback?: string;
}

/** Literal pieces are already in their final form (wildcard-encoded when the template is a glob). */
export type TemplatePart = string | VariablePart;

export interface Template {
  parts: TemplatePart[];
}

const ESCAPES: Record<string, string> = { "*": "*", "?": "?", $: "$" };

/**
 * Splits policy text into literal text and variables. Returns plain text when no variable is
 * present (or variables are off), so the common case costs nothing at evaluation time.
 * With `glob`, unescaped * and ? in literal text become wildcards.
 */
export function parseTemplate(raw: string, variablesOn: boolean, glob: boolean): string | Template {
  const literal = (text: string) => (glob ? encodeWildcards(text) : text);
  if (!variablesOn || raw.indexOf("${") < 0) return literal(raw);
  const parts: TemplatePart[] = [];
  let text = "";
  let i = 0;
  while (i < raw.length) {
    const open = raw.indexOf("${", i);
    const close = open < 0 ? -1 : raw.indexOf("}", open + 2);
    if (open < 0 || close < 0) {
      text += literal(raw.slice(i));
      break;
    }
    text += literal(raw.slice(i, open));
    const body = raw.slice(open + 2, close);
    const escaped = ESCAPES[body];
    if (escaped !== undefined) {
      text += escaped;
    } else {
      const withDefault = /^\s*([^,]+?)\s*,\s*'([^']*)'\s*$/.exec(body);
      const key = (withDefault ? withDefault[1]! : body).trim();
      if (text) parts.push(text);
      text = "";
      const part: VariablePart = { key, keyLower: key.toLowerCase() };
      if (withDefault) part.fallback = withDefault[2]!;
      parts.push(part);
    }
    i = close + 1;
  }
  if (text) parts.push(text);
  if (parts.every((p) => typeof p === "string")) return parts.join("");
  return { parts };
}

/**
 * Fills a template from the context. Undefined when a variable has no single value and no default:
 * the documentation says the statement then does not apply. Values are always literal text.
 */
export function resolveTemplate(template: Template, context: RequestContext): string | undefined {
  let out = "";
  for (const part of template.parts) {
    if (typeof part === "string") {
      out += part;
      continue;
    }
    const value = context.get(part.key, part.keyLower);
    const single = typeof value === "string" ? value : value !== undefined && value.length === 1 ? value[0] : undefined;
    if (single !== undefined) {
      out += single;
    } else if (part.fallback !== undefined) {
      out += part.fallback;
    } else {
      noteMissing(context, part.key);
      return undefined;
    }
  }
  return out;
}
