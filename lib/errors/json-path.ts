// JSON paths as people read them in messages: `accounts[0].roles[1]["odd key"]`. One spelling for
// every domain, so a path in a policy error, a scenario error and a backup error looks the same.

const PLAIN_KEY = /^[A-Za-z_$][\w$]*$/;

/**
 * Joins path segments: numbers as `[0]`, plain identifiers with dots, any other key (dashes, dots,
 * spaces) quoted in brackets so the path stays unambiguous. The empty path is `root`.
 */
export function formatJsonPath(segments: readonly PropertyKey[], root = ""): string {
  let out = "";
  for (const segment of segments) {
    if (typeof segment === "number") out += `[${segment}]`;
    else {
      const key = String(segment);
      if (PLAIN_KEY.test(key)) out += out === "" ? key : `.${key}`;
      else out += `[${JSON.stringify(key)}]`;
    }
  }
  return out === "" ? root : out;
}

/** Appends a child path (`Statement[1].Effect` or `[2]`) to a parent path. */
export function joinJsonPath(parent: string, child: string): string {
  if (!child) return parent;
  if (!parent) return child;
  return child.startsWith("[") ? `${parent}${child}` : `${parent}.${child}`;
}
