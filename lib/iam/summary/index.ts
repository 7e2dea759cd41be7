// Public face of the policy summary: "what does this policy allow?", per service and access level,
// with resources, conditions and plain-English sentences. Browser-safe: the action catalogue is
// injected (see ./catalogue.node.ts for the Node loader, which this file deliberately does not import).

export { ACCESS_LEVELS, createCatalogue, knownActionsOf, normaliseAccessLevel } from "./catalogue.ts";
export type { AccessLevel, ActionCatalogue, CatalogueData } from "./catalogue.ts";
export { summarizePolicy } from "./summarize.ts";
export type {
  Effect,
  EveryServiceGrant,
  LevelSummary,
  PolicySummary,
  ServiceSummary,
  StatementGrant,
  SummarySection,
  UncategorizedService,
} from "./summarize.ts";
export { servicesMentioned } from "./statements.ts";
export { describeResource } from "./resources.ts";
export type { ResourceDescription } from "./resources.ts";
export { describeCondition } from "./conditions.ts";
