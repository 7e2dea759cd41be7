// A Prisma filter for "the column holds this text, whatever its case", on the engine that runs.
// SQLite's LIKE already ignores case (ASCII letters); PostgreSQL's does not, and Prisma's
// `mode: "insensitive"` (ILIKE) exists only in the PostgreSQL client, so the filter is built here.
import "server-only";
import { env } from "../../env.ts";
import { engineNameOf } from "./select.ts";

export function containsIgnoringCase(text: string): { contains: string } {
  if (engineNameOf(env().DATABASE_URL) === "postgresql") return { contains: text, mode: "insensitive" } as { contains: string };
  return { contains: text };
}
