// Actions the catalogue does not know. IAM accepts a policy naming a misspelt action, and the
// statement then silently matches no request: "s3:GetObjekt" ends in an implicit deny. Access
// Analyzer's INVALID_ACTION and INVALID_SERVICE, with the nearest real name as "did you mean".

import { encodeWildcards, matchEncoded } from "../../match/wildcard.ts";
import { entries, hasWildcard, type Check, type Draft } from "../document.ts";
import { closest } from "../edit-distance.ts";

const ACTION_PATTERN = /^([A-Za-z0-9*?-]+):([A-Za-z0-9*?_-]+)$/;

export const actions: Check = ({ statements, catalogue }) => {
  if (!catalogue) return [];
  const out: Draft[] = [];
  for (const s of statements) {
    for (const element of ["Action", "NotAction"]) {
      for (const entry of entries(s, element) ?? []) {
        const match = ACTION_PATTERN.exec(entry.value);
        if (!match) continue;
        const [, prefix = "", name = ""] = match;
        if (hasWildcard(prefix)) continue;
        const service = catalogue.service(prefix);
        if (service === undefined) continue;
        if (service === null) {
          const near = closest(prefix, catalogue.services() ?? []);
          out.push({
            code: "INVALID_SERVICE",
            message: `"${prefix}" is not an AWS service prefix${near ? `: did you mean ${near}:${name}?` : "."} A statement naming an unknown service matches no request.`,
            path: entry.path,
          });
          continue;
        }
        if (hasWildcard(name)) {
          const pattern = encodeWildcards(name.toLowerCase());
          if (!service.actions.some((a) => matchEncoded(pattern, a.toLowerCase()))) {
            out.push({
              code: "INVALID_ACTION",
              message: `"${entry.value}" matches no ${prefix} action, so this part of the statement never applies.`,
              path: entry.path,
            });
          }
          continue;
        }
        if (service.action(name)) continue;
        const near = closest(name, service.actions);
        out.push({
          code: "INVALID_ACTION",
          message: `"${entry.value}" is not an action of the ${prefix} service${near ? `: did you mean ${prefix}:${near}?` : "."} An unknown action matches no request, so the statement never applies to the call you meant.`,
          path: entry.path,
        });
      }
    }
  }
  return out;
};
