// The `eval` CLI command: one case or an array, from a file or stdin, JSON out, and errors that
// name the file and the JSON path.

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { evalCommand } from "../../cli/commands/eval.ts";

function io(stdin = "") {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: { stdout: (t: string) => void out.push(t), stderr: (t: string) => void err.push(t), readStdin: async () => stdin },
  };
}

const request = { principal: "arn:aws:iam::111122223333:user/alice", action: "s3:GetObject", resource: "arn:aws:s3:::b/k" };
const allow = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] };

describe("eval command", () => {
  it("evaluates one case from stdin and prints the result as JSON", async () => {
    const t = io(JSON.stringify({ request, identityPolicies: [allow] }));
    expect(await evalCommand.run(["-"], t.io)).toBe(0);
    const result = JSON.parse(t.out.join(""));
    expect(result.decision).toBe("allowed");
    expect(result.matchedStatements[0]).toMatchObject({ policyType: "identity", statementIndex: 0 });
    expect(result.explanation.at(-1)).toMatch(/^Decision: allowed/);
  });

  it("evaluates an array of cases from a file, with unknown-action warnings", async () => {
    const dir = mkdtempSync(join(tmpdir(), "iam-eval-"));
    const file = join(dir, "cases.json");
    writeFileSync(
      file,
      JSON.stringify([
        { request, identityPolicies: [allow] },
        { request, identityPolicies: [{ Statement: { Effect: "Allow", Action: "s3:GetObjekt", Resource: "*" } }] },
      ]),
    );
    const t = io();
    expect(await evalCommand.run([file], t.io)).toBe(0);
    const results = JSON.parse(t.out.join(""));
    expect(results.map((r: { decision: string }) => r.decision)).toEqual(["allowed", "implicitDeny"]);
    expect(results[1].warnings).toEqual([
      { policyId: "identity[0]", path: "Statement.Action", code: "unknownAction", message: expect.stringContaining("GetObjekt") },
    ]);
  });

  it("names the file and the JSON path of a bad policy", async () => {
    const dir = mkdtempSync(join(tmpdir(), "iam-eval-"));
    const file = join(dir, "bad.json");
    writeFileSync(
      file,
      JSON.stringify([
        { request, identityPolicies: [allow] },
        { request, identityPolicies: [allow, { Statement: [{ Effect: "Permit", Action: "s3:*", Resource: "*" }] }] },
      ]),
    );
    const t = io();
    expect(await evalCommand.run([file], t.io)).toBe(1);
    expect(t.err.join("")).toBe(
      `eval: ${file}: [1].identityPolicies[1].Statement[0].Effect: Effect must be "Allow" or "Deny", not "Permit"\n`,
    );
  });

  it("reports invalid JSON and a bad request field", async () => {
    const bad = io("{");
    expect(await evalCommand.run(["-"], bad.io)).toBe(1);
    expect(bad.err.join("")).toMatch(/^eval: <stdin>: not valid JSON/);
    const noAction = io(JSON.stringify({ request: { ...request, action: "GetObject" } }));
    expect(await evalCommand.run(["-"], noAction.io)).toBe(1);
    expect(noAction.err.join("")).toMatch(/^eval: <stdin>: request\.action: /);
  });

  it("evaluates every valid case of a batch and reports each invalid one in its place", async () => {
    const cases = [
      { request, identityPolicies: [allow] },
      { request: { ...request, action: "GetObject" } },
      { request, identityPolicies: [] },
      7,
    ];
    const t = io(JSON.stringify(cases));
    expect(await evalCommand.run(["-", "--compact"], t.io)).toBe(1);
    const results = JSON.parse(t.out.join(""));
    expect(results).toHaveLength(4);
    expect(results[0].decision).toBe("allowed");
    expect(results[1].error).toMatchObject({ path: "[1].request.action" });
    expect(results[1].error.message).toMatch(/service:Action/);
    expect(results[2].decision).toBe("implicitDeny");
    expect(results[3].error.path).toBe("[3]");
    expect(t.err.join("").trim().split("\n")).toHaveLength(2);
  });

  it("exits 0 when every case of a batch is valid, and shows AWS's guardrail when one applies", async () => {
    const admin = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };
    const guarded = { ...request, action: "iam:DeletePolicy", resource: "arn:aws:iam::aws:policy/ReadOnlyAccess" };
    const t = io(
      JSON.stringify([
        { request, identityPolicies: [allow] },
        { request: guarded, identityPolicies: [admin] },
      ]),
    );
    expect(await evalCommand.run(["-"], t.io)).toBe(0);
    const results = JSON.parse(t.out.join(""));
    expect(results[1]).toMatchObject({ decision: "explicitDeny", guardrail: { code: "AccessDenied" } });
  });
});
