export { learnerDay, isValidTimeZone, DEFAULT_ROLLOVER_HOUR } from "./day.ts";
// The optimizer (./optimize.ts) loads a native module and is deliberately not exported here.
export * from "./types.ts";
export * from "./validation.ts";
export * from "./settings.ts";
export * from "./card.ts";
export * from "./intervals.ts";
export * from "./scheduler.ts";
export * from "./activity.ts";
export * from "./queue.ts";
export * from "./calendar.ts";
export * from "./stats/index.ts";
export * from "./export/index.ts";
