// `scenario <file>`: validates a scenario (YAML or JSON), answers its questions with lib/iam, and
// prints the questions, answers, deciding statements and explanations as JSON. `--cards` adds the
// rendered front and back of each card. Exit 1 on an invalid scenario, naming the file and the path.

import { readFile } from "node:fs/promises";
import { CliUsageError, type CliCommand } from "../command.ts";
import { answerScenario, parseScenario, renderScenarioCards, ScenarioError } from "../../lib/scenarios/index.ts";
import { catalogueFor } from "../../lib/scenarios/scenario-files.node.ts";

const NOW = "2025-01-15T12:00:00Z";

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export const scenarioCommand: CliCommand = {
  name: "scenario",
  summary: "answer a scenario's questions (YAML or JSON file, or -) with the evaluator and print them as JSON",
  usage: `npm run -s cli -- scenario <file|-> [--now ISO-8601 (default ${NOW})] [--seed N (default 1)] [--cards] [--compact]   (see docs/scenarios.md)`,
  async run(args, io) {
    const valued = new Set(["--now", "--seed"]);
    const files = args.filter((a, i) => !a.startsWith("--") && !valued.has(args[i - 1] ?? ""));
    if (files.length !== 1) throw new CliUsageError("give exactly one scenario file, or - for standard input");
    const file = files[0]!;
    const name = file === "-" ? "<stdin>" : file;
    const now = option(args, "--now") ?? NOW;
    if (!Number.isFinite(Date.parse(now))) throw new CliUsageError(`--now ${now} is not an ISO 8601 time`);
    const seedText = option(args, "--seed") ?? "1";
    const seed = /^\d+$/.test(seedText) ? Number(seedText) : seedText;
    let text: string;
    try {
      text = file === "-" ? await io.readStdin() : await readFile(file, "utf8");
    } catch (error) {
      io.stderr(`scenario: ${name}: cannot read: ${(error as Error).message}\n`);
      return 1;
    }
    try {
      const scenario = parseScenario(text);
      const catalogue = await catalogueFor(scenario);
      const answered = answerScenario(scenario, { now, seed, ...(catalogue ? { catalogue } : {}) });
      const output = args.includes("--cards") ? { ...answered, cards: renderScenarioCards(answered) } : answered;
      io.stdout(`${JSON.stringify(output, null, args.includes("--compact") ? 0 : 2)}\n`);
      return 0;
    } catch (error) {
      if (error instanceof ScenarioError) {
        io.stderr(`scenario: ${name}: ${error.describe()}\n`);
        return 1;
      }
      throw error;
    }
  },
};

export default scenarioCommand;
