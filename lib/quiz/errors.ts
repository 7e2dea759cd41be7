// The one error a scenario can raise. Every problem names where it is, as a path into the scenario
// document (`accounts[0].roles[1].trustPolicy.Statement[0].Effect`), so an author can go straight to
// the element to fix; the CLI adds the file name in front.

export type ScenarioErrorCode =
  | "invalidSyntax"
  | "invalidScenario"
  | "invalidPolicy"
  | "unknownName"
  | "unknownReference"
  | "duplicate"
  | "invalidRename";

export class ScenarioError extends Error {
  readonly code: ScenarioErrorCode;
  /** Path inside the scenario document; empty for the document as a whole. */
  readonly path: string;

  constructor(code: ScenarioErrorCode, message: string, path: string) {
    super(message);
    this.name = "ScenarioError";
    this.code = code;
    this.path = path;
  }

  /** One line for people: where, then what. */
  describe(): string {
    return this.path ? `${this.path}: ${this.message}` : this.message;
  }
}

/** Joins path segments the way lib/iam writes policy paths: `a[0].b`, keys with odd characters quoted. */
export function formatPath(segments: readonly PropertyKey[]): string {
  let out = "";
  for (const segment of segments) {
    if (typeof segment === "number") out += `[${segment}]`;
    else {
      const key = String(segment);
      out += /^[A-Za-z_$][\w$-]*$/.test(key) ? (out ? `.${key}` : key) : `[${JSON.stringify(key)}]`;
    }
  }
  return out;
}

/** Appends a child path (`Statement[1].Effect` or `[2]`) to a parent path. */
export function joinPath(parent: string, child: string): string {
  if (!child) return parent;
  if (!parent) return child;
  return child.startsWith("[") ? `${parent}${child}` : `${parent}.${child}`;
}
