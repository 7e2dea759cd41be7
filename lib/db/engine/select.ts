// The one place that reads which engine a DATABASE_URL names.
import type { EngineName } from "./ports.ts";

export function engineNameOf(databaseUrl: string): EngineName {
  if (databaseUrl.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//i.test(databaseUrl)) return "postgresql";
  // Only the scheme is shown: the rest of a server URL can hold a password.
  const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(databaseUrl)?.[0] ?? "(no scheme)";
  throw new Error(
    `DATABASE_URL starts with ${scheme}, which names no database this app runs on: use a SQLite file: URL or a postgresql:// URL`,
  );
}
