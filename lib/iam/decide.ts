// The documented decision logic ("How AWS enforcement code logic evaluates requests to allow or deny
// access", "Cross-account policy evaluation logic"): explicit deny anywhere, then RCP and SCP
// levels, then resource-based and identity-based policies with permissions boundaries and session
// policies, with the same-account rules that depend on how the resource policy names the caller.

import { guardrailOf, passRoleGuardrail, type Guardrail } from "./guardrails.ts";
import { accountOfArn, parseArn } from "./arn.ts";
import { buildContext, requestPrincipal, type RequestContext } from "./context.ts";
import { childPath, PolicyError } from "./errors.ts";
import { explain, type Facts, type Reason } from "./explain.ts";
import { makeCaller, type PrincipalMatch } from "./match/principal.ts";
import { compilePolicy, type CompiledPolicy } from "./policy/compile.ts";
import { readPolicyInput } from "./policy/input.ts";
import type { KnownActions, PolicyWarning } from "./policy/types.ts";
import { isAccountIdentity, isSessionPrincipal } from "./principal.ts";
import { statementApplies, type StatementRequest } from "./statement.ts";
import type {
  Decision,
  EvaluationInput,
  EvaluationResult,
  MatchedStatement,
  PolicyType,
  RequestInput,
  ResourcePolicyKind,
} from "./types.ts";

/** A policy in its place in a case: its type, compiled statements and their result records. */
export interface PolicySlot {
  type: PolicyType;
  policy: CompiledPolicy;
  /** One frozen MatchedStatement per statement, shared by every result that cites it. */
  matched: readonly MatchedStatement[];
}

export interface CaseWarning extends PolicyWarning {
  policyId: string;
}

/** A case whose policies are parsed and compiled once, ready to evaluate many requests. */
export interface CompiledCase {
  identity: PolicySlot[];
  boundary: PolicySlot | null;
  session: PolicySlot | null;
  resource: PolicySlot | null;
  scps: PolicySlot[][] | null;
  rcps: PolicySlot[][] | null;
  resourcePolicyKind?: ResourcePolicyKind;
  now?: string | number;
  warnings: CaseWarning[];
}

export type CaseInput = Omit<EvaluationInput, "request"> & { request?: RequestInput };

export interface CompileOptions {
  /** The actions that exist, for unknown-action warnings (see ParseOptions). */
  knownActions?: KnownActions;
}

function slot(type: PolicyType, policy: CompiledPolicy): PolicySlot {
  return {
    type,
    policy,
    matched: policy.statements.map(({ source }) => {
      const m: MatchedStatement = { policyType: type, policyId: policy.parsed.id, statementIndex: source.index, effect: source.effect };
      if (source.sid !== undefined) m.sid = source.sid;
      return Object.freeze(m);
    }),
  };
}

/** Parses and compiles every policy of a case (without its request). Throws PolicyError with JSON paths. */
export function compileCase(input: CaseInput, options: CompileOptions = {}): CompiledCase {
  const warnings: CaseWarning[] = [];
  const read = (value: Parameters<typeof readPolicyInput>[0], type: PolicyType, path: string, id: string) => {
    const parsed = readPolicyInput(value, type, path, id, options);
    for (const w of parsed.warnings) warnings.push({ ...w, policyId: parsed.id });
    return slot(type, compilePolicy(parsed));
  };
  const list = (value: unknown, path: string): unknown[] | undefined => {
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) throw new PolicyError("invalidType", "must be an array", path);
    return value;
  };
  const levels = (value: unknown, type: "scp" | "rcp", path: string) => {
    const outer = list(value, path);
    if (!outer) return null;
    return outer.map((level, i) =>
      (list(level, childPath(path, i)) ?? []).map((p, j) => read(p as never, type, childPath(path, i, j), `${type}[${i}][${j}]`)),
    );
  };
  const compiled: CompiledCase = {
    identity: (list(input.identityPolicies, "identityPolicies") ?? []).map((p, i) =>
      read(p as never, "identity", childPath("identityPolicies", i), `identity[${i}]`),
    ),
    boundary:
      input.permissionsBoundary === undefined
        ? null
        : read(input.permissionsBoundary, "permissionsBoundary", "permissionsBoundary", "permissionsBoundary"),
    session: input.sessionPolicy === undefined ? null : read(input.sessionPolicy, "session", "sessionPolicy", "sessionPolicy"),
    resource: input.resourcePolicy === undefined ? null : read(input.resourcePolicy, "resource", "resourcePolicy", "resourcePolicy"),
    scps: levels(input.scps, "scp", "scps"),
    rcps: levels(input.rcps, "rcp", "rcps"),
    warnings,
  };
  if (input.resourcePolicyKind !== undefined) {
    if (!["standard", "roleTrust", "kmsKey"].includes(input.resourcePolicyKind)) {
      throw new PolicyError("invalidRequest", `resourcePolicyKind must be "standard", "roleTrust" or "kmsKey"`, "resourcePolicyKind");
    }
    compiled.resourcePolicyKind = input.resourcePolicyKind;
  }
  if (input.now !== undefined) compiled.now = input.now;
  return compiled;
}

