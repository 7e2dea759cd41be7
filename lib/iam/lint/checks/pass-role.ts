// iam:PassRole on "*" lets the caller hand any role in the account, an administrator's included, to
// a service it controls: a classic privilege escalation. Access Analyzer's
// PASS_ROLE_WITH_STAR_IN_RESOURCE; the fix is role ARNs, or an iam:PassedToService condition.

import { encodeWildcards, matchEncoded } from "../../match/wildcard.ts";
import { entries, isRecord, type Check, type Draft } from "../document.ts";

function namesPassedToService(condition: unknown): boolean {
  if (!isRecord(condition)) return false;
  return Object.values(condition).some(
    (block) => isRecord(block) && Object.keys(block).some((k) => k.toLowerCase() === "iam:passedtoservice"),
  );
}

export const passRole: Check = ({ statements }) => {
  const out: Draft[] = [];
  for (const s of statements) {
    if (s.value.Effect !== "Allow" || namesPassedToService(s.value.Condition)) continue;
    const star = entries(s, "Resource")?.find((r) => r.value === "*");
    if (!star) continue;
    const action = entries(s, "Action")?.find((a) => matchEncoded(encodeWildcards(a.value.toLowerCase()), "iam:passrole"));
    if (!action) continue;
    const named = action.value.toLowerCase() === "iam:passrole" ? "iam:PassRole" : `"${action.value}" (which includes iam:PassRole)`;
    out.push({
      code: "PASS_ROLE_WITH_STAR_IN_RESOURCE",
      message: `${named} on Resource "*" lets the caller pass any role in the account, an administrator role included, to a service it controls. Name the role ARNs, or add an iam:PassedToService condition.`,
      path: star.path,
    });
  }
  return out;
};
