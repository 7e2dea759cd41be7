// Reading numbers and dates the way condition operators need them.

/** A decimal number (integer or float); NaN for anything else, the empty string included. */
export function parseNumber(text: string): number {
  const trimmed = text.trim();
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(trimmed)) return NaN;
  return Number(trimmed);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Milliseconds since the epoch for an ISO 8601 date (a date alone, or date and time; no zone means
 * UTC so results never depend on the machine) or for epoch seconds. NaN when neither.
 */
export function parseDate(text: string): number {
  const trimmed = text.trim();
  if (/^-?\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const m = ISO_DATE.exec(trimmed);
  if (!m) return NaN;
  const [, y, mo, d, h = "00", mi = "00", s = "00", frac = "", zone = "Z"] = m;
  const normalizedZone = zone === "Z" ? "Z" : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
  return Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}${frac}${normalizedZone}`);
}
