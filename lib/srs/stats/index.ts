export * from "./forecast.ts";
export * from "./reviews-per-day.ts";
export * from "./retention.ts";
export * from "./states.ts";
