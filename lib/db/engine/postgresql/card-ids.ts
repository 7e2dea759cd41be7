// Card ids by key within one scope, read in one statement for the bulk writes that address cards by key.
import "server-only";
import type pg from "pg";

export async function cardIdsByKey(client: pg.ClientBase, scope: string, keys: readonly string[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const { rows } = await client.query<{ id: string; key: string }>(
    `SELECT id, key FROM "Card" WHERE scope = $1 AND key = ANY($2::text[])`,
    [scope, keys],
  );
  return new Map(rows.map((row) => [row.key, row.id]));
}
