// A LintCatalogue over plain data. Browser-safe: the playground builds one from the services it
// fetched, Node code from what catalogue.node.ts read from disk.

import type { CatalogueAction, CatalogueIndex, CatalogueService, LintCatalogue, ServiceData } from "./types.ts";

function buildService(prefix: string, data: ServiceData): CatalogueService {
  const byLower = new Map<string, string>();
  for (const name of Object.keys(data.actions)) byLower.set(name.toLowerCase(), name);
  const built = new Map<string, CatalogueAction>();
  const conditionKeys = new Map<string, string>();
  for (const [key, type] of Object.entries(data.conditionKeys)) conditionKeys.set(key, type);
  return {
    prefix,
    actions: Object.keys(data.actions),
    conditionKeys,
    action(name) {
      const spelled = byLower.get(name.toLowerCase());
      if (spelled === undefined) return undefined;
      let action = built.get(spelled);
      if (!action) {
        const raw = data.actions[spelled]!;
        action = {
          name: spelled,
          conditionKeys: raw.conditionKeys,
          resourceTypes: raw.resourceTypes.map((type) => {
            const details = data.resourceTypes[type];
            return details ? { name: type, arn: details.arn, conditionKeys: details.conditionKeys } : { name: type, conditionKeys: [] };
          }),
        };
        built.set(spelled, action);
      }
      return action;
    },
  };
}

/**
 * `services` maps a prefix to its data, or to null when the service is known not to exist; a
 * prefix left out reads as not loaded. Without an index, unknown-service checks are skipped.
 */
export function createLintCatalogue(index: CatalogueIndex | undefined, services: Record<string, ServiceData | null>): LintCatalogue {
  const known = index ? new Set(index.services.map((s) => s.toLowerCase())) : undefined;
  const globalKeys = new Map(Object.entries(index?.globalKeys ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const built = new Map<string, CatalogueService | null>();
  return {
    services: () => index?.services,
    service(prefix) {
      const lower = prefix.toLowerCase();
      if (built.has(lower)) return built.get(lower);
      const data = services[lower];
      if (data === undefined) return known && !known.has(lower) ? null : undefined;
      const service = data === null ? null : buildService(lower, data);
      built.set(lower, service);
      return service;
    },
    globalKeyType(key) {
      const lower = key.toLowerCase();
      const exact = globalKeys.get(lower);
      if (exact !== undefined) return exact;
      // Tag keys are families ("aws:PrincipalTag/tag-key" stands for every tag name).
      const slash = lower.indexOf("/");
      if (slash < 0) return undefined;
      const family = lower.slice(0, slash + 1);
      for (const [name, type] of globalKeys) if (name.startsWith(family)) return type;
      return undefined;
    },
  };
}
