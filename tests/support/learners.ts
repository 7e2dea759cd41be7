// Learners and decks for data-access tests: call only after setUpTempDatabase().
import type { CardDraft } from "@/lib/notes/types.ts";

export interface TestUser {
  id: string;
  email: string;
  name: string | null;
  role: "learner";
  timeZone: string;
}

export async function createLearner(email: string, timeZone = "UTC"): Promise<TestUser> {
  const { prisma } = await import("@/lib/db/client.ts");
  const row = await prisma.user.create({ data: { email, timeZone } });
  return { id: row.id, email: row.email, name: null, role: "learner", timeZone };
}

/**
 * Imports one deck of basic cards into `scope` (a user's id, or "starter") and returns the card
 * ids in the order of `keys`.
 */
export async function importDeck(scope: string, deck: string, keys: readonly string[]): Promise<string[]> {
  const { prisma } = await import("@/lib/db/client.ts");
  const { applyCardImport } = await import("@/lib/db/card-import.ts");
  const file = `${deck}.md`;
  const drafts: CardDraft[] = keys.map((key, i) => ({
    key,
    kind: "basic",
    deckPath: [deck],
    front: `Front ${key}`,
    back: `Back ${key}`,
    tags: [],
    source: { file, line: i + 1 },
    noteKey: `note-${key}`,
  }));
  await applyCardImport({ scope, ownerId: scope === "starter" ? null : scope }, drafts, [file]);
  const cards = await prisma.card.findMany({ where: { scope, key: { in: [...keys] } }, select: { id: true, key: true } });
  const byKey = new Map(cards.map((c) => [c.key, c.id]));
  return keys.map((k) => byKey.get(k)!);
}
