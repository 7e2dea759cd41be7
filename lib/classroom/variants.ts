// Variant names for a template scenario: each learner gets their own users, roles, buckets and
// accounts, chosen from the learner's and the quiz's ids, so two learners cannot swap answers and
// a reload gives the same names. Names of other kinds (keys, policies, free text) keep their value.

import type { ScenarioName } from "../scenarios/index.ts";
import { classroomRandom } from "./random.ts";

const PEOPLE = [
  "alice",
  "bilal",
  "chen",
  "dana",
  "emeka",
  "farah",
  "goran",
  "hana",
  "ivan",
  "jun",
  "kofi",
  "lena",
  "mateo",
  "noor",
  "olga",
  "priya",
  "quinn",
  "ravi",
  "sofia",
  "tariq",
  "uma",
  "viktor",
  "wen",
  "yara",
  "zane",
];
const ROLE_WORDS = [
  "Reporting",
  "Billing",
  "Ingest",
  "Audit",
  "Deploy",
  "Backup",
  "Analytics",
  "Payments",
  "Search",
  "Catalog",
  "Inventory",
  "Support",
];
const ROLE_SUFFIX = ["Role", "ServiceRole", "AppRole", "TaskRole"];
const GROUPS = ["Developers", "Operators", "Auditors", "DataTeam", "Support", "Finance", "Platform", "Security"];
const BUCKET_WORDS = [
  "orders",
  "invoices",
  "reports",
  "photos",
  "backups",
  "logs",
  "exports",
  "assets",
  "archive",
  "uploads",
  "metrics",
  "payroll",
];
const HEX = "0123456789abcdef";

type Draw = () => number;

const pick = <T>(items: readonly T[], random: Draw): T => items[Math.floor(random() * items.length)]!;
const digits = (count: number, random: Draw) => Array.from({ length: count }, () => Math.floor(random() * 10)).join("");
const hex = (count: number, random: Draw) => Array.from({ length: count }, () => HEX[Math.floor(random() * 16)]).join("");

/** A fresh name of the kind, or undefined for kinds that keep their value. */
function draw(kind: ScenarioName["kind"], random: Draw): string | undefined {
  switch (kind) {
    case "account":
      return `${1 + Math.floor(random() * 9)}${digits(11, random)}`;
    case "user":
      return `${pick(PEOPLE, random)}${digits(2, random)}`;
    case "role":
      return `${pick(ROLE_WORDS, random)}${pick(ROLE_SUFFIX, random)}`;
    case "group":
      return pick(GROUPS, random);
    case "bucket":
      return `${pick(BUCKET_WORDS, random)}-${pick(BUCKET_WORDS, random)}-${hex(6, random)}`;
    case "instance":
      return `i-${hex(17, random)}`;
    case "session":
      return `${pick(PEOPLE, random)}-session-${digits(4, random)}`;
    default:
      return undefined;
  }
}

/** The seed of one learner's variant of one quiz's scenarios. */
export function variantSeed(quizId: string, learnerId: string): string {
  return `variant:${quizId}:${learnerId}`;
}

/**
 * New values for the declared names (key -> value). Values are distinct from each other and from
 * every original value, so no two names of a variant collide and no name survives by chance.
 */
export function variantNames(names: readonly ScenarioName[], seed: string): Record<string, string> {
  const random = classroomRandom(seed);
  const taken = new Set(names.map((n) => n.value));
  const mapping: Record<string, string> = {};
  for (const name of names) {
    for (let tries = 0; tries < 50; tries++) {
      const value = draw(name.kind, random);
      if (value === undefined) break;
      if (taken.has(value)) continue;
      taken.add(value);
      mapping[name.key] = value;
      break;
    }
  }
  return mapping;
}
