// Times shown on the review screen, in the device's zone and language. The formatters are made
// once: `toLocaleTimeString` with options builds a new Intl.DateTimeFormat on every call, and the
// sync line rendered two of them per grade (a third of the grade's script time on a throttled phone).

let clock: Intl.DateTimeFormat | null = null;
let stamp: Intl.DateTimeFormat | null = null;

/** "14:05" or "2:05 PM", as the device writes a time of day. */
export function clockTime(at: Date | string): string {
  clock ??= new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });
  return clock.format(new Date(at));
}

/** The date and time, as the device writes them. */
export function dateAndTime(at: Date | string): string {
  stamp ??= new Intl.DateTimeFormat(undefined, { dateStyle: "short", timeStyle: "medium" });
  return stamp.format(new Date(at));
}
