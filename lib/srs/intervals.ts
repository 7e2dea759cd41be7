// Short interval labels for the grade buttons, in the style Anki prints them: 1m, 10m, 2.5h, 3d,
// 2.1mo, 1.2y. Months are 30 days and years 365, as in Anki, so the labels stay stable.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function oneDecimal(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

/** Label for a span of `ms` milliseconds. */
export function intervalLabel(ms: number): string {
  if (!Number.isFinite(ms) || ms < MINUTE - 500) return "<1m";
  const minutes = Math.round(ms / MINUTE);
  if (minutes < 60) return `${minutes}m`;
  const hours = ms / HOUR;
  if (hours < 23.95) return `${oneDecimal(hours)}h`;
  const days = ms / DAY;
  if (days < 29.5) return `${Math.max(1, Math.round(days))}d`;
  if (days < 365) return `${oneDecimal(days / 30)}mo`;
  return `${oneDecimal(days / 365)}y`;
}

/** Label for the wait from `now` until `due`. */
export function intervalUntil(due: Date, now: Date): string {
  return intervalLabel(due.getTime() - now.getTime());
}
