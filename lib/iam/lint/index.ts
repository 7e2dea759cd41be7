// Public face of the policy linter: findings for a policy in its place, each with Access Analyzer's
// code where it has one, the line it is on and the AWS page that explains it. Browser-safe: the
// catalogue is injected (Node code loads one with ./catalogue.node.ts; the playground fetches the
// services a policy names).

export { lintPolicy, MAX_POLICY_CHARS } from "./lint.ts";
export { createLintCatalogue } from "./catalogue.ts";
export { servicePrefixesOf } from "./prefixes.ts";
export { FINDING_CODES, type CodeInfo, type FindingCode } from "./codes.ts";
export { describeFinding, formatFindingLine, KIND_LABELS } from "./describe.ts";
export { ESCALATION_ACTIONS } from "./checks/escalation.ts";
export { LINT_PLACES } from "./types.ts";
export type {
  CatalogueAction,
  CatalogueIndex,
  CatalogueResourceType,
  CatalogueService,
  Finding,
  FindingKind,
  LintCatalogue,
  LintOptions,
  LintPlace,
  ServiceData,
} from "./types.ts";
