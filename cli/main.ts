import { loadEnvFiles } from "../lib/load-env-files.ts";
import { CliUsageError, type CliCommand, type CliIO } from "./command.ts";

// The same .env.local and .env the app and setup read, before any command module (and so anything
// that reads the environment, such as the database client) is loaded.
loadEnvFiles();

// Each command module is loaded only when it is asked for, so `--help` stays fast and one
// command's dependencies never slow another.
const commands: Record<string, { summary: string; load: () => Promise<CliCommand> }> = {
  // Commands register here, one line each: name -> summary and lazy loader.
  import: {
    summary: "Import notes (Markdown, Logseq, Obsidian, .zip) as decks of cards",
    load: async () => (await import("./commands/import.ts")).default,
  },
  eval: {
    summary: "evaluate IAM request case(s) (JSON file or -) and print decisions as JSON",
    load: async () => (await import("./commands/eval.ts")).evalCommand,
  },
  scenario: {
    summary: "answer a scenario's questions (YAML/JSON file or -) with the evaluator and print them as JSON",
    load: async () => (await import("./commands/scenario.ts")).scenarioCommand,
  },
  lint: {
    summary: "lint one IAM policy (JSON file or -) and print its findings with lines",
    load: async () => (await import("./commands/lint.ts")).lintCommand,
  },
};

function helpText(): string {
  const names = Object.keys(commands).sort();
  const width = Math.max(8, ...names.map((n) => n.length));
  const lines = names.map((n) => `  ${n.padEnd(width)}  ${commands[n]!.summary}`);
  return [
    "IAM Recall command line",
    "",
    "usage: npm run -s cli -- <command> [options]",
    "       npm run -s cli -- <command> --help",
    "",
    "commands:",
    ...(lines.length ? lines : ["  (none yet)"]),
    "",
  ].join("\n");
}

const io: CliIO = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  },
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.stdout(helpText());
    return 0;
  }
  const entry = commands[name];
  if (!entry) {
    io.stderr(`unknown command "${name}"\n\n${helpText()}`);
    return 2;
  }
  const command = await entry.load();
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout(`${command.summary}\n\nusage: ${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof CliUsageError) {
      io.stderr(`${name}: ${error.message}\nusage: ${command.usage}\n`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
