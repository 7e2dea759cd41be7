// An STS call made in a step: the simulation's answer (credentials, duration, the error AWS would
// return), the session later steps sign with, and the trace of the permission check behind the call
// (the role's trust policy for AssumeRole, the caller's policies for GetFederationToken...).

import { evaluate, type ContextValue, type EvaluationInput } from "../iam/index.ts";
import {
  assumeRole,
  assumeRoleWithSaml,
  assumeRoleWithWebIdentity,
  samlContextKeys,
  webIdentityProvider,
  type AccountModel,
  type SamlAssertion,
  type WebIdentityClaims,
  decodeAuthorizationMessage,
  getAccessKeyInfo,
  getCallerIdentity,
  getFederationToken,
  getSessionToken,
  type DecodedAuthorizationMessage,
  type RandomSource,
  type Session,
  type StsResult,
} from "../iam/sts/index.ts";
import { resolveCaller } from "./callers.ts";
import { evaluateRequest, plainResult, transportContext, type RequestOutcome } from "./requests.ts";
import { trustRef } from "./refs.ts";
import type { StsCallSpec } from "./schema.ts";
import { findAccountOf, toAccountModel, type World } from "./world.ts";

type SamlSpec = Extract<StsCallSpec, { call: "AssumeRoleWithSAML" }>;
type WebIdentitySpec = Extract<StsCallSpec, { call: "AssumeRoleWithWebIdentity" }>;

export interface StsOutcome {
  call: StsCallSpec["call"];
  ok: boolean;
  error?: { code: string; message: string };
  /** For calls that mint credentials. */
  credentials?: { accessKeyId: string; expiration: string; durationSeconds: number; kind: "temporary" };
  /** The identity requests signed with the new credentials are made as. */
  principalArn?: string;
  session?: Session;
  /** GetCallerIdentity / GetAccessKeyInfo answers. */
  identity?: { account: string; arn?: string; userId?: string };
  decoded?: DecodedAuthorizationMessage;
  explanation: string[];
  /** The authorization the call needed, evaluated with its full trace. */
  trace?: RequestOutcome;
}

export interface StsStepContext {
  world: World;
  sessions: ReadonlyMap<string, Session>;
  nowMs: number;
  random: RandomSource;
  /** Encoded messages of earlier denied requests, by step id. */
  encodedMessages: ReadonlyMap<string, string>;
}

const asText = (policy: unknown): string | undefined =>
  policy === undefined ? undefined : typeof policy === "string" ? policy : JSON.stringify(policy);

function sessionPolicyParams(spec: { Policy?: unknown; PolicyArns?: string[] | undefined }) {
  const params: { Policy?: string; PolicyArns?: { arn: string }[] } = {};
  const text = asText(spec.Policy);
  if (text !== undefined) params.Policy = text;
  if (spec.PolicyArns) params.PolicyArns = spec.PolicyArns.map((arn) => ({ arn }));
  return params;
}

function strip<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function failed(call: StsCallSpec["call"], result: StsResult<unknown> & { ok: false }, trace?: RequestOutcome): StsOutcome {
  const outcome: StsOutcome = {
    call,
    ok: false,
    error: { code: result.error.code, message: result.error.message },
    explanation: result.error.explanation ?? [result.error.message],
  };
  if (trace) outcome.trace = trace;
  return outcome;
}

function minted(call: StsCallSpec["call"], session: Session, explanation: string[], nowMs: number, trace?: RequestOutcome): StsOutcome {
  const outcome: StsOutcome = {
    call,
    ok: true,
    credentials: {
      accessKeyId: session.credentials.AccessKeyId,
      expiration: session.credentials.Expiration,
      durationSeconds: Math.round((session.expiresAtMs - nowMs) / 1000),
      kind: "temporary",
    },
    principalArn: session.principalArn,
    session,
    explanation,
  };
  if (trace) outcome.trace = trace;
  return outcome;
}

/** The role a federated call names, with its trust policy, as the world stands. */
function trustOf(world: World, roleArn: string) {
  const name = /^arn:aws:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(roleArn);
  if (!name) return undefined;
  return findAccountOf(world, "roles", name[2]!, name[1]);
}

/**
 * The trust policy's decision for a federated call, with its trace: the identity provider is the
 * principal, the assertion's or token's claims are the context (IAM User Guide, "Available keys for
 * SAML-based federation" and "... for AWS web identity federation").
 */
function federatedTrace(
  world: World,
  provider: string,
  action: string,
  roleArn: string,
  context: Record<string, ContextValue>,
  nowMs: number,
): RequestOutcome | undefined {
  const found = trustOf(world, roleArn);
  if (!found) return undefined;
  const input: EvaluationInput = {
    request: { principal: provider, action, resource: roleArn, context },
    resourcePolicy: { id: trustRef(found.entry.name), document: found.entry.trustPolicy },
    now: new Date(nowMs).toISOString(),
  };
  try {
    return { principal: provider, action, resource: roleArn, evaluation: plainResult(evaluate(input)), input, notes: [] };
  } catch {
    // A malformed trust policy is reported by the call itself (MalformedPolicyDocument).
    return undefined;
  }
}

