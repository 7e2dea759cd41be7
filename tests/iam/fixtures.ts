// Principals, resources and small policy builders shared by the table-driven tests.

export const A = "111122223333";
export const B = "444455556666";
export const USER = `arn:aws:iam::${A}:user/alice`;
export const ROLE = `arn:aws:iam::${A}:role/app`;
export const SESSION = `arn:aws:sts::${A}:assumed-role/app/build-42`;
export const FEDERATED = `arn:aws:sts::${A}:federated-user/bob`;
export const ROOT = `arn:aws:iam::${A}:root`;
export const OTHER_USER = `arn:aws:iam::${B}:user/carol`;
export const OTHER_SESSION = `arn:aws:sts::${B}:assumed-role/auditor/audit-1`;
export const OBJECT = "arn:aws:s3:::bucket/reports/q1.csv";

type Json = Record<string, unknown>;

export function policy(...statements: Json[]): Json {
  return { Version: "2012-10-17", Statement: statements };
}

export function allow(action: string | string[], resource: string | string[] = "*", extra: Json = {}): Json {
  return { Effect: "Allow", Action: action, Resource: resource, ...extra };
}

export function deny(action: string | string[], resource: string | string[] = "*", extra: Json = {}): Json {
  return { Effect: "Deny", Action: action, Resource: resource, ...extra };
}

/** A resource-policy statement naming `principal` (an ARN, account id, or "*"). */
export function grant(
  principal: unknown,
  action: string | string[] = "s3:GetObject",
  resource = "arn:aws:s3:::bucket/*",
  extra: Json = {},
): Json {
  return {
    Effect: "Allow",
    Principal: principal === "*" ? "*" : typeof principal === "string" ? { AWS: principal } : principal,
    Action: action,
    Resource: resource,
    ...extra,
  };
}

export const allowAll = policy(allow("*"));
