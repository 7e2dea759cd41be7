// Encoded authorization messages, DecodeAuthorizationMessage, dry runs, and the pieces they rest on.

import { describe, expect, it } from "vitest";
import {
  assumeRole,
  decodeAuthorizationMessage,
  dryRun,
  getFederationToken,
  seededRandom,
  simulateRequest,
  type AccountModel,
  type Caller,
} from "../../lib/iam/sts/index.ts";
import { encodeAuthorizationMessage, decodeAuthorizationMessage as decodeRaw } from "../../lib/iam/sts/authorization-message.ts";
import { sha1 } from "../../lib/iam/sts/sha1.ts";
import { decodeBase64, encodeBase64 } from "../../lib/iam/sts/base64.ts";

const API = "https://docs.aws.amazon.com/STS/latest/APIReference";
const DOC = {
  decode: `DecodeAuthorizationMessage (AWS STS API Reference) — ${API}/API_DecodeAuthorizationMessage.html`,
  decodeExample: "AWS CLI example, aws sts decode-authorization-message — awscli/examples/sts/decode-authorization-message.rst",
  dryRun:
    "Amazon EC2 API Reference, Common parameters: DryRun (DryRunOperation / UnauthorizedOperation) — https://docs.aws.amazon.com/AWSEC2/latest/APIReference/CommonParameters.html",
  denyAllow:
    "How AWS enforcement code logic evaluates requests to allow or deny access — https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html",
  samlResponse: `AssumeRoleWithSAML response, NameQualifier = BASE64(SHA1(...)) — ${API}/API_AssumeRoleWithSAML.html`,
};

const A = "111122223333";
const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);
const env = { now: NOW, random: seededRandom(11) };
const INSTANCE = `arn:aws:ec2:us-east-1:${A}:instance/*`;

const model: AccountModel = {
  accounts: [
    {
      id: A,
      users: [
        {
          name: "dev",
          inlinePolicies: [
            {
              Version: "2012-10-17",
              Statement: [
                {
                  Sid: "RunSmall",
                  Effect: "Allow",
                  Action: "ec2:RunInstances",
                  Resource: "*",
                  Condition: { StringEquals: { "ec2:InstanceType": "t3.micro" } },
                },
                { Sid: "NoTerminate", Effect: "Deny", Action: "ec2:TerminateInstances", Resource: "*" },
                { Effect: "Allow", Action: "ec2:TerminateInstances", Resource: "*" },
              ],
            },
          ],
        },
        {
          name: "admin",
          inlinePolicies: [
            {
              Version: "2012-10-17",
              Statement: [{ Effect: "Allow", Action: ["sts:DecodeAuthorizationMessage", "sts:GetFederationToken"], Resource: "*" }],
            },
          ],
        },
      ],
      roles: [
        {
          name: "Locked",
          trustPolicy: {
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: "sts:AssumeRole" }],
          },
        },
      ],
    },
  ],
};
const dev: Caller = { kind: "user", accountId: A, userName: "dev" };
const admin: Caller = { kind: "user", accountId: A, userName: "admin" };

function encodedFor(caller: Caller, action: string, context?: Record<string, string>): string {
  const result = dryRun(model, caller, { action, resource: INSTANCE, ...(context ? { context } : {}) }, env);
  if (result.ok || !result.error.encodedMessage) throw new Error("expected an UnauthorizedOperation with an encoded message");
  return result.error.encodedMessage;
}

