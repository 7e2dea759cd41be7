// Claims across app servers: a session advisory lock, taken on a connection of the claim's own and
// held while the work runs. Ending that connection frees the lock, so a server that dies mid-run
// (or loses its network) leaves nothing to clean up: the database frees the claim when it sees the
// session end. Not on the shared pool, whose connections go back to other requests between queries.
import "server-only";
import pg from "pg";
import { DATABASE_BUSY_WAIT_MS } from "../../database-busy.ts";
import type { Claim, Claims } from "../ports.ts";
import { lockKey } from "./lock-keys.ts";

/** Shown in pg_stat_activity, so an operator can tell a claim's connection from the pool's. */
export const CLAIM_APPLICATION_NAME = "iam-recall-claim";

export function postgresClaims(connectionString: string): Claims {
  // Claims this process holds or is taking: a second claim of one key here is refused before any
  // connection is made, in the order the claims were asked for (the first asker wins, as on SQLite).
  const local = new Set<string>();
  return {
    async tryClaim(kind: string, key: string): Promise<Claim | null> {
      const id = lockKey(kind, key);
      if (local.has(id)) return null;
      local.add(id);
      try {
        const claim = await serverClaim(connectionString, id);
        if (!claim) local.delete(id);
        return claim && { release: () => claim.release().finally(() => local.delete(id)) };
      } catch (error) {
        local.delete(id);
        throw error;
      }
    },
  };
}

/** The advisory lock named `id`, on a connection of its own, or null when another session holds it. */
async function serverClaim(connectionString: string, id: string): Promise<Claim | null> {
  const client = new pg.Client({
    connectionString,
    application_name: CLAIM_APPLICATION_NAME,
    connectionTimeoutMillis: DATABASE_BUSY_WAIT_MS,
  });
  // A connection that drops while held must not end the process: the server has freed the claim.
  client.on("error", () => {});
  await client.connect();
  let claimed = false;
  try {
    const { rows } = await client.query<{ claimed: boolean }>("SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS claimed", [id]);
    claimed = rows[0]?.claimed === true;
  } finally {
    if (!claimed) await client.end().catch(() => {});
  }
  if (!claimed) return null;
  let released: Promise<void> | undefined;
  return {
    // Ending the session frees its advisory locks; no unlock statement is needed, and none can fail.
    release: () => (released ??= client.end().catch(() => {})),
  };
}