/** Scan of one policy type: the applying Allow and Deny statements and how the principal matched. */
export interface Scan {
  allows: MatchedStatement[];
  denies: MatchedStatement[];
  /** For resource-side policies: the strongest principal match among applying Allow statements. */
  best: PrincipalMatch;
}

const STRENGTH: Record<PrincipalMatch, number> = { none: 0, account: 1, issuer: 2, role: 3, direct: 4, wildcard: 5 };

/** Shared empty list: scans allocate a list only when a statement applies. Never pushed to. */
const NONE: MatchedStatement[] = [];

function scanInto(result: Scan, s: PolicySlot, request: StatementRequest, resourceSide: boolean): void {
  const statements = s.policy.statements;
  for (let i = 0; i < statements.length; i++) {
    const statement = statements[i]!;
    const match = statementApplies(statement, request, resourceSide);
    if (match === "none") continue;
    if (statement.isAllow) {
      if (result.allows === NONE) result.allows = [];
      result.allows.push(s.matched[i]!);
      if (STRENGTH[match] > STRENGTH[result.best]) result.best = match;
    } else {
      if (result.denies === NONE) result.denies = [];
      result.denies.push(s.matched[i]!);
    }
  }
}

function scan(slots: readonly PolicySlot[], request: StatementRequest, resourceSide: boolean): Scan {
  const result: Scan = { allows: NONE, denies: NONE, best: "none" };
  for (let i = 0; i < slots.length; i++) scanInto(result, slots[i]!, request, resourceSide);
  return result;
}

function scanOne(s: PolicySlot, request: StatementRequest, resourceSide: boolean): Scan {
  const result: Scan = { allows: NONE, denies: NONE, best: "none" };
  scanInto(result, s, request, resourceSide);
  return result;
}

function scanLevels(levels: PolicySlot[][], request: StatementRequest, resourceSide: boolean): Scan[] {
  const out: Scan[] = [];
  for (let i = 0; i < levels.length; i++) out.push(scan(levels[i]!, request, resourceSide));
  return out;
}

function pushAll(target: MatchedStatement[], source: readonly MatchedStatement[] | undefined): void {
  if (source) for (let i = 0; i < source.length; i++) target.push(source[i]!);
}

const TRUST_ACTIONS = new Set([
  "sts:assumerole",
  "sts:assumerolewithsaml",
  "sts:assumerolewithwebidentity",
  "sts:tagsession",
  "sts:setsourceidentity",
  "sts:setcontext",
]);

/** Role trust policies and KMS key policies follow their own rule; see docs/evaluator.md. */
export function detectResourcePolicyKind(lowerAction: string, resource: string): ResourcePolicyKind {
  if (!TRUST_ACTIONS.has(lowerAction) && !lowerAction.startsWith("kms:")) return "standard";
  const arn = parseArn(resource);
  if (TRUST_ACTIONS.has(lowerAction) && arn?.service === "iam" && arn.resourceType === "role") return "roleTrust";
  if (lowerAction.startsWith("kms:") && arn?.service === "kms" && arn.resourceType === "key") return "kmsKey";
  return "standard";
}