describe(`Dry runs (${DOC.dryRun})`, () => {
  const cases: { name: string; action: string; context?: Record<string, string>; code: string }[] = [
    { name: "allowed: DryRunOperation", action: "ec2:RunInstances", context: { "ec2:InstanceType": "t3.micro" }, code: "DryRunOperation" },
    {
      name: "condition not met: UnauthorizedOperation",
      action: "ec2:RunInstances",
      context: { "ec2:InstanceType": "m5.24xlarge" },
      code: "UnauthorizedOperation",
    },
    { name: "explicit deny: UnauthorizedOperation", action: "ec2:TerminateInstances", code: "UnauthorizedOperation" },
    { name: "no statement at all: UnauthorizedOperation", action: "ec2:StopInstances", code: "UnauthorizedOperation" },
  ];
  it.each(cases)("$name", ({ action, context, code }) => {
    const result = dryRun(model, dev, { action, resource: INSTANCE, ...(context ? { context } : {}) }, env);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    if (code === "DryRunOperation") expect(result.error.message).toBe("Request would have succeeded, but DryRun flag is set.");
    else
      expect(result.error.message).toBe(
        `You are not authorized to perform this operation. Encoded authorization failure message: ${result.error.encodedMessage}`,
      );
  });

  it("a denied ordinary request names the principal, action, resource and why", () => {
    const result = simulateRequest(model, dev, { action: "ec2:TerminateInstances", resource: INSTANCE }, env);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("AccessDenied");
    expect(result.error.message).toBe(
      `User: arn:aws:iam::${A}:user/dev is not authorized to perform: ec2:TerminateInstances on resource: ${INSTANCE} with an explicit deny in an identity-based policy`,
    );
    expect(result.error.explanation?.length).toBeGreaterThan(0);
  });
});

describe(`Encoded authorization messages (${DOC.decode})`, () => {
  it("look opaque, are deterministic, and change with the denial", () => {
    const first = encodedFor(dev, "ec2:TerminateInstances");
    const again = encodedFor(dev, "ec2:TerminateInstances");
    const other = encodedFor(dev, "ec2:StopInstances");
    expect(first).toBe(again);
    expect(first).not.toBe(other);
    expect(first).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(first).not.toContain("TerminateInstances");
    expect(first.length).toBeLessThanOrEqual(10240);
  });

  it("decode only through the simulator, and a tampered message is rejected", () => {
    const encoded = encodedFor(dev, "ec2:TerminateInstances");
    expect(decodeRaw(encoded)?.explicitDeny).toBe(true);
    const flipped = encoded.slice(0, 20) + (encoded[20] === "A" ? "B" : "A") + encoded.slice(21);
    expect(decodeRaw(flipped)).toBeUndefined();
    expect(decodeRaw("not a message")).toBeUndefined();
    const message = {
      allowed: false,
      explicitDeny: false,
      matchedStatements: { items: [] },
      failures: { items: [] },
      context: { principal: { id: "x", arn: "y" }, action: "a", resource: "r", conditions: { items: [] } },
    };
    expect(decodeRaw(encodeAuthorizationMessage(message))).toEqual(message);
  });
});

