// Which services a policy text names, so a caller loads only those services' data: the prefix of
// every "service:..." string (actions and condition keys), ARNs and global aws: keys left out.

export function servicePrefixesOf(text: string): Set<string> {
  const prefixes = new Set<string>();
  for (const match of text.matchAll(/"([A-Za-z0-9-]+):[^"\s]*"/g)) prefixes.add(match[1]!.toLowerCase());
  prefixes.delete("arn");
  prefixes.delete("aws");
  return prefixes;
}
