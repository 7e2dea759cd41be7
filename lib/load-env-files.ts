// Scripts and the CLI read the same .env files Next.js reads, so all of them see one configuration.
import { existsSync } from "node:fs";

export function loadEnvFiles(cwd = process.cwd()): void {
  // Earlier files win: process.loadEnvFile never overwrites a variable that is already set.
  for (const name of [".env.local", ".env"]) {
    const path = `${cwd}/${name}`;
    if (existsSync(path)) process.loadEnvFile(path);
  }
}
