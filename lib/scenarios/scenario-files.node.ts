// Node-only helpers for the CLI and tests: read a scenario file, and load the action catalogue the
// summary questions need. Never imported by index.ts, so the browser bundle stays free of node:fs.

import { readFile } from "node:fs/promises";
import { loadCatalogue } from "../iam/summary/catalogue.node.ts";
import type { ActionCatalogue } from "../iam/summary/index.ts";
import { parseScenario } from "./parse.ts";
import type { Scenario } from "./types.ts";

export async function loadScenarioFile(file: string): Promise<Scenario> {
  return parseScenario(await readFile(file, "utf8"));
}

/** The catalogue for the services a scenario's summary questions mention (all, if one uses "*"). */
export async function catalogueFor(scenario: Scenario): Promise<ActionCatalogue | undefined> {
  if (!scenario.resolved.questions.some((q) => q.kind === "summary")) return undefined;
  const text = JSON.stringify(scenario.resolved);
  const services = new Set<string>();
  for (const match of text.matchAll(/"([A-Za-z0-9-]+):[A-Za-z0-9*?_-]*"/g)) services.add(match[1]!.toLowerCase());
  // "*" or NotAction need every service to be summarised.
  const everything = /"Action":\s*"\*"|"NotAction"/.test(text);
  return loadCatalogue(everything ? undefined : services);
}
