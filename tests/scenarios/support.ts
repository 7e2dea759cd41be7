// Shared by the scenario tests: the seed files, a fixed clock and seed, and the catalogue loader.

import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadCatalogue } from "../../lib/iam/summary/catalogue.node.ts";
import type { ActionCatalogue } from "../../lib/iam/summary/index.ts";
import {
  answerScenario,
  parseScenario,
  readScenarioText,
  type AnsweredScenario,
  type ScenarioDocument,
} from "../../lib/scenarios/index.ts";

export const SEED_DIR = fileURLToPath(new URL("../../seeds/scenarios/", import.meta.url));
export const NOW = "2025-01-15T12:00:00Z";
export const SEED = 7;

export const seedFiles = (): string[] =>
  readdirSync(SEED_DIR)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort();

export function seedText(file: string): string {
  return readFileSync(`${SEED_DIR}${file}`, "utf8");
}

/** The seed's document as written, to edit in a test before validating it again. */
export function seedDocument(file: string): ScenarioDocument {
  return readScenarioText(seedText(file)) as ScenarioDocument;
}

let catalogue: Promise<ActionCatalogue> | undefined;
/** Only the services the seeds use, loaded once (loading every service reads hundreds of files). */
export function seedCatalogue(): Promise<ActionCatalogue> {
  return (catalogue ??= loadCatalogue(["ec2", "iam", "s3", "sts", "lambda", "ssm"]));
}

export async function answer(source: string | ScenarioDocument): Promise<AnsweredScenario> {
  return answerScenario(parseScenario(source), { now: NOW, seed: SEED, catalogue: await seedCatalogue() });
}
