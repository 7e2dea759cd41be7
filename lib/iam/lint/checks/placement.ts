// Elements a policy must or must not have where it is attached: a resource or trust policy says
// whom it applies to (Principal); a policy attached to a principal cannot, and an identity-side
// policy names its resources. IAM User Guide, "IAM JSON policy elements: Principal".

import { child, IDENTITY_SIDE, PRINCIPAL_REQUIRED, type Check, type Draft } from "../document.ts";

const PLACE_NAMES = {
  identity: "an identity policy",
  resource: "a resource policy",
  trust: "a role trust policy",
  boundary: "a permissions boundary",
  scp: "an SCP",
  rcp: "an RCP",
  session: "a session policy",
} as const;

export const placement: Check = ({ statements, place }) => {
  const out: Draft[] = [];
  for (const s of statements) {
    const has = (element: string) => s.value[element] !== undefined;
    if (IDENTITY_SIDE.has(place)) {
      for (const element of ["Principal", "NotPrincipal"]) {
        if (!has(element)) continue;
        out.push({
          code: "UNSUPPORTED_PRINCIPAL",
          message: `${element} does not belong in ${PLACE_NAMES[place]}: the policy applies to whoever it is attached to. Remove it.`,
          path: child(s.path, element),
        });
      }
    }
    if (PRINCIPAL_REQUIRED.has(place) && !has("Principal") && !has("NotPrincipal")) {
      out.push({
        code: "MISSING_PRINCIPAL",
        message: `Every statement of ${PLACE_NAMES[place]} needs a Principal saying whom it applies to${
          place === "trust" ? " (who may assume the role)" : ""
        }.`,
        path: child(s.path, "Principal"),
      });
    }
    if ((place === "identity" || place === "boundary" || place === "session") && !has("Resource") && !has("NotResource")) {
      out.push({
        code: "MISSING_RESOURCE",
        message: `A statement in ${PLACE_NAMES[place]} must name its resources: add "Resource" (an ARN, or "*").`,
        path: child(s.path, "Resource"),
      });
    }
  }
  return out;
};
