// "What does this policy allow?" — a policy summary in the manner of the IAM console's: services
// grouped under Allow and Explicit deny, each with its access level summary (Full access, or Full /
// Limited per access level), its resources and its request conditions, plus services IAM does not
// recognise (IAM User Guide, "Policy summary (list of services)" and "Understanding access level
// summaries within policy summaries").

import type { PolicyInput } from "../index.ts";
import { ACCESS_LEVELS, type AccessLevel, type ActionCatalogue } from "./catalogue.ts";
import { describeConditions } from "./conditions.ts";
import { expandActions, expandNotActions } from "./expand.ts";
import { describeResource, type ResourceDescription } from "./resources.ts";
import { summarySentences } from "./sentences.ts";
import { parseForSummary, readStatements, type SummaryStatement } from "./statements.ts";

export type Effect = "Allow" | "Deny";

export interface LevelSummary {
  level: AccessLevel;
  /** Full: every action of this level; Limited: at least one but not all. */
  grant: "Full" | "Limited";
  actions: string[];
  total: number;
}

/** What one statement grants (or denies) within one service. */
export interface StatementGrant {
  statementIndex: number;
  sid?: string;
  /** The Action (or NotAction) entries that reach this service. */
  patterns: string[];
  notAction: boolean;
  actions: string[];
  levels: LevelSummary[];
  fullAccess: boolean;
  resources: ResourceDescription[];
  /** True for NotResource: every resource except `resources`. */
  exceptResources: boolean;
  /** For resource-based policies: who the statement is about, in words. */
  principals?: string[];
  conditions: string[];
}

export interface ServiceSummary {
  prefix: string;
  name: string;
  effect: Effect;
  fullAccess: boolean;
  /** The console's access level column: "Full access" or e.g. "Full: List, Read Limited: Write". */
  accessLevel: string;
  levels: LevelSummary[];
  /** The console's resource column: "All resources", one resource's text, or "Multiple". */
  resource: string;
  /** The console's request condition column: "None", one condition, or "Multiple". */
  requestCondition: string;
  grants: StatementGrant[];
}

/** A statement whose actions span every service ("*", "*:Get*", or NotAction). */
export interface EveryServiceGrant {
  statementIndex: number;
  sid?: string;
  effect: Effect;
  patterns: string[];
  notAction: boolean;
  resources: ResourceDescription[];
  exceptResources: boolean;
  principals?: string[];
  conditions: string[];
}

export interface UncategorizedService {
  prefix: string;
  effect: Effect;
  patterns: string[];
}

export interface SummarySection {
  effect: Effect;
  services: ServiceSummary[];
  everyService: EveryServiceGrant[];
}

export interface PolicySummary {
  policyId?: string;
  allow: SummarySection;
  deny: SummarySection;
  uncategorized: UncategorizedService[];
  warnings: string[];
  /** The same summary as plain-English sentences. */
  sentences: string[];
}

function levelsOf(prefix: string, actions: string[], catalogue: ActionCatalogue): LevelSummary[] {
  const all = catalogue.actionsOf(prefix);
  const out: LevelSummary[] = [];
  for (const level of ACCESS_LEVELS) {
    const total = all.filter((a) => catalogue.accessLevel(prefix, a) === level).length;
    const granted = actions.filter((a) => catalogue.accessLevel(prefix, a) === level);
    if (granted.length === 0) continue;
    out.push({ level, grant: granted.length === total ? "Full" : "Limited", actions: granted, total });
  }
  return out;
}

function accessLevelText(fullAccess: boolean, levels: LevelSummary[]): string {
  if (fullAccess) return "Full access";
  const full = levels.filter((l) => l.grant === "Full").map((l) => l.level);
  const limited = levels.filter((l) => l.grant === "Limited").map((l) => l.level);
  return [full.length ? `Full: ${full.join(", ")}` : "", limited.length ? `Limited: ${limited.join(", ")}` : ""].filter(Boolean).join(" ");
}

function isEveryServicePattern(pattern: string): boolean {
  return pattern === "*" || pattern.split(":")[0] === "*";
}

function resourceColumn(grants: StatementGrant[]): string {
  const texts = new Set(grants.map((g) => (g.exceptResources ? "Multiple" : g.resources.map((r) => r.text).join("|"))));
  if (texts.size !== 1) return "Multiple";
  const only = grants[0];
  if (!only || only.exceptResources || only.resources.length !== 1) return "Multiple";
  const text = only.resources[0]?.text ?? "";
  return text === "all resources" ? "All resources" : text;
}

function conditionColumn(grants: StatementGrant[]): string {
  const all = new Set(grants.flatMap((g) => g.conditions));
  if (all.size === 0) return "None";
  if (all.size === 1) return [...all][0] ?? "None";
  return "Multiple";
}

interface Builder {
  services: Map<string, ServiceSummary>;
  everyService: EveryServiceGrant[];
}

/** A statement without Resource or NotResource sits on its resource (a role trust policy, say). */
const ATTACHED: ResourceDescription = { pattern: "", text: "the resource this policy is attached to" };

function statementResources(statement: SummaryStatement, catalogue: ActionCatalogue): ResourceDescription[] {
  const patterns = statement.resources ?? statement.notResources;
  return patterns ? patterns.map((r) => describeResource(r, catalogue)) : [ATTACHED];
}

