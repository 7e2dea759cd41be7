// Wildcard actions that quietly include a privilege-escalation action: with any one of these a
// principal can give itself more permissions than the policy meant to grant. The list is the
// IAM and service actions from Rhino Security Labs' "AWS IAM Privilege Escalation – Methods and
// Mitigation" (Spencer Gietzen, 2018); docs/linter.md names each method. Only wildcards are
// flagged: a policy that lists such an action by name means it.

import { encodeWildcards, matchEncoded } from "../../match/wildcard.ts";
import { entries, hasWildcard, type Check, type Draft } from "../document.ts";

export const ESCALATION_ACTIONS = [
  "iam:CreatePolicyVersion",
  "iam:SetDefaultPolicyVersion",
  "iam:CreateAccessKey",
  "iam:CreateLoginProfile",
  "iam:UpdateLoginProfile",
  "iam:AttachUserPolicy",
  "iam:AttachGroupPolicy",
  "iam:AttachRolePolicy",
  "iam:PutUserPolicy",
  "iam:PutGroupPolicy",
  "iam:PutRolePolicy",
  "iam:AddUserToGroup",
  "iam:UpdateAssumeRolePolicy",
  "iam:PassRole",
  "lambda:UpdateFunctionCode",
  "glue:UpdateDevEndpoint",
] as const;

export const escalation: Check = ({ statements }) => {
  const out: Draft[] = [];
  for (const s of statements) {
    if (s.value.Effect !== "Allow") continue;
    for (const action of entries(s, "Action") ?? []) {
      if (!hasWildcard(action.value)) continue;
      const pattern = encodeWildcards(action.value.toLowerCase());
      const included = ESCALATION_ACTIONS.filter((a) => matchEncoded(pattern, a.toLowerCase()));
      if (included.length === 0) continue;
      const shown = included.slice(0, 3).join(", ") + (included.length > 3 ? ` and ${included.length - 3} more` : "");
      out.push({
        code: "PRIVILEGE_ESCALATION_WILDCARD",
        message: `"${action.value}" includes ${shown}, with which a principal can grant itself more than this policy intends. List the actions it needs instead of a wildcard.`,
        path: action.path,
      });
    }
  }
  return out;
};
