// Resource patterns in words: "all resources", "IAM roles whose names start with "RDS-"",
// "all objects in bucket "reports"". Resource matching is case-sensitive and "*" crosses "/"
// (IAM User Guide, "IAM JSON policy elements: Resource").

import { parseArn } from "../index.ts";
import type { ActionCatalogue } from "./catalogue.ts";

export interface ResourceDescription {
  pattern: string;
  text: string;
  /** Why the pattern can never match, when it cannot. */
  problem?: string;
}

const SERVICE_WORDS: Record<string, string> = {
  iam: "IAM",
  s3: "S3",
  ec2: "EC2",
  sts: "STS",
  kms: "KMS",
  sqs: "SQS",
  sns: "SNS",
  rds: "RDS",
  lambda: "Lambda",
  dynamodb: "DynamoDB",
};

function plural(word: string): string {
  if (/(s|x|ch|sh)$/.test(word)) return `${word}es`;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

function humanType(type: string): string {
  // "instance-profile" -> "instance profile", "dbInstance" stays readable enough as is.
  return type.replace(/[-_]/g, " ");
}

/** How a name pattern reads: exact, prefix, suffix, anything, or a general glob. */
function nameClause(kind: string, namePattern: string): string {
  const kinds = plural(kind);
  if (namePattern === "*" || namePattern === "") return `all ${kinds}`;
  const wildcards = (namePattern.match(/[*?]/g) ?? []).length;
  if (wildcards === 0) return `${kind} "${namePattern}"`;
  if (wildcards === 1 && namePattern.endsWith("*")) return `${kinds} whose names start with "${namePattern.slice(0, -1)}"`;
  if (wildcards === 1 && namePattern.startsWith("*")) return `${kinds} whose names end with "${namePattern.slice(1)}"`;
  return `${kinds} whose names match "${namePattern}"`;
}

function where(region: string, account: string): string {
  const parts: string[] = [];
  if (account && account !== "*") parts.push(`in account ${account}`);
  if (region && region !== "*") parts.push(`in region ${region}`);
  return parts.length ? ` ${parts.join(" ")}` : "";
}

function describeS3(resource: string): string {
  const slash = resource.indexOf("/");
  const bucket = slash < 0 ? resource : resource.slice(0, slash);
  const key = slash < 0 ? undefined : resource.slice(slash + 1);
  const buckets = bucket === "*" ? "any bucket" : /[*?]/.test(bucket) ? `buckets matching "${bucket}"` : `bucket "${bucket}"`;
  if (key === undefined) return bucket === "*" ? "all buckets" : buckets;
  if (key === "*") return `all objects in ${buckets}`;
  if (key.endsWith("*") && !/[*?]/.test(key.slice(0, -1))) return `objects whose keys start with "${key.slice(0, -1)}" in ${buckets}`;
  return /[*?]/.test(key) ? `objects matching "${key}" in ${buckets}` : `object "${key}" in ${buckets}`;
}

/**
 * An empty account field can only match ARNs that have none. When the catalogue's ARN formats for
 * the service all carry ${Account}, no real resource has such an ARN and the pattern matches nothing.
 */
function accountProblem(
  service: string,
  account: string,
  resourceType: string,
  catalogue: ActionCatalogue | undefined,
): string | undefined {
  if (account !== "") return undefined;
  // Only the formats of the same resource type count: IAM roles carry an account even though IAM
  // role templates (arn:aws:iam::aws:role-template/...) do not.
  const formats = (catalogue?.arnFormats?.(service) ?? []).filter((f) => {
    const type = parseArn(f)?.resourceType;
    return resourceType === "" || type === resourceType;
  });
  const known = formats.length > 0 ? formats : service === "iam" || service === "sts" ? ["${Account}"] : [];
  if (known.length === 0 || !known.every((f) => f.includes("${Account}"))) return undefined;
  return "its account field is empty, but every such ARN carries an account id, so as written it matches no resource (use * for any account)";
}

export function describeResource(pattern: string, catalogue?: ActionCatalogue): ResourceDescription {
  if (pattern === "*") return { pattern, text: "all resources" };
  const arn = parseArn(pattern);
  if (!arn) return { pattern, text: `resources matching "${pattern}"` };
  const service = arn.service.toLowerCase();
  const serviceWord = SERVICE_WORDS[service] ?? catalogue?.serviceName(service) ?? service;
  let text: string;
  if (service === "s3") text = `${describeS3(arn.resource)}`;
  else if (!arn.resourceType) text = `${serviceWord} resources matching "${arn.resource}"`;
  else text = `${serviceWord} ${nameClause(humanType(arn.resourceType), arn.resourceId)}`;
  text += where(arn.region, arn.account);
  const problem = accountProblem(service, arn.account, arn.resourceType, catalogue);
  return problem ? { pattern, text, problem } : { pattern, text };
}
