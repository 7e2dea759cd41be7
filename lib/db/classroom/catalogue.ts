import "server-only";
import type { Scenario } from "../../scenarios/index.ts";
import type { PlayOptions } from "../../classroom/index.ts";

const cache = new Map<string, Promise<PlayOptions["catalogue"]>>();

/**
 * The action catalogue a scenario's "what does this policy allow" questions need, loaded once per
 * set of services. When it cannot be loaded those questions come back without options and are
 * left out of the quiz, rather than failing the whole scenario.
 */
export async function catalogueForScenario(scenario: Scenario): Promise<PlayOptions["catalogue"]> {
  if (!scenario.resolved.questions.some((q) => q.kind === "summary")) return undefined;
  const key = [...new Set(JSON.stringify(scenario.resolved).match(/"[A-Za-z0-9-]+:/g) ?? [])].sort().join("");
  let loading = cache.get(key);
  if (!loading) {
    loading = import("../../scenarios/scenario-files.node.ts").then((m) => m.catalogueFor(scenario)).catch(() => undefined);
    cache.set(key, loading);
  }
  return loading;
}
