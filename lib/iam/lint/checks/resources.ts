// A resource ARN none of an action's resource types can match: the pair never applies. For
// example s3:GetObject acts on objects (arn:${Partition}:s3:::${BucketName}/${ObjectName}), so
// "arn:aws:s3:::bucket" (the bucket itself) never matches a GetObject request. The resource types
// and ARN formats are the Service Authorization Reference's, from the catalogue.

import { entries, hasWildcard, type Check, type Draft } from "../document.ts";
import { arnsOverlap } from "./arn-overlap.ts";

export const resources: Check = ({ statements, catalogue }) => {
  if (!catalogue) return [];
  const out: Draft[] = [];
  for (const s of statements) {
    const arns = (entries(s, "Resource") ?? []).map((e) => e.value);
    // "*" (or anything that is not an ARN, left to the grammar check) matches every type.
    if (arns.length === 0 || arns.some((r) => !r.startsWith("arn:"))) continue;
    const effect = s.value.Effect === "Deny" ? "denies" : "allows";
    for (const entry of entries(s, "Action") ?? []) {
      const [prefix = "", name = ""] = entry.value.split(":");
      if (hasWildcard(entry.value) || !name) continue;
      const action = catalogue.service(prefix)?.action(name);
      if (!action) continue;
      const shown = arns.length === 1 ? `"${arns[0]}"` : `any of ${arns.map((a) => `"${a}"`).join(", ")}`;
      if (action.resourceTypes.length === 0) {
        out.push({
          code: "RESOURCE_TYPE_MISMATCH",
          message: `${prefix}:${action.name} does not act on a particular resource: AWS checks it against "Resource": "*" only, so this statement never ${effect} it for ${shown}.`,
          path: entry.path,
        });
        continue;
      }
      if (action.resourceTypes.some((t) => t.arn === undefined)) continue;
      if (arns.some((arn) => action.resourceTypes.some((t) => arnsOverlap(arn, t.arn!)))) continue;
      const types = action.resourceTypes.map((t) => `${t.name} (${t.arn})`).join(", ");
      out.push({
        code: "RESOURCE_TYPE_MISMATCH",
        message: `${prefix}:${action.name} acts on ${types}; ${shown} can never name one, so this statement never ${effect} ${prefix}:${action.name}.`,
        path: entry.path,
      });
    }
  }
  return out;
};
