// The summary as plain-English sentences, one per grant, for a learner who asked "what does this
// policy allow?". Allows come first, then denials, then services IAM does not recognise and warnings.

import type { ActionCatalogue } from "./catalogue.ts";
import type { ResourceDescription } from "./resources.ts";
import type { EveryServiceGrant, LevelSummary, PolicySummary, StatementGrant, SummarySection } from "./summarize.ts";
import { activityOf, joinAnd } from "./wording.ts";

const LIST_LIMIT = 4;

function verb(effect: "Allow" | "Deny"): string {
  return effect === "Allow" ? "Allows" : "Denies";
}

function resourcesText(resources: ResourceDescription[], except: boolean): string {
  const texts = resources.map((r) => (r.text === "all resources" || !r.pattern ? r.text : `${r.text} (${r.pattern})`));
  if (except) return `every resource except ${joinAnd(texts)}`;
  if (texts.length === 1 && texts[0] === "all resources") return "all resources";
  return joinAnd(texts);
}

function conditionsText(conditions: string[]): string {
  return conditions.length ? `, only when ${joinAnd(conditions)}` : "";
}

function principalsText(principals: string[] | undefined): string {
  return principals?.length ? ` for ${joinAnd(principals)}` : "";
}

function levelPhrase(level: LevelSummary, prefix: string): string {
  if (level.grant === "Full") return `all ${level.total} ${level.level} actions`;
  const names = level.actions.length <= LIST_LIMIT ? `: ${level.actions.map((a) => `${prefix}:${a}`).join(", ")}` : "";
  return `some ${level.level} actions (${level.actions.length} of ${level.total}${names})`;
}

function grantSentence(effect: "Allow" | "Deny", name: string, prefix: string, grant: StatementGrant, catalogue: ActionCatalogue): string {
  const where = `on ${resourcesText(grant.resources, grant.exceptResources)}${principalsText(grant.principals)}${conditionsText(grant.conditions)}`;
  const patterns = grant.patterns.join(", ");
  if (grant.fullAccess) {
    return `${verb(effect)} all ${name} actions (${patterns}) ${where}.`;
  }
  const only = grant.actions.length === 1 ? grant.actions[0] : undefined;
  if (only !== undefined) {
    const level = grant.levels[0]?.level;
    const activity = activityOf(catalogue.description?.(prefix, only));
    const tag = `${prefix}:${only}${level ? `, ${level}` : ""}`;
    const subject = activity ? `${activity} (${tag})` : `${prefix}:${only}${level ? ` (${level})` : ""}`;
    return `${verb(effect)} ${subject} ${where}.`;
  }
  const via = grant.notAction ? `every ${name} action except ${patterns}` : `${name} actions from ${patterns}`;
  return `${verb(effect)} ${via} ${where}: ${joinAnd(grant.levels.map((l) => levelPhrase(l, prefix)))}.`;
}

function everyServiceSentence(grant: EveryServiceGrant): string {
  const where = `on ${resourcesText(grant.resources, grant.exceptResources)}${principalsText(grant.principals)}${conditionsText(grant.conditions)}`;
  if (grant.notAction) {
    return `${verb(grant.effect)} every action in every AWS service except ${grant.patterns.join(", ")} ${where}.`;
  }
  if (grant.patterns.includes("*") || grant.patterns.includes("*:*")) {
    return `${verb(grant.effect)} every action in every AWS service (*) ${where}.`;
  }
  return `${verb(grant.effect)} actions matching ${grant.patterns.join(", ")} in every AWS service ${where}.`;
}

function sectionSentences(section: SummarySection, catalogue: ActionCatalogue): string[] {
  const out = section.everyService.map(everyServiceSentence);
  for (const service of section.services) {
    for (const grant of service.grants) out.push(grantSentence(section.effect, service.name, service.prefix, grant, catalogue));
  }
  return out;
}

export function summarySentences(summary: PolicySummary, catalogue: ActionCatalogue): string[] {
  const out = [...sectionSentences(summary.allow, catalogue), ...sectionSentences(summary.deny, catalogue)];
  for (const service of summary.uncategorized) {
    out.push(
      `IAM does not recognise the service "${service.prefix}" (${service.patterns.join(", ")}), so this ${
        service.effect === "Allow" ? "allows" : "denies"
      } nothing there; check the spelling.`,
    );
  }
  if (out.length === 0) out.push("This policy allows nothing: it has no statements that name an action.");
  for (const warning of summary.warnings) out.push(`Note: ${warning}`);
  return out;
}
