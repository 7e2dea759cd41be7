// The front of a card must show the world without giving the answer away: the accounts, principals
// and their policies, the resources with theirs, and each step as an action, never its outcome.

import { formatPolicy } from "./policy-text.ts";
import { describePolicyId, inlineRef, managedRef, orgRef, resourceRef, trustRef } from "./refs.ts";
import type { CallerSpec, PolicyDocument, ScenarioDocument, StepSpec } from "./schema.ts";
import type { StepNarrative } from "./types.ts";
import { roleArnOf } from "./world.ts";

const fence = (document: PolicyDocument) => `\`\`\`json\n${formatPolicy(document).text}\n\`\`\``;

function policyBlocks(ref: (name: string) => string, policies: Record<string, PolicyDocument> | undefined): string[] {
  return Object.entries(policies ?? {}).map(
    ([name, document]) => `*${describePolicyId(ref(name))}* (\`${ref(name)}\`):\n\n${fence(document)}`,
  );
}

export function setupMarkdown(document: ScenarioDocument): string {
  const parts: string[] = [];
  const org = document.organization;
  if (org) {
    parts.push("**Organization**");
    for (const type of ["scps", "rcps"] as const) {
      const kind = type === "scps" ? "scp" : "rcp";
      parts.push(...policyBlocks((n) => orgRef(kind, "root", n), org.root?.[type]));
      for (const unit of org.units ?? []) parts.push(...policyBlocks((n) => orgRef(kind, unit.name, n), unit[type]));
    }
  }
  for (const account of document.accounts) {
    parts.push(`**Account ${account.id}**${account.unit ? ` (in the OU ${account.unit})` : ""}`);
    for (const type of ["scps", "rcps"] as const)
      parts.push(...policyBlocks((n) => orgRef(type === "scps" ? "scp" : "rcp", account.id, n), account[type]));
    parts.push(...policyBlocks(managedRef, account.managedPolicies));
    for (const group of account.groups ?? []) {
      parts.push(
        `- Group **${group.name}**${group.managedPolicies?.length ? `, managed policies: ${group.managedPolicies.join(", ")}` : ""}`,
      );
      parts.push(...policyBlocks((n) => inlineRef("group", group.name, n), group.policies));
    }
    for (const user of account.users ?? []) {
      const facts = [
        user.groups?.length ? `groups: ${user.groups.join(", ")}` : "",
        user.managedPolicies?.length ? `managed policies: ${user.managedPolicies.join(", ")}` : "",
        user.boundary ? `permissions boundary: ${user.boundary}` : "",
        user.mfaDevices?.length ? `MFA device ${user.mfaDevices.map((d) => d.serialNumber).join(", ")}` : "",
      ].filter(Boolean);
      parts.push(`- User **${user.name}**${facts.length ? ` (${facts.join("; ")})` : ""}`);
      parts.push(...policyBlocks((n) => inlineRef("user", user.name, n), user.policies));
    }
    for (const role of account.roles ?? []) {
      const facts = [
        role.managedPolicies?.length ? `managed policies: ${role.managedPolicies.join(", ")}` : "",
        role.boundary ? `permissions boundary: ${role.boundary}` : "",
        role.maxSessionDuration !== undefined ? `maximum session duration ${role.maxSessionDuration} s` : "",
      ].filter(Boolean);
      parts.push(`- Role **${role.name}** (\`${roleArnOf(account.id, role)}\`)${facts.length ? `, ${facts.join("; ")}` : ""}`);
      parts.push(`*${describePolicyId(trustRef(role.name))}*:\n\n${fence(role.trustPolicy)}`);
      parts.push(...policyBlocks((n) => inlineRef("role", role.name, n), role.policies));
    }
    for (const instance of account.instances ?? []) {
      parts.push(
        `- Instance **${instance.id}**${instance.role ? ` with the role ${instance.role} attached (instance profile)` : " with no role"}`,
      );
    }
  }
  for (const resource of document.resources ?? []) {
    parts.push(`**Resource** \`${resource.arn}\`${resource.account ? ` (account ${resource.account})` : ""}`);
    if (resource.policy !== undefined) parts.push(`*${describePolicyId(resourceRef(resource.arn))}*:\n\n${fence(resource.policy)}`);
  }
  return parts.join("\n\n");
}

export function callerWords(as: CallerSpec): string {
  if (as.user !== undefined) return `the user ${as.user}`;
  if (as.role !== undefined) return `a session of the role ${as.role}`;
  if (as.root !== undefined) return `the root user of ${as.root}`;
  if (as.instance !== undefined) return `the instance ${as.instance}`;
  if (as.session !== undefined) return `a caller using the credentials returned in step ${as.session}`;
  if (as.service !== undefined) return `the service ${as.service}`;
  return "an anonymous caller";
}

/** Who makes an STS call: a caller, or for federated calls the identity provider's user. */
export function stsCallerWords(sts: NonNullable<StepSpec["sts"]>): string {
  if (sts.call === "AssumeRoleWithSAML")
    return `a user signed in through the SAML provider ${sts.PrincipalArn.replace(/^.*:saml-provider\//, "")}`;
  if (sts.call === "AssumeRoleWithWebIdentity") {
    const issuer = sts.ProviderId ?? sts.WebIdentityToken.iss?.replace(/^https?:\/\//, "") ?? "an identity provider";
    return `an application holding a web identity token from ${issuer}`;
  }
  return callerWords(sts.as);
}

function stepWords(step: StepSpec): string {
  if (step.request) {
    const context = step.request.context ? ` with context ${JSON.stringify(step.request.context)}` : "";
    return `${callerWords(step.request.as)} calls \`${step.request.action}\` on \`${step.request.resource}\`${context}`;
  }
  if (step.sts) {
    const { call, ...params } = step.sts;
    const shown = Object.entries(params)
      .filter(([k]) => k !== "as")
      .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`);
    return `${stsCallerWords(step.sts)} calls \`sts:${call}\`${shown.length ? ` (${shown.join(", ")})` : ""}`;
  }
  const change = step.change!;
  const { kind, ...rest } = change;
  return `change: ${kind} ${JSON.stringify(rest)}`;
}

export function stepNarratives(document: ScenarioDocument, idOf: (step: StepSpec, index: number) => string): StepNarrative[] {
  return document.steps.map((step, index) => ({
    id: idOf(step, index),
    text: step.label ? `${step.label} — ${stepWords(step)}` : stepWords(step),
  }));
}
