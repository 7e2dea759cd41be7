// A learner's day starts at 4 a.m. in their own time zone (Anki's default rollover), so a late
// evening session still counts as "today" and due counts do not jump at midnight.

export const DEFAULT_ROLLOVER_HOUR = 4;

interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClock(instant: Date, timeZone: string): WallClock {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(instant)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** Milliseconds the zone is ahead of UTC at `instant`. */
function zoneOffset(instant: Date, timeZone: string): number {
  const c = wallClock(instant, timeZone);
  const asUtc = Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The instant at which the wall clock in `timeZone` shows the given local date and hour. */
function instantAt(year: number, month: number, day: number, hour: number, timeZone: string): Date {
  const naive = Date.UTC(year, month - 1, day, hour);
  // Two passes settle the offset across a daylight-saving change between the guess and the answer.
  let guess = naive - zoneOffset(new Date(naive), timeZone);
  guess = naive - zoneOffset(new Date(guess), timeZone);
  return new Date(guess);
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The start and end (exclusive) of the learner's day that contains `now`. */
export function learnerDay(now: Date, timeZone: string, rolloverHour = DEFAULT_ROLLOVER_HOUR): { start: Date; end: Date } {
  const local = wallClock(now, timeZone);
  // Calendar arithmetic on a UTC date avoids month and year edge cases.
  const today = new Date(Date.UTC(local.year, local.month - 1, local.day));
  if (local.hour < rolloverHour) today.setUTCDate(today.getUTCDate() - 1);
  const tomorrow = new Date(today);
  tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
  const at = (d: Date) => instantAt(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), rolloverHour, timeZone);
  return { start: at(today), end: at(tomorrow) };
}
