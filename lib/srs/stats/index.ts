export { dueForecast, MATURE_INTERVAL_DAYS, type ForecastCard, type ForecastDay } from "./forecast.ts";
export { reviewsPerDay, type DayCount } from "./reviews-per-day.ts";
export { trueRetention, type PassCount, type RetentionLog, type RetentionPeriod, type TrueRetention } from "./retention.ts";
export { cardsByState, type StateCounts } from "./states.ts";
