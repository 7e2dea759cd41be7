// An interval label from lib/srs ("1m", "10m", "3d", "2.1mo", "1.5y") in words for screen readers.
const UNITS: Record<string, [string, string]> = {
  s: ["second", "seconds"],
  m: ["minute", "minutes"],
  h: ["hour", "hours"],
  d: ["day", "days"],
  mo: ["month", "months"],
  y: ["year", "years"],
};

export function spokenInterval(label: string): string {
  if (label === "<1m") return "less than a minute";
  const match = /^([\d.]+)\s*(mo|s|m|h|d|y)$/.exec(label.trim());
  if (!match) return label;
  const value = Number(match[1]);
  const [one, many] = UNITS[match[2]!]!;
  return `${match[1]} ${value === 1 ? one : many}`;
}
