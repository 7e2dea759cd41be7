// What the tooling reads from a postgresql:// DATABASE_URL: the database it names, the same server's
// other databases, and a form safe to print (a server URL can hold a password).

function parse(databaseUrl: string): URL {
  try {
    return new URL(databaseUrl);
  } catch {
    throw new Error("DATABASE_URL is not a valid postgresql:// URL, e.g. postgresql://user:password@localhost:5432/iam_recall");
  }
}

/** The database the URL names; the app creates and migrates it, so a name is required. */
export function databaseNameOf(databaseUrl: string): string {
  const name = decodeURIComponent(parse(databaseUrl).pathname.replace(/^\//, ""));
  if (!name) throw new Error("DATABASE_URL names no database: add one after the server, e.g. postgresql://localhost:5432/iam_recall");
  return name;
}

/** The same server and credentials, on another database (e.g. `postgres` to create the app's own). */
export function urlOnDatabase(databaseUrl: string, database: string): string {
  const url = parse(databaseUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

/** The URL without its password, for messages and logs. */
export function shownUrl(databaseUrl: string): string {
  const url = parse(databaseUrl);
  if (url.password) url.password = "***";
  return url.toString();
}

/** host:port, for messages. */
export function serverOf(databaseUrl: string): string {
  const url = parse(databaseUrl);
  return `${url.hostname || "localhost"}:${url.port || "5432"}`;
}

/** An identifier quoted for PostgreSQL, for the statements that take no parameters (CREATE DATABASE). */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