function samlAssertionOf(spec: SamlSpec, nowMs: number): SamlAssertion {
  const { ExpiresInSeconds, SessionExpiresInSeconds, ...rest } = spec.SAMLAssertion;
  const assertion: SamlAssertion = strip({ ...rest });
  if (ExpiresInSeconds !== undefined) assertion.NotOnOrAfter = nowMs + ExpiresInSeconds * 1000;
  if (SessionExpiresInSeconds !== undefined) assertion.SessionNotOnOrAfter = nowMs + SessionExpiresInSeconds * 1000;
  return assertion;
}

function webIdentityClaimsOf(spec: WebIdentitySpec, nowMs: number): WebIdentityClaims {
  const { expiresInSeconds, principal_tags, transitive_tag_keys, source_identity, ...claims } = spec.WebIdentityToken;
  const out: WebIdentityClaims = strip({ ...claims, exp: Math.floor(nowMs / 1000) + (expiresInSeconds ?? 3600) });
  if (principal_tags || transitive_tag_keys) {
    out["https://aws.amazon.com/tags"] = strip({ principal_tags, transitive_tag_keys });
  }
  if (source_identity !== undefined) out["https://aws.amazon.com/source_identity"] = source_identity;
  return out;
}

function federatedCall(spec: SamlSpec | WebIdentitySpec, ctx: StsStepContext, model: AccountModel): StsOutcome {
  const { world, nowMs } = ctx;
  const env = { now: nowMs, random: ctx.random };
  if (spec.call === "AssumeRoleWithSAML") {
    const assertion = samlAssertionOf(spec, nowMs);
    const provider = /^arn:aws:iam::(\d{12}):saml-provider\/(.+)$/.exec(spec.PrincipalArn);
    const context = provider ? { ...samlContextKeys(assertion, { accountId: provider[1]!, name: provider[2]! }) } : {};
    const trace = provider ? federatedTrace(world, spec.PrincipalArn, "sts:AssumeRoleWithSAML", spec.RoleArn, context, nowMs) : undefined;
    const result = assumeRoleWithSaml(
      model,
      strip({
        RoleArn: spec.RoleArn,
        PrincipalArn: spec.PrincipalArn,
        SAMLAssertion: assertion,
        DurationSeconds: spec.DurationSeconds,
        ...sessionPolicyParams(spec),
      }),
      env,
    );
    return result.ok ? minted(spec.call, result.value.session, result.value.explanation, nowMs, trace) : failed(spec.call, result, trace);
  }
  const claims = webIdentityClaimsOf(spec, nowMs);
  const roleAccount = model.accounts.find((a) => a.id === /^arn:aws:iam::(\d{12}):/.exec(spec.RoleArn)?.[1]);
  const provider = roleAccount ? webIdentityProvider(claims, spec.ProviderId, roleAccount) : undefined;
  const trace =
    provider?.ok === true
      ? federatedTrace(
          world,
          provider.value.principal,
          "sts:AssumeRoleWithWebIdentity",
          spec.RoleArn,
          { ...provider.value.context, "sts:RoleSessionName": spec.RoleSessionName },
          nowMs,
        )
      : undefined;
  const result = assumeRoleWithWebIdentity(
    model,
    strip({
      RoleArn: spec.RoleArn,
      RoleSessionName: spec.RoleSessionName,
      WebIdentityToken: claims,
      ProviderId: spec.ProviderId,
      DurationSeconds: spec.DurationSeconds,
      ...sessionPolicyParams(spec),
    }),
    env,
  );
  return result.ok ? minted(spec.call, result.value.session, result.value.explanation, nowMs, trace) : failed(spec.call, result, trace);
}

