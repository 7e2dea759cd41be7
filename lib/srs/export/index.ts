export * from "./csv.ts";
export * from "./backup.ts";