function grantFor(
  statement: SummaryStatement,
  prefix: string,
  actions: string[],
  patterns: string[],
  catalogue: ActionCatalogue,
): StatementGrant {
  const levels = levelsOf(prefix, actions, catalogue);
  const grant: StatementGrant = {
    statementIndex: statement.index,
    patterns,
    notAction: Boolean(statement.notActions),
    actions,
    levels,
    fullAccess: actions.length === catalogue.actionsOf(prefix).length,
    resources: statementResources(statement, catalogue),
    exceptResources: Boolean(statement.notResources),
    conditions: describeConditions(statement.conditions),
  };
  if (statement.sid) grant.sid = statement.sid;
  if (statement.principals) grant.principals = statement.principals;
  return grant;
}

function addGrant(builder: Builder, effect: Effect, prefix: string, grant: StatementGrant, catalogue: ActionCatalogue): void {
  let service = builder.services.get(prefix);
  if (!service) {
    service = {
      prefix,
      name: catalogue.serviceName(prefix) ?? prefix,
      effect,
      fullAccess: false,
      accessLevel: "",
      levels: [],
      resource: "",
      requestCondition: "",
      grants: [],
    };
    builder.services.set(prefix, service);
  }
  service.grants.push(grant);
}

function finishService(service: ServiceSummary, catalogue: ActionCatalogue): ServiceSummary {
  const actions = [...new Set(service.grants.flatMap((g) => g.actions))];
  service.levels = levelsOf(service.prefix, actions, catalogue);
  service.fullAccess = actions.length === catalogue.actionsOf(service.prefix).length;
  service.accessLevel = accessLevelText(service.fullAccess, service.levels);
  service.resource = resourceColumn(service.grants);
  service.requestCondition = conditionColumn(service.grants);
  return service;
}

/**
 * Summarises one policy against the action catalogue. Accepts every policy form the evaluator does;
 * a malformed policy throws the parser's PolicyError (with the JSON path of the problem).
 */
export function summarizePolicy(input: PolicyInput, catalogue: ActionCatalogue): PolicySummary {
  const policy = parseForSummary(input);
  const builders: Record<Effect, Builder> = {
    Allow: { services: new Map(), everyService: [] },
    Deny: { services: new Map(), everyService: [] },
  };
  const uncategorized = new Map<string, UncategorizedService>();
  const warnings: string[] = [];

  for (const statement of readStatements(policy)) {
    const builder = builders[statement.effect];
    const label = `Statement ${statement.index}${statement.sid ? ` (${statement.sid})` : ""}`;
    const patterns = statement.actions ?? statement.notActions ?? [];
    const broad = statement.notActions ? patterns : patterns.filter(isEveryServicePattern);
    const specific = statement.notActions ? [] : patterns.filter((p) => !isEveryServicePattern(p));

    const resources = statementResources(statement, catalogue);
    for (const r of resources) {
      if (r.problem) warnings.push(`${label}: the resource ${r.pattern} — ${r.problem}.`);
    }

    if (broad.length > 0) {
      const every: EveryServiceGrant = {
        statementIndex: statement.index,
        effect: statement.effect,
        patterns: broad,
        notAction: Boolean(statement.notActions),
        resources,
        exceptResources: Boolean(statement.notResources),
        conditions: describeConditions(statement.conditions),
      };
      if (statement.sid) every.sid = statement.sid;
      if (statement.principals) every.principals = statement.principals;
      builder.everyService.push(every);
      if (statement.notActions) {
        // The services NotAction names are the interesting ones: show what is left of each.
        const named = expandActions(statement.notActions, catalogue);
        const left = expandNotActions(statement.notActions, catalogue);
        for (const prefix of named.byService.keys()) {
          const remaining = left.byService.get(prefix) ?? [];
          if (remaining.length > 0) {
            addGrant(builder, statement.effect, prefix, grantFor(statement, prefix, remaining, statement.notActions, catalogue), catalogue);
          }
        }
      }
    }

    if (specific.length > 0) {
      const expansion = expandActions(specific, catalogue);
      for (const [prefix, actions] of expansion.byService) {
        const reaching = specific.filter((p) => {
          const servicePart = p.split(":")[0] ?? "";
          return servicePart.toLowerCase() === prefix || /[*?]/.test(servicePart);
        });
        addGrant(builder, statement.effect, prefix, grantFor(statement, prefix, actions, reaching, catalogue), catalogue);
      }
      for (const [prefix, named] of expansion.unknownServices) {
        const key = `${statement.effect}:${prefix}`;
        const entry = uncategorized.get(key) ?? { prefix, effect: statement.effect, patterns: [] };
        entry.patterns.push(...named);
        uncategorized.set(key, entry);
      }
      for (const pattern of expansion.unmatchedPatterns) {
        const prefix = pattern.split(":")[0] ?? "";
        warnings.push(`${label}: "${pattern}" matches no ${catalogue.serviceName(prefix) ?? prefix} action; check the spelling.`);
      }
    }
  }

  const section = (effect: Effect): SummarySection => ({
    effect,
    services: [...builders[effect].services.values()].map((s) => finishService(s, catalogue)).sort((a, b) => a.name.localeCompare(b.name)),
    everyService: builders[effect].everyService,
  });

  const summary: PolicySummary = {
    allow: section("Allow"),
    deny: section("Deny"),
    uncategorized: [...uncategorized.values()],
    warnings,
    sentences: [],
  };
  summary.sentences = summarySentences(summary, catalogue);
  summary.policyId = policy.id;
  return summary;
}
