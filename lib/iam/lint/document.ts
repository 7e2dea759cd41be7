// The policy as the checks read it: the raw JSON, leniently. The grammar check reports what is
// malformed; the other checks look past it, so one typo does not hide every other finding.

import { formatJsonPath } from "../../errors/index.ts";
import type { FindingCode } from "./codes.ts";
import type { LintCatalogue, LintPlace } from "./types.ts";

export interface RawStatement {
  index: number;
  /** `Statement[2]`, or `Statement` when Statement is a single object. */
  path: string;
  value: Record<string, unknown>;
}

/** One string of an element, with its own path (`Statement[0].Action[1]`, or the element's path for a lone string). */
export interface Entry {
  value: string;
  path: string;
}

/** A finding before it is placed on a line. */
export interface Draft {
  code: FindingCode;
  message: string;
  path: string;
}

export interface CheckContext {
  document: Record<string, unknown>;
  statements: RawStatement[];
  place: LintPlace;
  catalogue: LintCatalogue | undefined;
}

export type Check = (ctx: CheckContext) => Draft[];

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function child(parent: string, ...segments: (string | number)[]): string {
  const rest = formatJsonPath(segments);
  if (!parent) return rest;
  return rest.startsWith("[") ? `${parent}${rest}` : `${parent}.${rest}`;
}

export function statementsOf(document: Record<string, unknown>): RawStatement[] {
  const raw = document.Statement;
  if (Array.isArray(raw)) {
    return raw.flatMap((value, index) => (isRecord(value) ? [{ index, path: child("Statement", index), value }] : []));
  }
  return isRecord(raw) ? [{ index: 0, path: "Statement", value: raw }] : [];
}

/** The strings of an element that is a string or an array of strings (anything else is left to the grammar check). */
export function entries(statement: RawStatement, element: string): Entry[] | undefined {
  const value = statement.value[element];
  const path = child(statement.path, element);
  if (typeof value === "string") return [{ value, path }];
  if (!Array.isArray(value)) return undefined;
  return value.flatMap((item, i) => (typeof item === "string" ? [{ value: item, path: child(path, i) }] : []));
}

export function hasConditions(statement: RawStatement): boolean {
  const condition = statement.value.Condition;
  return isRecord(condition) && Object.keys(condition).length > 0;
}

export const hasWildcard = (text: string) => /[*?]/.test(text);

/** Places whose policies are attached to a principal, and so name no Principal. */
export const IDENTITY_SIDE: ReadonlySet<LintPlace> = new Set(["identity", "boundary", "session", "scp"]);
/** Places whose policies must say whom they apply to. */
export const PRINCIPAL_REQUIRED: ReadonlySet<LintPlace> = new Set(["resource", "trust", "rcp"]);
