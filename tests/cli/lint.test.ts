// The `lint` CLI command: text lines `file:line:col kind code message`, --json, --place, and an exit
// code of 1 exactly when a finding is an error.

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CliUsageError } from "../../cli/command.ts";
import { lintCommand } from "../../cli/commands/lint.ts";

function io(stdin = "") {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: { stdout: (t: string) => void out.push(t), stderr: (t: string) => void err.push(t), readStdin: async () => stdin },
  };
}

const typo =
  '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "s3:GetObjekt", "Resource": "arn:aws:s3:::b/*"}\n  ]\n}\n';
const passRole = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "iam:PassRole", Resource: "*" }] });

describe("lint command", () => {
  it("prints one line per finding and exits 1 on an error", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lint-"));
    const file = join(dir, "policy.json");
    writeFileSync(file, typo);
    const t = io();
    expect(await lintCommand.run([file], t.io)).toBe(1);
    expect(t.out.join("")).toBe(
      `${file}:4:35 error INVALID_ACTION "s3:GetObjekt" is not an action of the s3 service: did you mean s3:GetObject? An unknown action matches no request, so the statement never applies to the call you meant.\n`,
    );
  });

  it("exits 0 when the findings are warnings only, and prints JSON with --json", async () => {
    const t = io(passRole);
    expect(await lintCommand.run(["-", "--json"], t.io)).toBe(0);
    const output = JSON.parse(t.out.join(""));
    expect(output).toMatchObject({ file: "<stdin>", place: "identity" });
    expect(output.findings).toEqual([
      expect.objectContaining({ kind: "security", code: "PASS_ROLE_WITH_STAR_IN_RESOURCE", path: "Statement[0].Resource", line: 1 }),
    ]);
  });

  it("lints for the place given with --place", async () => {
    const bucket = JSON.stringify({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" }],
    });
    const asIdentity = io(bucket);
    expect(await lintCommand.run(["-"], asIdentity.io)).toBe(0);
    expect(asIdentity.err.join("")).toContain("no findings");
    const asResource = io(bucket);
    expect(await lintCommand.run(["-", "--place", "resource"], asResource.io)).toBe(1);
    expect(asResource.out.join("")).toContain("error MISSING_PRINCIPAL");
  });

  it("refuses an unknown place, and a missing file with a message naming it", async () => {
    await expect(lintCommand.run(["-", "--place", "bucket"], io().io)).rejects.toThrow(CliUsageError);
    const t = io();
    expect(await lintCommand.run(["/nonexistent/policy.json"], t.io)).toBe(1);
    expect(t.err.join("")).toMatch(/^lint: \/nonexistent\/policy\.json: cannot read/);
  });
});
