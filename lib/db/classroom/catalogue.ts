import "server-only";
import type { Scenario } from "../../scenarios/index.ts";
import type { PlayOptions } from "../../classroom/index.ts";

/**
 * The action catalogue a scenario's "what does this policy allow" questions need. The loader keeps
 * each service's data for the life of the process, so nothing is cached here. When it cannot be
 * loaded those questions come back without options and are left out of the quiz, rather than
 * failing the whole scenario.
 */
export async function catalogueForScenario(scenario: Scenario): Promise<PlayOptions["catalogue"]> {
  if (!scenario.resolved.questions.some((q) => q.kind === "summary")) return undefined;
  return import("../../scenarios/scenario-files.node.ts").then((m) => m.catalogueFor(scenario)).catch(() => undefined);
}