describe(`DecodeAuthorizationMessage (${DOC.decode}; ${DOC.decodeExample})`, () => {
  it("needs sts:DecodeAuthorizationMessage", () => {
    const result = decodeAuthorizationMessage(model, dev, { EncodedMessage: encodedFor(dev, "ec2:TerminateInstances") }, env);
    expect(result.ok ? undefined : result.error.code).toBe("AccessDenied");
    if (!result.ok) expect(result.error.message).toContain("sts:DecodeAuthorizationMessage");
  });

  it("shows an explicit deny with the statement that decided it and the request context", () => {
    const result = decodeAuthorizationMessage(model, admin, { EncodedMessage: encodedFor(dev, "ec2:TerminateInstances") }, env);
    if (!result.ok) throw new Error(result.error.message);
    const decoded = JSON.parse(result.value.DecodedMessage);
    expect(decoded).toEqual(result.value.decoded);
    expect(decoded.allowed).toBe(false);
    expect(decoded.explicitDeny).toBe(true);
    expect(decoded.matchedStatements.items).toHaveLength(1);
    expect(decoded.matchedStatements.items[0]).toMatchObject({
      statementId: "NoTerminate",
      effect: "DENY",
      actions: { items: [{ value: "ec2:TerminateInstances" }] },
      resources: { items: [{ value: "*" }] },
    });
    expect(decoded.context.principal.arn).toBe(`arn:aws:iam::${A}:user/dev`);
    expect(decoded.context.principal.id).toMatch(/^AIDA/);
    expect(decoded.context.action).toBe("TerminateInstances");
    expect(decoded.context.resource).toBe(INSTANCE);
    const keys = decoded.context.conditions.items.map((i: { key: string }) => i.key);
    expect(keys).toEqual(expect.arrayContaining(["aws:Service", "aws:PrincipalArn", "aws:username"]));
  });

  it("shows an implicit deny with the request's condition values", () => {
    const encoded = encodedFor(dev, "ec2:RunInstances", { "ec2:InstanceType": "m5.24xlarge" });
    const result = decodeAuthorizationMessage(model, admin, { EncodedMessage: encoded }, env);
    if (!result.ok) throw new Error(result.error.message);
    const decoded = result.value.decoded;
    expect(decoded.allowed).toBe(false);
    expect(decoded.explicitDeny).toBe(false);
    expect(decoded.context.conditions.items).toContainEqual({ key: "ec2:InstanceType", values: { items: [{ value: "m5.24xlarge" }] } });
  });

  const invalid: { name: string; message: string; code: string }[] = [
    { name: "not a message", message: "hello-world", code: "InvalidAuthorizationMessageException" },
    { name: "empty", message: "", code: "ValidationError" },
    { name: "longer than 10,240 characters", message: "A".repeat(10241), code: "ValidationError" },
  ];
  it.each(invalid)("rejects a message that is $name", ({ message, code }) => {
    const result = decodeAuthorizationMessage(model, admin, { EncodedMessage: message }, env);
    expect(result.ok ? undefined : result.error.code).toBe(code);
  });

  it("federated users cannot call it, whatever their session policy says", () => {
    const federation = getFederationToken(
      model,
      admin,
      { Name: "Ops", Policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] }) },
      env,
    );
    if (!federation.ok) throw new Error(federation.error.message);
    const result = decodeAuthorizationMessage(
      model,
      { kind: "session", session: federation.value.session },
      { EncodedMessage: encodedFor(dev, "ec2:StopInstances") },
      env,
    );
    expect(result.ok ? undefined : result.error.code).toBe("AccessDenied");
  });

  it("an AssumeRole refusal also carries a decodable message", () => {
    const refused = assumeRole(model, dev, { RoleArn: `arn:aws:iam::${A}:role/Locked`, RoleSessionName: "s1" }, env);
    if (refused.ok || !refused.error.encodedMessage) throw new Error("expected a denial with an encoded message");
    const decoded = decodeAuthorizationMessage(model, admin, { EncodedMessage: refused.error.encodedMessage }, env);
    if (!decoded.ok) throw new Error(decoded.error.message);
    expect(decoded.value.decoded.context.action).toBe("AssumeRole");
    expect(decoded.value.decoded.context.resource).toBe(`arn:aws:iam::${A}:role/Locked`);
    // The trust policy's Allow applied (it names the account); no identity policy did.
    expect(decoded.value.decoded.matchedStatements.items.map((s) => s.policyType)).toEqual(["resource"]);
  });
});

describe(`SHA-1 and base64 for the SAML NameQualifier (${DOC.samlResponse})`, () => {
  const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  // Test vectors from FIPS 180-4 / RFC 3174.
  const vectors: [string, string][] = [
    ["", "da39a3ee5e6b4b0d3255bfef95601890afd80709"],
    ["abc", "a9993e364706816aba3e25717850c26c9cd0d89d"],
    ["abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "84983e441c3bd26ebaae4aa1f95129e5e54670f1"],
    ["a".repeat(1000), "291e9a6c66994949b57ba5e650361e98fc36b1ba"],
  ];
  it.each(vectors)("sha1(%j)", (text, digest) => {
    expect(hex(sha1(text))).toBe(digest);
  });

  it("base64 round-trips and pads as RFC 4648 says", () => {
    for (const text of ["", "f", "fo", "foo", "foob", "fooba", "foobar"]) {
      const bytes = new TextEncoder().encode(text);
      const standard = encodeBase64(bytes);
      expect(standard).toBe(btoa(text));
      expect(new TextDecoder().decode(decodeBase64(standard))).toBe(text);
      expect(new TextDecoder().decode(decodeBase64(encodeBase64(bytes, true), true))).toBe(text);
    }
  });
});
