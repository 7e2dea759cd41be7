// Parameter constraints of the STS API, as its service model declares them (length, pattern and
// range of each parameter type), reported the way AWS reports them: one ValidationError that lists
// every violated constraint.

import { fail, type StsResult } from "./result.ts";

/** Constraint sets from the STS API model (roleSessionNameType, userNameType, ...). */
export const CONSTRAINTS = {
  roleSessionName: { min: 2, max: 64, pattern: /^[\w+=,.@-]*$/, patternText: "[\\w+=,.@-]*" },
  federatedUserName: { min: 2, max: 32, pattern: /^[\w+=,.@-]*$/, patternText: "[\\w+=,.@-]*" },
  sourceIdentity: { min: 2, max: 64, pattern: /^[\w+=,.@-]*$/, patternText: "[\\w+=,.@-]*" },
  externalId: { min: 2, max: 1224, pattern: /^[\w+=,.@:/-]*$/, patternText: "[\\w+=,.@:\\/-]*" },
  serialNumber: { min: 9, max: 256, pattern: /^[\w+=/:,.@-]*$/, patternText: "[\\w+=/:,.@-]*" },
  tokenCode: { min: 6, max: 6, pattern: /^\d*$/, patternText: "[\\d]*" },
  arn: { min: 20, max: 2048 },
  tagKey: { min: 1, max: 128, pattern: /^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$/u, patternText: "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+" },
  tagValue: { min: 0, max: 256, pattern: /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u, patternText: "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*" },
  sessionPolicy: { min: 1, max: 2048 },
  encodedMessage: { min: 1, max: 10240 },
  accessKeyId: { min: 16, max: 128, pattern: /^\w*$/, patternText: "[\\w]*" },
  samlAssertion: { min: 4, max: 100000 },
  webIdentityToken: { min: 4, max: 20000 },
} as const;

/** DurationSeconds ranges: roleDurationSecondsType and durationSecondsType. */
export const DURATION_RANGES = {
  role: { min: 900, max: 43200 },
  token: { min: 900, max: 129600 },
} as const;

/** At most 10 managed session policies and 50 session tags (STS API Reference, AssumeRole). */
export const MAX_POLICY_ARNS = 10;
export const MAX_SESSION_TAGS = 50;

interface StringConstraint {
  min: number;
  max: number;
  pattern?: RegExp;
  patternText?: string;
}

/** Collects constraint violations, then turns them into one ValidationError. */
export class Violations {
  private readonly items: string[] = [];

  text(field: string, value: string | undefined, constraint: StringConstraint, required = false): this {
    if (value === undefined) {
      if (required) this.items.push(`Value null at '${field}' failed to satisfy constraint: Member must not be null`);
      return this;
    }
    // Lengths count characters as the service does (code points), not UTF-16 units.
    const length = [...value].length;
    if (length < constraint.min) {
      this.push(field, value, `Member must have length greater than or equal to ${constraint.min}`);
    }
    if (length > constraint.max) {
      this.push(field, value, `Member must have length less than or equal to ${constraint.max}`);
    }
    if (constraint.pattern && !constraint.pattern.test(value)) {
      this.push(field, value, `Member must satisfy regular expression pattern: ${constraint.patternText}`);
    }
    return this;
  }

  range(field: string, value: number | undefined, range: { min: number; max: number }): this {
    if (value === undefined) return this;
    if (!Number.isInteger(value)) this.push(field, String(value), "Member must be an integer");
    else if (value < range.min) this.push(field, String(value), `Member must have value greater than or equal to ${range.min}`);
    else if (value > range.max) this.push(field, String(value), `Member must have value less than or equal to ${range.max}`);
    return this;
  }

  count(field: string, length: number, max: number): this {
    if (length > max) {
      this.items.push(`Value at '${field}' failed to satisfy constraint: Member must have length less than or equal to ${max}`);
    }
    return this;
  }

  private push(field: string, value: string, rule: string): void {
    const shown = value.length > 80 ? `${value.slice(0, 77)}...` : value;
    this.items.push(`Value '${shown}' at '${field}' failed to satisfy constraint: ${rule}`);
  }

  /** undefined when every constraint held. */
  result<T>(): StsResult<T> | undefined {
    if (this.items.length === 0) return undefined;
    const n = this.items.length;
    return fail("ValidationError", `${n} validation error${n === 1 ? "" : "s"} detected: ${this.items.join("; ")}`);
  }
}

export interface SessionTag {
  Key: string;
  Value: string;
}

/** Session tag rules: at most 50, key and value constraints, keys unique ignoring case. */
export function checkSessionTags(violations: Violations, tags: SessionTag[] | undefined, transitive: string[] | undefined): void {
  if (tags) {
    violations.count("tags", tags.length, MAX_SESSION_TAGS);
    tags.forEach((tag, i) => {
      violations.text(`tags.${i + 1}.member.key`, tag.Key, CONSTRAINTS.tagKey, true);
      violations.text(`tags.${i + 1}.member.value`, tag.Value, CONSTRAINTS.tagValue, true);
    });
  }
  if (transitive) {
    violations.count("transitiveTagKeys", transitive.length, MAX_SESSION_TAGS);
    transitive.forEach((key, i) => violations.text(`transitiveTagKeys.${i + 1}.member`, key, CONSTRAINTS.tagKey, true));
  }
}

/**
 * Tag keys are case-insensitive but case-preserving, so Department and department collide
 * (STS API Reference, AssumeRole, Tags). Returns the duplicated key if any.
 */
export function duplicateTagKey(tags: SessionTag[]): string | undefined {
  const seen = new Set<string>();
  for (const tag of tags) {
    const key = tag.Key.toLowerCase();
    if (seen.has(key)) return tag.Key;
    seen.add(key);
  }
  return undefined;
}
