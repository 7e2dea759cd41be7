export { learnerDay, isValidTimeZone, DEFAULT_ROLLOVER_HOUR } from "./day.ts";
