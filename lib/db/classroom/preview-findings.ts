import "server-only";
import { describePolicyId, type ScenarioDocument } from "../../scenarios/index.ts";
import { scenarioPolicies } from "../../scenarios/questions/findings.ts";
import { lintPolicy, type Finding } from "../../iam/lint/index.ts";

export interface PolicyFindings {
  /** The policy's reference in the scenario (`role/app/Deploy`, `trust/app`, ...). */
  ref: string;
  /** The reference in words ("the trust policy of role app"). */
  label: string;
  findings: Finding[];
}

/** Most policies an instructor's preview lints; a scenario with more shows the first ones. */
const MAX_POLICIES = 50;

/**
 * The linter's findings for every policy of the scenario being written, in its place (trust
 * policies as trust policies, bucket policies as resource policies), with the action catalogue of
 * the services they name. Policies are linted as parsed documents, so findings carry JSON paths.
 */
export async function lintScenarioPolicies(document: ScenarioDocument): Promise<PolicyFindings[]> {
  const policies = scenarioPolicies(document).slice(0, MAX_POLICIES);
  const { loadLintCatalogue } = await import("../../iam/lint/catalogue.node.ts");
  const texts = policies.map((p) => (typeof p.document === "string" ? p.document : JSON.stringify(p.document)));
  const catalogue = await loadLintCatalogue(texts.join("\n")).catch(() => undefined);
  return policies.flatMap((p) => {
    const findings = lintPolicy(p.document, { place: p.place, ...(catalogue ? { catalogue } : {}) });
    return findings.length ? [{ ref: p.ref, label: describePolicyId(p.ref), findings }] : [];
  });
}
