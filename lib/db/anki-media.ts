// An imported image, for the one who may see it: its owner, or any learner when it belongs to the
// starter decks. Anyone else is answered as if it did not exist.
import "server-only";
import { prisma } from "./client.ts";
import { readableScopes } from "./library-scope.ts";
import type { SessionUser } from "./users.ts";

export interface StoredMedia {
  mime: string;
  bytes: Uint8Array;
}

export async function readMedia(user: Pick<SessionUser, "id">, sha256: string): Promise<StoredMedia | null> {
  if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
  const row = await prisma.media.findFirst({ where: { sha256, scope: { in: readableScopes(user) } }, select: { mime: true, bytes: true } });
  return row ? { mime: row.mime, bytes: new Uint8Array(row.bytes) } : null;
}
