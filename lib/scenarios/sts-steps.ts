// An STS call made in a step: the simulation's answer (credentials, duration, the error AWS would
// return), the session later steps sign with, and the trace of the permission check behind the call
// (the role's trust policy for AssumeRole, the caller's policies for GetFederationToken...).

import type { ContextValue } from "../iam/index.ts";
import {
  assumeRole,
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
import { evaluateRequest, type RequestOutcome } from "./requests.ts";
import type { StsCallSpec } from "./schema.ts";
import { toAccountModel, type World } from "./world.ts";

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

export function runStsCall(spec: StsCallSpec, ctx: StsStepContext): StsOutcome {
  const { world, sessions, nowMs } = ctx;
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
  const env = { now: nowMs, random: ctx.random };
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
        SerialNumber: spec.SerialNumber,
        TokenCode: spec.TokenCode,
        ...sessionPolicyParams(spec),
      });
      const context: Record<string, ContextValue> = { "sts:RoleSessionName": spec.RoleSessionName };
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
