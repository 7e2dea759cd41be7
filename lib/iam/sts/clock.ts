// Time enters the simulation only through the `now` a caller passes, never through Date.now().

export type Instant = Date | number;

export function toEpochMs(now: Instant): number {
  return typeof now === "number" ? now : now.getTime();
}

export function isoSeconds(epochMs: number): string {
  // AWS prints expirations without sub-second noise; keep the learner-facing value tidy.
  return new Date(Math.floor(epochMs / 1000) * 1000).toISOString().replace(".000Z", "Z");
}
