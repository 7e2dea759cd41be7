// "Which STS call / what duration / which credential?": answered from the STS simulation's result
// for the step: whether the call succeeds (and AWS's error code when not), how long the credentials
// last, which identity they stand for, and what a decoded authorization message says.

import type { STS_ASKS } from "../schema.ts";
import { stsCallerWords } from "../narrative.ts";
import { decidingStatements } from "../statements.ts";
import type { StsOutcome } from "../sts-steps.ts";
import type { AnswerValue, ScenarioQuestion } from "../types.ts";
import { durationText, makeOptions, pickOptions, stepOf, verdictFor, type QuestionContext } from "./common.ts";

type Ask = (typeof STS_ASKS)[number];

const ERROR_CODES = ["AccessDenied", "ValidationError", "ExpiredToken"];
const DURATIONS = [900, 3600, 7200, 43200, 129600];

function value(ask: Ask, sts: StsOutcome): Extract<AnswerValue, { kind: "sts" }> {
  const out: Extract<AnswerValue, { kind: "sts" }> = { kind: "sts", ask, call: sts.call, ok: sts.ok };
  if (sts.error) out.errorCode = sts.error.code;
  if (sts.credentials) {
    out.durationSeconds = sts.credentials.durationSeconds;
    out.expiration = sts.credentials.expiration;
    out.accessKeyId = sts.credentials.accessKeyId;
  }
  if (sts.principalArn) out.principalArn = sts.principalArn;
  if (sts.identity?.arn !== undefined && sts.identity.userId !== undefined) {
    out.identity = { account: sts.identity.account, arn: sts.identity.arn, userId: sts.identity.userId };
  }
  if (sts.decoded) {
    out.decoded = {
      allowed: sts.decoded.allowed,
      explicitDeny: sts.decoded.explicitDeny,
      statements: sts.decoded.matchedStatements.items.map((s) => ({ sid: s.statementId, effect: s.effect, policyId: s.policyId })),
    };
  }
  return out;
}

const failure = (sts: StsOutcome) => `The call fails: ${sts.error?.code} (${sts.error?.message})`;

function decodedText(sts: StsOutcome): string {
  const d = sts.decoded;
  if (!d) return failure(sts);
  if (d.allowed) return "The decoded message says the request was allowed";
  const denies = d.matchedStatements.items.filter((s) => s.effect === "DENY");
  if (d.explicitDeny)
    return `Explicit deny by ${denies.map((s) => `statement "${s.statementId || "(no Sid)"}" of ${s.policyId}`).join(", ")}`;
  return "Implicit deny: no statement allowed the request";
}

const identityText = (account: string, arn: string, userId: string) => `Account \`${account}\`, Arn \`${arn}\`, UserId \`${userId}\``;

/**
 * Wrong answers a learner plausibly gives: the role's ARN instead of the session's, the role id
 * without the session name, the user id of the long-term identity behind a session.
 */
function identityDistractors(account: string, arn: string, userId: string): string[] {
  const out: string[] = [];
  const session = /^arn:aws:sts::(\d{12}):assumed-role\/([^/]+)\/(.+)$/.exec(arn);
  const roleId = userId.split(":")[0] ?? userId;
  if (session) {
    out.push(identityText(account, `arn:aws:iam::${session[1]}:role/${session[2]}`, userId));
    out.push(identityText(account, arn, roleId));
    out.push(identityText(account, `arn:aws:iam::${session[1]}:role/${session[2]}`, roleId));
  } else {
    out.push(identityText(account, arn, `${account}:${arn.split("/").pop() ?? ""}`));
    out.push(identityText(account, `arn:aws:iam::${account}:root`, account));
  }
  return out;
}

