// Every policy in the seed scenarios with the place it is used in, for the lint tests: trust
// policies, identity and managed policies, resource policies, SCPs, RCPs and session policies.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseScenario } from "../../../lib/scenarios/index.ts";
import type { LintPlace } from "../../../lib/iam/lint/index.ts";

export interface SeedPolicy {
  file: string;
  where: string;
  place: LintPlace;
  document: unknown;
}

const MAPS: Record<string, LintPlace> = { policies: "identity", managedPolicies: "identity", scps: "scp", rcps: "rcp" };
const SINGLE: Record<string, LintPlace> = { trustPolicy: "trust", policy: "resource", Policy: "session" };

// A policy is written inline as an object or as JSON text; other strings are references to one.
const isDocument = (v: unknown) =>
  typeof v === "string" ? v.trimStart().startsWith("{") : typeof v === "object" && v !== null && "Statement" in v;
const asDocument = (v: unknown) => (typeof v === "string" ? JSON.parse(v) : v) as unknown;

function walk(value: unknown, where: string, file: string, out: SeedPolicy[]): void {
  if (Array.isArray(value)) return value.forEach((v, i) => walk(v, `${where}[${i}]`, file, out));
  if (typeof value !== "object" || value === null) return;
  for (const [key, child] of Object.entries(value)) {
    const at = `${where}.${key}`;
    const single = SINGLE[key];
    const map = MAPS[key];
    if (single && isDocument(child)) {
      out.push({ file, where: at, place: single, document: asDocument(child) });
    } else if (map && child && typeof child === "object" && !Array.isArray(child)) {
      for (const [name, doc] of Object.entries(child)) {
        if (isDocument(doc)) out.push({ file, where: `${at}.${name}`, place: map, document: asDocument(doc) });
      }
    } else walk(child, at, file, out);
  }
}

export function seedPolicies(dir = join(process.cwd(), "seeds", "scenarios")): SeedPolicy[] {
  const out: SeedPolicy[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()) {
    walk(parseScenario(readFileSync(join(dir, file), "utf8")).resolved, "", file, out);
  }
  return out;
}
