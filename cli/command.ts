/** One CLI command: `npm run -s cli -- <name> [args]`. `run` returns the process exit code. */
export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  run(args: string[], io: CliIO): Promise<number>;
}

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads all of standard input (for `-` as a file name). */
  readStdin(): Promise<string>;
}

/** An error whose message is meant for the person at the terminal; printed without a stack. */
export class CliUsageError extends Error {}