const ACTION_NAME = /^[A-Za-z0-9-]+:[A-Za-z0-9_-]+$/;

function checkRequest(request: RequestInput): void {
  if (typeof request !== "object" || request === null) throw new PolicyError("invalidRequest", "request must be an object", "request");
  if (typeof request.action !== "string" || !(request.action.indexOf(":") > 0) || !ACTION_NAME.test(request.action)) {
    throw new PolicyError(
      "invalidRequest",
      `action must look like "service:Action", not ${JSON.stringify(request.action)}`,
      "request.action",
    );
  }
  if (typeof request.resource !== "string" || request.resource === "") {
    throw new PolicyError("invalidRequest", 'resource must be a non-empty string (an ARN, or "*")', "request.resource");
  }
  if (
    request.context !== undefined &&
    (typeof request.context !== "object" || request.context === null || Array.isArray(request.context))
  ) {
    throw new PolicyError("invalidRequest", "context must be an object of key -> string or string[]", "request.context");
  }
}

function typeDecision(s: Scan | undefined): Decision {
  if (!s) return "implicitDeny";
  if (s.denies.length > 0) return "explicitDeny";
  return s.allows.length > 0 ? "allowed" : "implicitDeny";
}

/** Evaluates one request against a compiled case. */
export function evaluateParsed(compiled: CompiledCase, request: RequestInput): EvaluationResult {
  checkRequest(request);
  const principal = requestPrincipal(request);
  const lowerAction = request.action.toLowerCase();
  const resourceAccount = request.resourceAccount ?? accountOfArn(request.resource) ?? principal.account;
  // Every field is set here, so all Facts objects share one shape (evaluation is a hot path).
  const facts: Facts = {
    request,
    principal,
    compiled,
    kind: compiled.resourcePolicyKind ?? detectResourcePolicyKind(lowerAction, request.resource),
    resourceAccount,
    sameAccount: principal.account !== undefined && resourceAccount === principal.account,
    reason: "noAllow",
    failedLevel: undefined,
    ignored: [],
    identity: undefined,
    boundary: undefined,
    session: undefined,
    resource: undefined,
    scps: undefined,
    rcps: undefined,
    missing: undefined,
    decision: undefined,
    denies: undefined,
  };

  // The GetCallerIdentity API reference: no permissions are required, and even an explicit deny
  // does not stop it.
  if (lowerAction === "sts:getcalleridentity") {
    facts.reason = "noPermissionNeeded";
    return finish(facts, "allowed", [], []);
  }

  // AWS's own guardrails refuse before any policy is read, whoever asks.
  const guardrail =
    guardrailOf(lowerAction, request.action, request.resource) ??
    (lowerAction === "iam:passrole" ? passRoleGuardrail(principal.account, request.resource) : undefined);
  if (guardrail) {
    facts.reason = "awsGuardrail";
    facts.guardrail = guardrail;
    return finish(facts, "explicitDeny", [], []);
  }

  const context: RequestContext = buildContext(request, principal, compiled.now);
  const hasBoundary = request.hasPermissionsBoundary ?? compiled.boundary !== null;
  const caller = makeCaller(principal, request.sessionIssuer, hasBoundary);
  const statementRequest: StatementRequest = { lowerAction, resource: request.resource, caller, context };

  const kind = principal.kind;
  const inAccount = isAccountIdentity(kind);
  const identityApplies = inAccount && kind !== "root";
  const sessionApplies = isSessionPrincipal(kind);

  if (identityApplies) facts.identity = scan(compiled.identity, statementRequest, false);
  else if (compiled.identity.length > 0) facts.ignored.push("identity");
  if (compiled.boundary) {
    if (identityApplies) facts.boundary = scanOne(compiled.boundary, statementRequest, false);
    else facts.ignored.push("permissionsBoundary");
  }
  if (compiled.session) {
    if (sessionApplies) facts.session = scanOne(compiled.session, statementRequest, false);
    else facts.ignored.push("session");
  }
  if (compiled.resource) facts.resource = scanOne(compiled.resource, statementRequest, true);
  if (compiled.scps) {
    if (inAccount) facts.scps = scanLevels(compiled.scps, statementRequest, false);
    else facts.ignored.push("scp");
  }
  if (compiled.rcps) facts.rcps = scanLevels(compiled.rcps, statementRequest, true);
  facts.missing = context.missing ?? NONE_KEYS;

  // 1. An explicit deny in any policy that applies is final.
  let denies: MatchedStatement[] | undefined;
  for (const group of [facts.rcps, facts.scps]) {
    if (!group) continue;
    for (const s of group) if (s.denies.length > 0) pushAll((denies ??= []), s.denies);
  }
  for (const s of [facts.resource, facts.identity, facts.boundary, facts.session]) {
    if (s && s.denies.length > 0) pushAll((denies ??= []), s.denies);
  }
  if (denies) {
    facts.reason = "explicitDeny";
    return finish(facts, "explicitDeny", denies, denies);
  }

  const decisive: MatchedStatement[] = [];
  // 2. and 3. Every RCP level (resource's account) and SCP level (principal's account) must allow.
  if (facts.rcps && !levelsAllow(facts, facts.rcps, "rcpLevel", decisive)) return finish(facts, "implicitDeny", [], NONE);
  if (facts.scps && !levelsAllow(facts, facts.scps, "scpLevel", decisive)) return finish(facts, "implicitDeny", [], NONE);

  const resourceMatch = facts.resource?.best ?? "none";

  // Callers outside any account (anonymous, services, identity providers) have only the resource policy.
  if (!inAccount) {
    if (resourceMatch === "none") return finish(facts, "implicitDeny", [], NONE);
    facts.reason = "resourceOnly";
    pushAll(decisive, facts.resource!.allows);
    return finish(facts, "allowed", decisive, NONE);
  }

  const identityOk = kind === "root" || (facts.identity !== undefined && facts.identity.allows.length > 0);
  const boundaryOk = !facts.boundary || facts.boundary.allows.length > 0;
  // GetFederationToken: without a session policy the federated user session has no permissions.
  const sessionOk = facts.session ? facts.session.allows.length > 0 : kind !== "federated-user";
  const limitsOk = boundaryOk && sessionOk;
  const limitReason: Reason = !boundaryOk ? "boundary" : facts.session ? "session" : "federatedNoSession";

  if (!facts.sameAccount) {
    // Cross-account: the resource policy and the principal's own permissions must both allow.
    if (resourceMatch === "none") {
      facts.reason = "crossAccountNoResource";
      return finish(facts, "implicitDeny", [], NONE);
    }
    if (!identityOk || !limitsOk) {
      facts.reason = identityOk ? limitReason : "noAllow";
      return finish(facts, "implicitDeny", [], NONE);
    }
    facts.reason = "crossAccount";
    pushAll(decisive, facts.resource!.allows);
    return finish(facts, "allowed", withIdentitySide(decisive, facts, true), NONE);
  }

  const direct = resourceMatch === "direct" || resourceMatch === "wildcard";
  const throughEntity = resourceMatch === "role" || resourceMatch === "issuer";
  if (direct) {
    facts.reason = "resourceDirect";
    pushAll(decisive, facts.resource!.allows);
    return finish(facts, "allowed", decisive, NONE);
  }
  if (throughEntity && limitsOk) {
    facts.reason = resourceMatch === "role" ? "resourceRole" : "resourceIssuer";
    pushAll(decisive, facts.resource!.allows);
    return finish(facts, "allowed", withIdentitySide(decisive, facts, false), NONE);
  }
  if (facts.kind !== "standard") {
    // Trust and key policies must allow on their own; naming the account hands the decision to IAM policies.
    if (resourceMatch === "none") {
      facts.reason = "resourcePolicyRequired";
      return finish(facts, "implicitDeny", [], NONE);
    }
    if (resourceMatch === "account" && identityOk && limitsOk) {
      facts.reason = "resourceAccount";
      pushAll(decisive, facts.resource!.allows);
      return finish(facts, "allowed", withIdentitySide(decisive, facts, true), NONE);
    }
  } else if (identityOk && limitsOk) {
    facts.reason = kind === "root" ? "rootOwnAccount" : "identity";
    return finish(facts, "allowed", withIdentitySide(decisive, facts, true), NONE);
  }
  facts.reason = !identityOk && !throughEntity ? "noAllow" : limitReason;
  return finish(facts, "implicitDeny", [], NONE);
}

