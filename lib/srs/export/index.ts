export * from "./csv.ts";
export * from "./backup.ts";
export * from "./limits.ts";
export * from "./backup-slices.ts";
