// The zones the settings page offers: every IANA zone this runtime knows, plus the learner's own
// (so an unusual stored zone such as "UTC", which some runtimes leave out of the list, still shows).
export function timeZoneChoices(current: string): string[] {
  const zones = new Set(Intl.supportedValuesOf("timeZone"));
  zones.add("UTC");
  zones.add(current);
  return [...zones].sort();
}
