import type { EvaluationInput, PolicyInput } from "./types.ts";

/** Every policy an evaluation case carries, of every type, in the order the case lists them. */
export function casePolicies(input: EvaluationInput): PolicyInput[] {
  const all: (PolicyInput | undefined)[] = [
    ...(input.identityPolicies ?? []),
    input.resourcePolicy,
    input.permissionsBoundary,
    input.sessionPolicy,
    ...(input.scps ?? []).flat(),
    ...(input.rcps ?? []).flat(),
  ];
  return all.filter((policy): policy is PolicyInput => policy !== undefined);
}