export function runStsCall(spec: StsCallSpec, ctx: StsStepContext): StsOutcome {
  const { world, sessions, nowMs } = ctx;
  // Federated calls are not signed with AWS credentials: the assertion or token is the caller.
  if (spec.call === "AssumeRoleWithSAML" || spec.call === "AssumeRoleWithWebIdentity")
    return federatedCall(spec, ctx, toAccountModel(world));
  const resolved = resolveCaller(world, sessions, spec.as, nowMs);
  if (resolved.kind === "unavailable")
    return { call: spec.call, ok: false, error: { code: "NoCredentials", message: resolved.reason }, explanation: [resolved.reason] };
  if (resolved.kind === "direct") {
    const message = "Request is missing Authentication Token";
    return {
      call: spec.call,
      ok: false,
      error: { code: "MissingAuthenticationToken", message },
      explanation: [...resolved.notes, "STS calls must be signed."],
    };
  }
  const model = toAccountModel(world);
  // STS calls go over HTTPS (the scenario format has no plain-HTTP STS call).
  const env = { now: nowMs, random: ctx.random, requestContext: transportContext({}) };
  const caller = resolved.caller;

  switch (spec.call) {
    case "AssumeRole": {
      const params = strip({
        RoleArn: spec.RoleArn,
        RoleSessionName: spec.RoleSessionName,
        DurationSeconds: spec.DurationSeconds,
        ExternalId: spec.ExternalId,
        SourceIdentity: spec.SourceIdentity,
        Tags: spec.Tags,
        TransitiveTagKeys: spec.TransitiveTagKeys,
        SerialNumber: spec.SerialNumber,
        TokenCode: spec.TokenCode,
        ...sessionPolicyParams(spec),
      });
      const context: Record<string, ContextValue> = { "sts:RoleSessionName": spec.RoleSessionName };
      for (const tag of spec.Tags ?? []) context[`aws:RequestTag/${tag.Key}`] = tag.Value;
      if (spec.Tags?.length) context["aws:TagKeys"] = spec.Tags.map((t) => t.Key);
      if (spec.TransitiveTagKeys?.length) context["sts:TransitiveTagKeys"] = spec.TransitiveTagKeys;
      if (spec.ExternalId !== undefined) context["sts:ExternalId"] = spec.ExternalId;
      // MFA given in the call itself is in the trust check's context (STS API Reference, AssumeRole).
      if (spec.SerialNumber !== undefined && spec.TokenCode !== undefined) {
        context["aws:MultiFactorAuthPresent"] = "true";
        context["aws:MultiFactorAuthAge"] = "0";
      }
      const trace = evaluateRequest(world, sessions, spec.as, { action: "sts:AssumeRole", resource: spec.RoleArn, context }, nowMs);
      const result = assumeRole(model, caller, params, env);
      return result.ok ? minted(spec.call, result.value.session, result.value.explanation, nowMs, trace) : failed(spec.call, result, trace);
    }
    case "GetSessionToken": {
      const result = getSessionToken(
        model,
        caller,
        strip({ DurationSeconds: spec.DurationSeconds, SerialNumber: spec.SerialNumber, TokenCode: spec.TokenCode }),
        env,
      );
      return result.ok ? minted(spec.call, result.value.session, result.value.explanation, nowMs) : failed(spec.call, result);
    }
    case "GetFederationToken": {
      const params = strip({ Name: spec.Name, DurationSeconds: spec.DurationSeconds, ...sessionPolicyParams(spec) });
      const identity = getCallerIdentity(model, caller, { now: nowMs });
      const account = identity.ok ? identity.value.Account : "";
      const trace = evaluateRequest(
        world,
        sessions,
        spec.as,
        { action: "sts:GetFederationToken", resource: `arn:aws:sts::${account}:federated-user/${spec.Name}` },
        nowMs,
      );
      const result = getFederationToken(model, caller, params, env);
      return result.ok ? minted(spec.call, result.value.session, result.value.explanation, nowMs, trace) : failed(spec.call, result, trace);
    }
    case "GetCallerIdentity": {
      const result = getCallerIdentity(model, caller, { now: nowMs });
      if (!result.ok) return failed(spec.call, result);
      return {
        call: spec.call,
        ok: true,
        identity: { account: result.value.Account, arn: result.value.Arn, userId: result.value.UserId },
        explanation: ["GetCallerIdentity needs no permission; it reports who signed the request (STS API Reference, GetCallerIdentity)."],
      };
    }
    case "GetAccessKeyInfo": {
      const fromStep = spec.AccessKeyIdFrom === undefined ? undefined : sessions.get(String(spec.AccessKeyIdFrom))?.credentials.AccessKeyId;
      const result = getAccessKeyInfo(model, caller, { AccessKeyId: fromStep ?? spec.AccessKeyId ?? "" }, env);
      if (!result.ok) return failed(spec.call, result);
      return {
        call: spec.call,
        ok: true,
        identity: { account: result.value.Account },
        explanation: [`The access key belongs to account ${result.value.Account}.`],
      };
    }
    case "DecodeAuthorizationMessage": {
      const fromStep = spec.EncodedMessageFrom === undefined ? undefined : ctx.encodedMessages.get(String(spec.EncodedMessageFrom));
      const message = fromStep ?? spec.EncodedMessage;
      const trace = evaluateRequest(world, sessions, spec.as, { action: "sts:DecodeAuthorizationMessage", resource: "*" }, nowMs);
      if (message === undefined) {
        const why = `Step ${spec.EncodedMessageFrom} was not denied, so there is no encoded authorization message to decode.`;
        return { call: spec.call, ok: false, error: { code: "NoEncodedMessage", message: why }, explanation: [why], trace };
      }
      const result = decodeAuthorizationMessage(model, caller, { EncodedMessage: message }, { now: nowMs });
      if (!result.ok) return failed(spec.call, result, trace);
      return {
        call: spec.call,
        ok: true,
        decoded: result.value.decoded,
        explanation: [
          "The caller is allowed sts:DecodeAuthorizationMessage, so STS decodes the message (STS API Reference, DecodeAuthorizationMessage).",
          ...(result.value.decoded.explanation ?? []),
        ],
        trace,
      };
    }
  }
}
