// Allow with NotAction, NotResource or NotPrincipal allows everything except a list: whatever AWS
// adds later, and every principal or resource nobody thought of, is allowed too. IAM User Guide,
// "IAM JSON policy elements: NotAction / NotResource / NotPrincipal".

import { child, type Check, type Draft } from "../document.ts";

const WHAT = {
  NotAction: ["ALLOW_WITH_NOT_ACTION", "every action except those listed, including actions AWS adds later", "Action"],
  NotResource: ["ALLOW_WITH_NOT_RESOURCE", "the actions on every resource except those listed", "Resource"],
  NotPrincipal: ["ALLOW_WITH_NOT_PRINCIPAL", "everyone except the principals listed, anonymous callers included", "Principal"],
} as const;

export const negatedElements: Check = ({ statements }) => {
  const out: Draft[] = [];
  for (const s of statements) {
    if (s.value.Effect !== "Allow") continue;
    for (const [element, [code, what, instead]] of Object.entries(WHAT)) {
      if (s.value[element] === undefined) continue;
      out.push({
        code,
        message: `Allow with ${element} allows ${what}. List what you mean to allow in ${instead} instead, or use ${element} only with Deny.`,
        path: child(s.path, element),
      });
    }
  }
  return out;
};
