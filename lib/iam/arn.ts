// ARN parsing. An ARN has five colon-separated fields before the resource part; the resource part
// may itself hold colons and slashes.

export interface Arn {
  partition: string;
  service: string;
  region: string;
  account: string;
  /** Everything after the fifth colon. */
  resource: string;
  /** The resource part before its first "/" or ":" (e.g. "user", "role", "key"); "" when none. */
  resourceType: string;
  /** The resource part after that separator; the whole resource part when there is no type. */
  resourceId: string;
}

export function parseArn(arn: string): Arn | undefined {
  if (!arn.startsWith("arn:")) return undefined;
  const fields: string[] = [];
  let start = 4;
  for (let i = 0; i < 4; i++) {
    const colon = arn.indexOf(":", start);
    if (colon < 0) return undefined;
    fields.push(arn.slice(start, colon));
    start = colon + 1;
  }
  const resource = arn.slice(start);
  const [partition = "", service = "", region = "", account = ""] = fields;
  if (!partition || !service) return undefined;
  const cut = resource.search(/[/:]/);
  return {
    partition,
    service,
    region,
    account,
    resource,
    resourceType: cut < 0 ? "" : resource.slice(0, cut),
    resourceId: cut < 0 ? resource : resource.slice(cut + 1),
  };
}

/** The account that owns a resource, when its ARN says (S3 bucket ARNs, for one, do not). */
export function accountOfArn(arn: string): string | undefined {
  if (!arn.startsWith("arn:")) return undefined;
  let colon = 3;
  for (let i = 0; i < 3; i++) {
    colon = arn.indexOf(":", colon + 1);
    if (colon < 0) return undefined;
  }
  const end = arn.indexOf(":", colon + 1);
  if (end !== colon + 13) return undefined;
  for (let i = colon + 1; i < end; i++) {
    const c = arn.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
  }
  return arn.slice(colon + 1, end);
}
