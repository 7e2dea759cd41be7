// A resource or trust policy that allows Principal "*" with no condition lets anyone (any AWS
// account, and for some services anonymous callers) make the request. IAM User Guide,
// "AWS JSON policy elements: Principal", section "All principals".

import { child, entries, hasConditions, isRecord, type Check, type Draft } from "../document.ts";

function isEveryone(principal: unknown): boolean {
  if (principal === "*") return true;
  if (!isRecord(principal)) return false;
  const aws = principal.AWS;
  return aws === "*" || (Array.isArray(aws) && aws.includes("*"));
}

export const publicPrincipal: Check = ({ statements, place }) => {
  if (place !== "resource" && place !== "trust") return [];
  const out: Draft[] = [];
  for (const s of statements) {
    if (s.value.Effect !== "Allow" || !isEveryone(s.value.Principal) || hasConditions(s)) continue;
    const actions = entries(s, "Action")?.map((e) => e.value) ?? [];
    out.push({
      code: "PUBLIC_PRINCIPAL_WITHOUT_CONDITION",
      message: `Principal "*" with no condition allows ${actions.length ? actions.join(", ") : "these actions"} to anyone, in any account. Name the principals, or add a condition such as aws:PrincipalOrgID or aws:SourceAccount.`,
      path: child(s.path, "Principal"),
    });
  }
  return out;
};
