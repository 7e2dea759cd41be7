// The playground's state as a scenario document (docs/scenarios.md, lib/scenarios/schema.ts): the caller
// becomes a user or role in its account, the policies are attached where their kind says, the
// request is the one step, and the questions ask whether it is allowed and which policy decides.
// The scenario engine computes the answers again from this document, never from the playground's.

import { describePrincipal, parseArn } from "../iam/index.ts";
import type { CallerSpec, ScenarioDocument } from "../scenarios/index.ts";
import { contextOf, policyNames } from "./evaluate-state.ts";
import type { PlaygroundState, PolicyKind } from "./types.ts";

export type BuiltScenario = { ok: true; scenario: ScenarioDocument; notes: string[] } | { ok: false; problem: string };

type Account = ScenarioDocument["accounts"][number];
type PolicyMap = Record<string, Record<string, unknown>>;

const STEP = "request";
const SESSION_STEP = "assume";

/** IAM policy names allow letters, digits and +=,.@_-; anything else becomes "-". */
function iamName(name: string): string {
  return name.replace(/[^\w+=,.@-]+/g, "-").replace(/^-+|-+$/g, "") || "policy";
}

function bucketOf(resource: string): string {
  const s3 = /^(arn:aws[\w-]*:s3:::[^/]+)/.exec(resource);
  return s3 ? s3[1]! : resource;
}

export function buildScenario(state: PlaygroundState): BuiltScenario {
  const names = policyNames(state.policies);
  const documents: { kind: PolicyKind; name: string; document: Record<string, unknown> }[] = [];
  for (const [i, p] of state.policies.entries()) {
    try {
      const value: unknown = JSON.parse(p.text);
      if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error();
      documents.push({ kind: p.kind, name: iamName(names[i]!), document: value as Record<string, unknown> });
    } catch {
      return { ok: false, problem: `Fix ${names[i]} first: it is not a JSON object.` };
    }
  }
  const of = (kind: PolicyKind): PolicyMap => Object.fromEntries(documents.filter((d) => d.kind === kind).map((d) => [d.name, d.document]));
  const [boundary] = documents.filter((d) => d.kind === "boundary");
  const [session] = documents.filter((d) => d.kind === "session");
  const [resourcePolicy] = documents.filter((d) => d.kind === "resource");
  const identity = of("identity");
  const scps = of("scp");
  const notes: string[] = [];

  const { principal, action, resource, resourceAccount } = state.request;
  const who = describePrincipal(principal.trim());
  if (!who)
    return {
      ok: false,
      problem: "The principal is not one a scenario can name: use an IAM user, role or role session ARN, root, a service or anonymous.",
    };
  const accountId = who.account ?? (resourceAccount.trim() || parseArn(resource.trim())?.account || "111122223333");
  const account: Account = { id: accountId };
  if (boundary) account.managedPolicies = { [boundary.name]: boundary.document };
  if (Object.keys(scps).length > 0) account.scps = scps;

  let as: CallerSpec;
  const steps: ScenarioDocument["steps"] = [];
  switch (who.kind) {
    case "user":
      account.users = [
        {
          name: who.name!,
          ...(who.path && who.path !== "/" ? { path: who.path } : {}),
          policies: identity,
          ...(boundary ? { boundary: boundary.name } : {}),
        },
      ];
      as = { user: who.name! };
      if (session) notes.push("The session policy is left out: an IAM user's own requests carry none.");
      break;
    case "role":
    case "assumed-role": {
      const roleName = who.kind === "role" ? who.name! : who.roleName!;
      const sessionName = who.sessionName ?? "playground";
      account.roles = [
        {
          name: roleName,
          ...(who.path && who.path !== "/" ? { path: who.path } : {}),
          // Trusting the account lets the scenario's own helper user assume the role for a session policy.
          trustPolicy: {
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${accountId}:root` }, Action: "sts:AssumeRole" }],
          },
          policies: identity,
          ...(boundary ? { boundary: boundary.name } : {}),
        },
      ];
      if (session) {
        // Session policies are passed to STS: a helper user assumes the role with it, and the
        // request is signed with that session.
        const helper = "playground-operator";
        account.users = [
          {
            name: helper,
            policies: {
              AssumeRole: {
                Version: "2012-10-17",
                Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Resource: `arn:aws:iam::${accountId}:role/${roleName}` }],
              },
            },
          },
        ];
        steps.push({
          id: SESSION_STEP,
          label: `${helper} assumes ${roleName} with the session policy`,
          sts: {
            call: "AssumeRole",
            as: { user: helper },
            RoleArn: `arn:aws:iam::${accountId}:role/${roleName}`,
            RoleSessionName: sessionName,
            Policy: session.document,
          },
        });
        as = { session: SESSION_STEP };
      } else {
        as = { role: roleName, sessionName };
      }
      break;
    }
    case "root":
      as = { root: accountId };
      if (Object.keys(identity).length > 0) notes.push("The identity policies are left out: nothing can be attached to the root user.");
      break;
    case "service":
      as = { service: who.name! };
      break;
    case "anonymous":
      as = { anonymous: true };
      break;
    default:
      return {
        ok: false,
        problem: "Scenario cards from the playground support IAM users, roles and role sessions, root, services and anonymous callers.",
      };
  }
  if ((who.kind === "service" || who.kind === "anonymous") && Object.keys(identity).length > 0) {
    notes.push("The identity policies are left out: they belong to no one in this request.");
  }

  const context = contextOf(state.request.context);
  const request = {
    as,
    action: action.trim(),
    resource: resource.trim(),
    ...(resourceAccount.trim() ? { resourceAccount: resourceAccount.trim() } : {}),
    ...(Object.keys(context).length > 0 ? { context } : {}),
  };
  steps.push({ id: STEP, label: `${request.action} on ${request.resource}`, request });

  const scenario: ScenarioDocument = {
    title: `Playground: ${request.action} on ${request.resource}`,
    deck: ["Scenarios", "Playground"],
    description: `Made in the policy playground: ${who.source} asks for ${request.action} on ${request.resource}.`,
    source: "IAM Recall policy playground",
    accounts: [account],
    steps,
    questions: [
      { kind: "allowed", step: STEP },
      { kind: "decidingPolicy", step: STEP },
    ],
  };
  if (account.scps) scenario.organization = {};
  if (resourcePolicy) {
    const owner = resourceAccount.trim() || parseArn(resource.trim())?.account || accountId;
    scenario.resources = [{ arn: bucketOf(resource.trim()), account: owner, policy: resourcePolicy.document }];
  }
  return { ok: true, scenario, notes };
}
