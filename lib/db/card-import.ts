import "server-only";
import type { CardDraft } from "../notes/types.ts";
import { prisma } from "./client.ts";
import { DECK_PATH_SEPARATOR, planImport, type ImportPlan, type StoredCard } from "./import-plan.ts";

export interface ImportCounts {
  created: number;
  updated: number;
  suspended: number;
  unchanged: number;
}

export interface ImportTarget {
  /** A user's id, or STARTER_SCOPE for the starter decks. */
  scope: string;
  ownerId: string | null;
}

const CHUNK = 500;
/** A large vault is written in one transaction; SQLite needs well over Prisma's 5 s default for it. */
const TRANSACTION_TIMEOUT_MS = 10 * 60_000;

async function storedCards(scope: string): Promise<StoredCard[]> {
  const rows = await prisma.card.findMany({
    where: { scope },
    select: {
      id: true, key: true, kind: true, front: true, back: true, tags: true, noteKey: true,
      sourceFile: true, sourceLine: true, suspended: true, deck: { select: { path: true } },
    },
  });
  return rows.map(({ deck, ...card }) => ({ ...card, deckPath: deck.path }));
}

function counts(plan: ImportPlan): ImportCounts {
  return { created: plan.create.length, updated: plan.update.length, suspended: plan.suspend.length, unchanged: plan.unchanged };
}

/** What importing these drafts would do, without writing anything. */
export async function previewCardImport(target: ImportTarget, drafts: CardDraft[], files: string[]) {
  const plan = planImport(await storedCards(target.scope), drafts, files);
  return { counts: counts(plan), plan };
}

/**
 * Creates, updates and suspends cards so the scope matches the drafts of `files`, all in one
 * transaction: a failure leaves what was stored before untouched.
 */
export async function applyCardImport(target: ImportTarget, drafts: CardDraft[], files: string[]): Promise<ImportCounts> {
  const plan = planImport(await storedCards(target.scope), drafts, files);
  if (!plan.create.length && !plan.update.length && !plan.suspend.length) return counts(plan);

  await prisma.$transaction(
    async (tx) => {
      const existingDecks = await tx.deck.findMany({ where: { scope: target.scope }, select: { id: true, path: true } });
      const deckIds = new Map(existingDecks.map((d) => [d.path, d.id]));
      for (const path of plan.deckPaths) {
        if (deckIds.has(path)) continue;
        const name = path.split(DECK_PATH_SEPARATOR).at(-1) ?? path;
        const deck = await tx.deck.create({ data: { scope: target.scope, ownerId: target.ownerId, path, name }, select: { id: true } });
        deckIds.set(path, deck.id);
      }
      const deckId = (path: string) => {
        const id = deckIds.get(path);
        if (!id) throw new Error(`deck "${path}" was not created`);
        return id;
      };
      for (let i = 0; i < plan.create.length; i += CHUNK) {
        await tx.card.createMany({
          data: plan.create.slice(i, i + CHUNK).map(({ deckPath, ...values }) => ({ ...values, scope: target.scope, deckId: deckId(deckPath) })),
        });
      }
      for (const { id, values } of plan.update) {
        const { deckPath, key: _key, ...rest } = values;
        await tx.card.update({ where: { id }, data: { ...rest, deckId: deckId(deckPath), suspended: false } });
      }
      for (let i = 0; i < plan.suspend.length; i += CHUNK) {
        await tx.card.updateMany({ where: { id: { in: plan.suspend.slice(i, i + CHUNK).map((c) => c.id) } }, data: { suspended: true } });
      }
    },
    { timeout: TRANSACTION_TIMEOUT_MS, maxWait: 30_000 },
  );
  return counts(plan);
}
