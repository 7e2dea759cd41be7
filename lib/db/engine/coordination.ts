// Claims and transaction locks (ports.ts, Coordination) of the engine DATABASE_URL names: data-access
// code asks here and never learns whether one process or the database holds them.
import "server-only";
import { env } from "../../env.ts";
import type { Coordination } from "./ports.ts";
import { postgresqlCoordination } from "./postgresql/coordination.ts";
import { engineNameOf } from "./select.ts";
import { sqliteCoordination } from "./sqlite/coordination.ts";

const globalForCoordination = globalThis as unknown as { iamRecallCoordination?: { url: string; coordination: Coordination } };

export function databaseCoordination(): Coordination {
  const url = env().DATABASE_URL;
  const cached = globalForCoordination.iamRecallCoordination;
  if (cached && cached.url === url) return cached.coordination;
  const coordination = engineNameOf(url) === "postgresql" ? postgresqlCoordination(url) : sqliteCoordination();
  globalForCoordination.iamRecallCoordination = { url, coordination };
  return coordination;
}

export type { Claim, Claims, Coordination, TransactionLocks } from "./ports.ts";
