// Small pieces of English used by the sentences: turning a catalogue description ("Grants permission
// to pass a role to a service") into an activity ("passing a role to a service"), and joining lists.

const DOUBLE_FINAL = /^(?:[^aeiou][aeiou][^aeiouwxy]|[^aeiou]{2}[aeiou][^aeiouwxy])$/;

/** "pass" -> "passing", "create" -> "creating", "get" -> "getting", "stop" -> "stopping". */
export function gerund(verb: string): string {
  const lower = verb.toLowerCase();
  if (lower === "be") return "being";
  if (lower.endsWith("ie")) return `${verb.slice(0, -2)}ying`;
  if (lower.endsWith("e") && !/(ee|ye|oe)$/.test(lower)) return `${verb.slice(0, -1)}ing`;
  if (DOUBLE_FINAL.test(lower)) return `${verb}${verb.slice(-1)}ing`;
  return `${verb}ing`;
}

/** The activity an action permits, from its catalogue description; undefined if it does not parse. */
export function activityOf(description: string | undefined): string | undefined {
  const match = /^Grants permission to (\S+)(.*?)\.?$/.exec(description?.trim() ?? "");
  if (!match?.[1]) return undefined;
  return `${gerund(match[1])}${match[2] ?? ""}`;
}

/** "a", "a and b", "a, b and c". */
export function joinAnd(items: string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