const NONE_KEYS: string[] = [];

/** Checks that every organization level allows; records the first level that does not. */
function levelsAllow(facts: Facts, levels: Scan[], reason: "rcpLevel" | "scpLevel", decisive: MatchedStatement[]): boolean {
  for (let i = 0; i < levels.length; i++) {
    const allows = levels[i]!.allows;
    if (allows.length === 0) {
      facts.reason = reason;
      facts.failedLevel = i;
      return false;
    }
    pushAll(decisive, allows);
  }
  return true;
}

/** Adds the identity-side allows (identity policies optional, then boundary and session policy). */
function withIdentitySide(decisive: MatchedStatement[], facts: Facts, includeIdentity: boolean): MatchedStatement[] {
  if (includeIdentity) pushAll(decisive, facts.identity?.allows);
  pushAll(decisive, facts.boundary?.allows);
  pushAll(decisive, facts.session?.allows);
  return decisive;
}

/**
 * The result object. `explanation` and `details` are getters that build their value on first read:
 * the words and the per-type breakdown cost more than the decision itself, and bulk callers (the
 * benchmark, property tests) rarely read them. `toJSON` includes both, so JSON output is complete;
 * copy with `toJSON()` rather than object spread, which skips getters.
 */
class Outcome implements EvaluationResult {
  #facts: Facts;
  #explanation: string[] | undefined;
  #details: EvaluationResult["details"] | undefined;
  constructor(
    readonly decision: Decision,
    readonly matchedStatements: MatchedStatement[],
    readonly missingContextValues: string[],
    facts: Facts,
  ) {
    this.#facts = facts;
  }

