// Every policy in a scenario has a reference, a short path naming where it lives:
//   user/<user>/<policy>, group/<group>/<policy>, role/<role>/<policy>   inline policies
//   managed/<name>                                                      customer managed policies
//   trust/<role>                                                        a role's trust policy
//   resource/<arn>                                                      a resource's policy
//   scp/<level>/<name>, rcp/<level>/<name>   level: root, an OU name or an account id
// The reference is also the policy id handed to lib/iam, so a matched statement leads straight back
// to the scenario's text. Managed policies keep their ARN as id (the STS simulation names them so).

export const inlineRef = (owner: "user" | "group" | "role", name: string, policy: string) => `${owner}/${name}/${policy}`;
export const managedRef = (name: string) => `managed/${name}`;
export const trustRef = (role: string) => `trust/${role}`;
export const resourceRef = (arn: string) => `resource/${arn}`;
export const orgRef = (type: "scp" | "rcp", level: string, name: string) => `${type}/${level}/${name}`;

export const managedArn = (accountId: string, name: string) => `arn:aws:iam::${accountId}:policy/${name}`;

/** A managed policy named by name (in the given account) or by ARN. */
export function managedPolicyArn(nameOrArn: string, accountId: string): string {
  return nameOrArn.startsWith("arn:") ? nameOrArn : managedArn(accountId, nameOrArn);
}

function resourceWords(arn: string): string {
  const s3 = /^arn:aws:s3:::([^/]+)$/.exec(arn);
  if (s3) return `the bucket policy of ${s3[1]}`;
  if (/^arn:aws:kms:/.test(arn)) return `the key policy of ${arn}`;
  return `the resource-based policy of ${arn}`;
}

/** The policy id (a reference, an ARN, or an STS-made id) in words, for cards and options. */
export function describePolicyId(id: string): string {
  const managed = /^arn:aws:iam::(\d{12}|aws):policy\/(?:.*\/)?([^/]+)$/.exec(id);
  if (managed) return `the managed policy ${managed[2]}`;
  if (id === "session-policy") return "the session policy";
  if (id.startsWith("trust:")) return `the trust policy of role ${id.slice(6).replace(/^arn:aws:iam::\d{12}:role\/(?:.*\/)?/, "")}`;
  const slash = id.indexOf("/");
  const head = id.slice(0, slash);
  const rest = id.slice(slash + 1);
  switch (head) {
    case "user":
    case "group":
    case "role": {
      const [owner, ...policy] = rest.split("/");
      return `the inline policy ${policy.join("/")} of ${head} ${owner}`;
    }
    case "managed":
      return `the managed policy ${rest}`;
    case "trust":
      return `the trust policy of role ${rest}`;
    case "resource":
      return resourceWords(rest);
    case "scp":
    case "rcp": {
      const [level, ...name] = rest.split("/");
      const where = level === "root" ? "the organization root" : /^\d{12}$/.test(level ?? "") ? `account ${level}` : `the OU ${level}`;
      return `the ${head.toUpperCase()} ${name.join("/")} attached to ${where}`;
    }
    case "session":
      return `the session policy passed in step ${rest}`;
    default:
      return `the policy ${id}`;
  }
}
