// The seed scenarios' policies are written to teach: they should lint without errors. Findings of
// the other kinds are listed here on purpose (a public bucket is public because the lesson says so).

import { describe, expect, it } from "vitest";
import { lintPolicy } from "../../../lib/iam/lint/index.ts";
import { loadLintCatalogue } from "../../../lib/iam/lint/catalogue.node.ts";
import { seedPolicies } from "./seed-policies.ts";

// file + where -> the codes expected there, each one a deliberate part of its lesson.
const EXPECTED: Record<string, string[]> = {
  // The bucket is public so that removing the instance role leaves reads working.
  "instance-role-removed-reads-still-work.yaml .resources[0].policy": ["PUBLIC_PRINCIPAL_WITHOUT_CONDITION"],
  // The linter's own starter scenario: these findings are its questions' answers.
  "what-is-wrong-with-this-policy.yaml .accounts[0].users[0].policies.Deploy": ["PASS_ROLE_WITH_STAR_IN_RESOURCE", "REDUNDANT_STATEMENT"],
  "what-is-wrong-with-this-policy.yaml .accounts[0].roles[0].policies.Everything": [
    "PRIVILEGE_ESCALATION_WILDCARD",
    "PASS_ROLE_WITH_STAR_IN_RESOURCE",
  ],
  "what-is-wrong-with-this-policy.yaml .resources[0].policy": ["PUBLIC_PRINCIPAL_WITHOUT_CONDITION"],
};

describe("seed scenario policies", () => {
  const policies = seedPolicies();

  it("finds the seeds' policies", () => {
    expect(policies.length).toBeGreaterThan(20);
    expect(new Set(policies.map((p) => p.place))).toEqual(expect.objectContaining({ size: expect.any(Number) }));
    expect(policies.some((p) => p.place === "trust")).toBe(true);
  });

  it("lint without errors, with only the findings their lessons intend", async () => {
    const found: Record<string, string[]> = {};
    for (const p of policies) {
      const text = JSON.stringify(p.document, null, 2);
      const findings = lintPolicy(text, { place: p.place, catalogue: await loadLintCatalogue(text) });
      expect(
        findings.filter((f) => f.kind === "error"),
        `${p.file} ${p.where}`,
      ).toEqual([]);
      if (findings.length) found[`${p.file} ${p.where}`] = findings.map((f) => f.code);
    }
    // Seeds may be added by others; only the known ones are pinned.
    for (const [where, codes] of Object.entries(EXPECTED)) expect(found[where]).toEqual(codes);
    for (const where of Object.keys(found))
      expect(Object.keys(EXPECTED), `unexpected findings in ${where}: ${found[where]}`).toContain(where);
  });
});
