// A read thread: its own read-only connection to the database file (given in workerData), one
// query at a time, the rows sent back. A failing query is answered as a failure; the thread lives on.
import { parentPort, workerData } from "node:worker_threads";
import type { Statement } from "better-sqlite3";
import type { ReadReply, ReadRequest } from "./read-messages.ts";
import { openReader } from "./reader.node.ts";

const port = parentPort;
if (port) {
  const db = openReader((workerData as { file: string }).file);
  const statements = new Map<string, Statement>();
  port.on("message", ({ id, sql, params }: ReadRequest) => {
    let reply: ReadReply;
    try {
      let statement = statements.get(sql);
      if (!statement) {
        statement = db.prepare(sql);
        statements.set(sql, statement);
      }
      reply = { id, ok: true, rows: statement.all(...params) };
    } catch (error) {
      reply = { id, ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply);
  });
}
