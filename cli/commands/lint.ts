// `lint <file|->`: the policy linter's findings for one policy, as `file:line:col kind code message`
// lines or as JSON. Exit code 1 when any finding is an error (the policy is malformed or cannot do
// what it says), so scripts and CI can gate on it.

import { readFile } from "node:fs/promises";
import { CliUsageError, type CliCommand } from "../command.ts";
import { formatFindingLine, LINT_PLACES, lintPolicy, MAX_POLICY_CHARS, type LintPlace } from "../../lib/iam/lint/index.ts";
import { loadLintCatalogue } from "../../lib/iam/lint/catalogue.node.ts";

interface Args {
  file: string;
  place: LintPlace;
  json: boolean;
}

function parseArgs(args: string[]): Args {
  let place: LintPlace = "identity";
  let json = false;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--json") json = true;
    else if (arg === "--place" || arg.startsWith("--place=")) {
      const value = arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : args[++i];
      if (!value || !(LINT_PLACES as readonly string[]).includes(value)) {
        throw new CliUsageError(`--place must be one of ${LINT_PLACES.join(", ")}${value ? `, not "${value}"` : ""}`);
      }
      place = value as LintPlace;
    } else if (arg.startsWith("--")) throw new CliUsageError(`unknown option ${arg}`);
    else files.push(arg);
  }
  if (files.length !== 1) throw new CliUsageError("give exactly one policy file name, or - for standard input");
  return { file: files[0]!, place, json };
}

export const lintCommand: CliCommand = {
  name: "lint",
  summary: "lint one IAM policy (JSON file or -): errors, security warnings, warnings and suggestions with their lines",
  usage: `npm run -s cli -- lint <file|-> [--place ${LINT_PLACES.join("|")}] [--json]   (see docs/linter.md)`,
  async run(args, io) {
    const { file, place, json } = parseArgs(args);
    const name = file === "-" ? "<stdin>" : file;
    let text: string;
    try {
      text = file === "-" ? await io.readStdin() : await readFile(file, "utf8");
    } catch (error) {
      io.stderr(`lint: ${name}: cannot read: ${(error as Error).message}\n`);
      return 1;
    }
    if (text.length > MAX_POLICY_CHARS) {
      io.stderr(`lint: ${name}: ${text.length} characters; a policy to lint may have at most ${MAX_POLICY_CHARS}\n`);
      return 1;
    }
    const findings = lintPolicy(text, { place, catalogue: await loadLintCatalogue(text) });
    if (json) io.stdout(`${JSON.stringify({ file: name, place, findings }, null, 2)}\n`);
    else {
      for (const finding of findings) io.stdout(`${formatFindingLine(name, finding)}\n`);
      if (findings.length === 0) io.stderr(`lint: ${name}: no findings\n`);
    }
    return findings.some((f) => f.kind === "error") ? 1 : 0;
  },
};