  get explanation(): string[] {
    return (this.#explanation ??= explain(this.#facts));
  }

  get details(): EvaluationResult["details"] {
    return (this.#details ??= describeTypes(this.#facts));
  }

  get guardrail(): Guardrail | undefined {
    return this.#facts.guardrail;
  }

  toJSON(): EvaluationResult {
    const out: EvaluationResult = {
      decision: this.decision,
      matchedStatements: this.matchedStatements,
      missingContextValues: this.missingContextValues,
      explanation: this.explanation,
      details: this.details,
    };
    if (this.#facts.guardrail) out.guardrail = this.#facts.guardrail;
    return out;
  }
}

function finish(facts: Facts, decision: Decision, matched: MatchedStatement[], denies: MatchedStatement[]): EvaluationResult {
  facts.decision = decision;
  facts.denies = denies;
  return new Outcome(decision, matched, facts.missing ?? NONE_KEYS, facts);
}

function describeTypes(facts: Facts): EvaluationResult["details"] {
  const details: EvaluationResult["details"] = {};
  if (facts.reason === "noPermissionNeeded" || facts.reason === "awsGuardrail") return details;
  const c = facts.compiled;
  const put = (type: PolicyType, s: Scan | undefined) => {
    details[type] = { decision: typeDecision(s), matchedStatements: s ? [...s.denies, ...s.allows] : [] };
  };
  if (c.identity.length > 0) put("identity", facts.identity);
  if (c.boundary) put("permissionsBoundary", facts.boundary);
  if (c.session) put("session", facts.session);
  if (c.resource) put("resource", facts.resource);
  for (const [type, levelScans, given] of [
    ["scp", facts.scps, c.scps],
    ["rcp", facts.rcps, c.rcps],
  ] as const) {
    if (!given) continue;
    const all = levelScans ?? [];
    const denied = all.some((s) => s.denies.length > 0);
    const everyAllows = levelScans !== undefined && all.every((s) => s.allows.length > 0);
    details[type] = {
      decision: denied ? "explicitDeny" : everyAllows ? "allowed" : "implicitDeny",
      matchedStatements: all.flatMap((s) => [...s.denies, ...s.allows]),
    };
  }
  return details;
}
