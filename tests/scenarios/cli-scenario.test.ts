// The `scenario` CLI command: JSON out for a valid file; the file and the path of the problem, and
// exit 1, for an invalid one.

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { scenarioCommand } from "../../cli/commands/scenario.ts";
import { SEED_DIR } from "./support.ts";

function io(stdin = "") {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: { stdout: (t: string) => void out.push(t), stderr: (t: string) => void err.push(t), readStdin: async () => stdin },
  };
}

describe("scenario command", () => {
  it("prints the computed questions, answers and explanations as JSON", async () => {
    const t = io();
    expect(await scenarioCommand.run([`${SEED_DIR}iam-and-bucket-example-4-role-denies.yaml`, "--cards"], t.io)).toBe(0);
    const output = JSON.parse(t.out.join(""));
    expect(output.title).toMatch(/Example 4/);
    expect(output.questions[2].answer.text).toBe("Explicitly denied by an identity-based policy");
    expect(output.questions[2].explanation.at(-1)).toMatch(/^Decision: explicitly denied/);
    expect(output.cards).toHaveLength(3);
  });

  it("names the file and the path, and exits 1, for an invalid scenario", async () => {
    const dir = mkdtempSync(join(tmpdir(), "scenario-cli-"));
    const file = join(dir, "bad.yaml");
    writeFileSync(
      file,
      "title: t\ndeck: [S]\naccounts:\n  - id: '111122223333'\n    roles:\n      - name: R\n        trustPolicy: { Statement: [{ Effect: Permit, Principal: '*', Action: 'sts:AssumeRole' }] }\nquestions: [{ kind: summary, policy: trust/R }]\n",
    );
    const t = io();
    expect(await scenarioCommand.run([file], t.io)).toBe(1);
    expect(t.err.join("")).toMatch(
      new RegExp(`^scenario: ${file}: accounts\\[0\\]\\.roles\\[0\\]\\.trustPolicy\\.Statement\\[0\\]\\.Effect: `),
    );
  });

  it("reads standard input with -", async () => {
    const t = io(
      "title: t\ndeck: [S]\naccounts: [{ id: '111122223333', users: [{ name: u }] }]\nsteps: [{ id: r, request: { as: { user: u }, action: 's3:GetObject', resource: '*' } }]\nquestions: [{ kind: allowed, step: r }]\n",
    );
    expect(await scenarioCommand.run(["-", "--compact"], t.io)).toBe(0);
    expect(JSON.parse(t.out.join("")).questions[0].answer.value).toEqual({ kind: "allowed", allowed: false, outcome: "implicitDeny" });
  });
});
