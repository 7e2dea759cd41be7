// A write the database itself refuses, for tests that an operation is all or nothing: a trigger
// that aborts the statement it fires on, as a constraint failure or a full disk would, so the
// engine's own writes are what fails. Each engine spells triggers its own way.
import { databaseTools } from "../../lib/db/engine/tools.node.ts";
import { withDatabase } from "./database.ts";

export interface ForcedFailure {
  /** The trigger's name: letters, digits and underscores. */
  name: string;
  event: "INSERT" | "UPDATE";
  table: string;
  message: string;
  /** Only rows whose column holds this number fail. */
  when?: { column: string; equals: number };
}

function checkName(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/i.test(name)) throw new Error(`forced failure: "${name}" is not a plain trigger name`);
  return name;
}

const quoted = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** Makes the database at `url` refuse the writes `failure` names, until `stopFailing` removes it. */
export async function failWrites(url: string, failure: ForcedFailure): Promise<void> {
  const name = checkName(failure.name);
  const { event, table, message, when } = failure;
  await withDatabase(url, async (db) => {
    if (databaseTools(url).name === "sqlite") {
      const condition = when ? `WHEN NEW."${when.column}" = ${Number(when.equals)}` : "";
      await db.run(`CREATE TRIGGER ${name} BEFORE ${event} ON "${table}" ${condition} BEGIN SELECT RAISE(ABORT, ${quoted(message)}); END`);
      return;
    }
    await db.run(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION ${quoted(message)}; END $$`);
    const condition = when ? `WHEN (NEW."${when.column}" = ${Number(when.equals)})` : "";
    await db.run(`CREATE TRIGGER ${name} BEFORE ${event} ON "${table}" FOR EACH ROW ${condition} EXECUTE FUNCTION ${name}()`);
  });
}

/** Removes a forced failure; one never made is no error. */
export async function stopFailing(url: string, name: string): Promise<void> {
  checkName(name);
  await withDatabase(url, async (db) => {
    // On PostgreSQL the trigger goes with its function.
    await db.run(databaseTools(url).name === "sqlite" ? `DROP TRIGGER IF EXISTS ${name}` : `DROP FUNCTION IF EXISTS ${name}() CASCADE`);
  });
}