function options(ask: Ask, sts: StsOutcome, callerArn: string, ctx: QuestionContext): { text: string; correct: boolean }[] {
  switch (ask) {
    case "identity": {
      const id = sts.identity;
      if (!id?.arn || !id.userId) return [{ text: failure(sts), correct: true }];
      const actual = identityText(id.account, id.arn, id.userId);
      return [actual, ...identityDistractors(id.account, id.arn, id.userId)].map((text) => ({ text, correct: text === actual }));
    }
    case "outcome": {
      const actual = sts.ok ? "The call succeeds" : `The call fails with ${sts.error?.code}`;
      const all = ["The call succeeds", ...ERROR_CODES.map((c) => `The call fails with ${c}`), actual];
      return all.map((text) => ({ text, correct: text === actual }));
    }
    case "duration": {
      const actual = sts.credentials ? durationText(sts.credentials.durationSeconds) : `The call fails with ${sts.error?.code}`;
      const texts = [...DURATIONS.map(durationText), "The call fails with ValidationError", actual];
      return pickOptions(
        texts.map((text) => ({ text, correct: text === actual })),
        5,
        ctx.random,
      );
    }
    case "credential": {
      const arn = sts.principalArn;
      const actual = arn ? `Temporary credentials (an \`ASIA…\` key id) for \`${arn}\`` : `The call fails with ${sts.error?.code}`;
      const texts = [
        actual,
        `Long-term credentials (an \`AKIA…\` key id) for \`${callerArn}\``,
        `Temporary credentials (an \`ASIA…\` key id) for \`${callerArn}\``,
      ];
      const role = /^arn:aws:sts::(\d{12}):assumed-role\/([^/]+)\//.exec(arn ?? "");
      if (role) texts.push(`Temporary credentials (an \`ASIA…\` key id) for \`arn:aws:iam::${role[1]}:role/${role[2]}\``);
      return texts.map((text) => ({ text, correct: text === actual }));
    }
    case "decoded": {
      const actual = decodedText(sts);
      const texts = [
        actual,
        "Implicit deny: no statement allowed the request",
        "The decoded message says the request was allowed",
        "The call fails: AccessDenied",
      ];
      for (const s of sts.decoded?.matchedStatements.items ?? [])
        texts.push(`Explicit deny by statement "${s.statementId || "(no Sid)"}" of ${s.policyId}`);
      return texts.map((text) => ({
        text,
        correct: text === actual || (text === "The call fails: AccessDenied" && sts.error?.code === "AccessDenied"),
      }));
    }
  }
}

function answerText(ask: Ask, sts: StsOutcome): string {
  if (!sts.ok && ask !== "decoded") return failure(sts);
  switch (ask) {
    case "identity":
      return sts.identity?.arn && sts.identity.userId
        ? identityText(sts.identity.account, sts.identity.arn, sts.identity.userId)
        : failure(sts);
    case "outcome":
      return `The call succeeds${sts.principalArn ? `: credentials for \`${sts.principalArn}\`` : ""}`;
    case "duration":
      return `${durationText(sts.credentials?.durationSeconds ?? 0)}, until ${sts.credentials?.expiration}`;
    case "credential":
      return `Temporary credentials: key id \`${sts.credentials?.accessKeyId}\`, a secret key and a session token, for \`${sts.principalArn}\`, expiring ${sts.credentials?.expiration}`;
    case "decoded":
      return decodedText(sts);
  }
}

export function answerSts(
  index: number,
  spec: { step: string | number; ask: Ask; prompt?: string | undefined },
  ctx: QuestionContext,
): ScenarioQuestion {
  const id = String(spec.step);
  const step = stepOf(ctx.run, id, "sts");
  const sts = step.sts;
  const callerArn = sts.trace?.principal ?? "the caller";
  const questionWords: Record<Ask, string> = {
    outcome: "What happens?",
    duration: "How long are the credentials valid?",
    credential: "What credentials come back, and whose are they?",
    decoded: "What does the decoded authorization message say?",
    identity: "What does GetCallerIdentity return?",
  };
  const texts = options(spec.ask, sts, callerArn, ctx);
  const unique = texts.filter((t, i) => texts.findIndex((u) => u.text === t.text) === i);
  const verdict = sts.trace ? verdictFor(sts.trace) : undefined;
  return {
    index,
    kind: "sts",
    prompt:
      spec.prompt ??
      `${step.label ?? `In step ${id}, ${stsCallerWords(step.spec.sts!)} calls sts:${sts.call}`}. ${questionWords[spec.ask]}`,
    options: makeOptions(unique),
    answer: { text: answerText(spec.ask, sts), value: value(spec.ask, sts) },
    decidingStatements: sts.trace && verdict ? decidingStatements(verdict.statements, sts.trace.input) : [],
    explanation: sts.explanation,
    steps: [id],
  };
}
