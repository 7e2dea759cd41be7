// Expanding Action / NotAction patterns into the concrete actions they cover, service by service,
// using the catalogue. Action names compare case-insensitively with * and ? (IAM User Guide,
// "IAM JSON policy elements: Action").

import { matchesAction } from "../index.ts";
import type { ActionCatalogue } from "./catalogue.ts";

export interface Expansion {
  /** prefix (lower case) -> catalogue action names covered. */
  byService: Map<string, string[]>;
  /** Prefixes IAM does not recognise, with the patterns that named them. */
  unknownServices: Map<string, string[]>;
  /** Patterns of a known service that match none of its actions. */
  unmatchedPatterns: string[];
  /** The patterns cover every service ("*" or a wildcard prefix) and the catalogue cannot list them all. */
  everyService: boolean;
}

function splitPattern(pattern: string): { prefix: string; name: string } {
  const colon = pattern.indexOf(":");
  if (colon < 0) return { prefix: pattern, name: "*" };
  return { prefix: pattern.slice(0, colon), name: pattern.slice(colon + 1) };
}

function servicesMatching(prefixPattern: string, catalogue: ActionCatalogue): string[] | undefined {
  if (!/[*?]/.test(prefixPattern)) return [prefixPattern.toLowerCase()];
  if (!catalogue.services) return undefined;
  return catalogue.services().filter((s) => matchesAction(prefixPattern, s));
}

function add(map: Map<string, Set<string>>, prefix: string, actions: Iterable<string>): void {
  let set = map.get(prefix);
  if (!set) map.set(prefix, (set = new Set()));
  for (const a of actions) set.add(a);
}

/** The actions an Action element allows or denies. */
export function expandActions(patterns: string[], catalogue: ActionCatalogue): Expansion {
  const covered = new Map<string, Set<string>>();
  const unknownServices = new Map<string, string[]>();
  const unmatchedPatterns: string[] = [];
  let everyService = false;
  for (const pattern of patterns) {
    const { prefix, name } = splitPattern(pattern === "*" ? "*:*" : pattern);
    const services = servicesMatching(prefix, catalogue);
    if (!services) {
      everyService = true;
      continue;
    }
    for (const service of services) {
      if (catalogue.serviceName(service) === undefined) {
        unknownServices.set(service, [...(unknownServices.get(service) ?? []), pattern]);
        continue;
      }
      const hits = catalogue.actionsOf(service).filter((a) => matchesAction(`${service}:${name}`, `${service}:${a}`));
      if (hits.length === 0 && !/[*?]/.test(prefix)) unmatchedPatterns.push(pattern);
      if (hits.length > 0) add(covered, service, hits);
    }
  }
  return {
    byService: new Map([...covered].map(([k, v]) => [k, [...v]])),
    unknownServices,
    unmatchedPatterns,
    everyService,
  };
}

/**
 * The actions a NotAction element leaves: every action of every service except those matched.
 * Without a full service list, only the services the element names can be expanded; the rest is
 * reported as everyService.
 */
export function expandNotActions(patterns: string[], catalogue: ActionCatalogue): Expansion {
  const excluded = expandActions(patterns, catalogue);
  const services = catalogue.services ? catalogue.services() : [...excluded.byService.keys()];
  const byService = new Map<string, string[]>();
  for (const service of services) {
    const removed = new Set(excluded.byService.get(service) ?? []);
    const left = catalogue.actionsOf(service).filter((a) => !removed.has(a));
    if (left.length > 0) byService.set(service, left);
  }
  return {
    byService,
    unknownServices: excluded.unknownServices,
    unmatchedPatterns: excluded.unmatchedPatterns,
    everyService: !catalogue.services,
  };
}
