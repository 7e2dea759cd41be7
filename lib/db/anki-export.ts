// A deck (with its subdecks) of the learner's library or the starter decks, as an .apkg for Anki:
// the cards' text as HTML, the learner's own schedule and review log, and the images the cards
// show. Scenario cards are computed when shown and have no fixed text: they are left out and counted.
// The reads happen here; writing the collection and zipping it is handed to `write`, which the
// web route sets to the worker (lib/anki/worker, writeApkgInWorker) and tests may leave in-process.
import "server-only";
import { writeApkg, type AnkiExportInput, type ExportCard, type ExportMedia } from "../anki/index.ts";
import { isUnder } from "../decks/index.ts";
import { DomainError } from "../errors/index.ts";
import { DECK_SEPARATOR, renderCardMarkdown } from "../notes/index.ts";
import { schedulingStateOf } from "../srs/index.ts";
import { cardTags } from "./card-tags.ts";
import { prisma } from "./client.ts";
import { readableScopes } from "./library-scope.ts";
import type { SessionUser } from "./users.ts";

export interface AnkiExport {
  fileName: string;
  bytes: Uint8Array;
  cards: number;
  leftOut: number;
}

/** The .apkg bytes, or why they could not be written (a code for lib/http's table, a message for a person). */
export type ApkgWriter = (
  input: AnkiExportInput,
) => Promise<{ ok: true; bytes: Uint8Array } | { ok: false; code: string; message: string }>;

const writeInProcess: ApkgWriter = (input) => Promise.resolve({ ok: true, bytes: writeApkg(input) });

/**
 * Null when the deck is not one the learner may read (the route answers 404). A writer that fails
 * (busy, too large, crashed) is raised as a DomainError with its code.
 */
export async function exportDeckAsApkg(
  user: Pick<SessionUser, "id">,
  deckId: string,
  now = new Date(),
  write: ApkgWriter = writeInProcess,
): Promise<AnkiExport | null> {
  const deck = await prisma.deck.findFirst({
    where: { id: deckId, scope: { in: readableScopes(user) } },
    select: { scope: true, path: true, name: true },
  });
  if (!deck) return null;
  // The deck and its sub-decks in the same library, by exact path: startsWith ignores case on SQLite
  // (and not on PostgreSQL), so "aws › x" would otherwise come along with "AWS" there.
  const below = await prisma.deck.findMany({
    where: { scope: deck.scope, path: { startsWith: `${deck.path}${DECK_SEPARATOR}` } },
    select: { id: true, path: true },
  });
  const deckIds = [deckId, ...below.filter((d) => isUnder(d.path, deck.path)).map((d) => d.id)];
  const cards = await prisma.card.findMany({
    where: { scope: deck.scope, suspended: false, deckId: { in: deckIds } },
    orderBy: [{ sourceFile: "asc" }, { sourceLine: "asc" }],
    select: {
      id: true,
      key: true,
      kind: true,
      front: true,
      back: true,
      tags: true,
      deck: { select: { path: true } },
      states: { where: { userId: user.id } },
      reviewLogs: {
        where: { userId: user.id },
        orderBy: { review: "asc" },
        select: { review: true, rating: true, durationMs: true, state: true, scheduledDays: true },
      },
    },
  });
  const exported: ExportCard[] = [];
  const hashes = new Set<string>();
  let leftOut = 0;
  for (const card of cards) {
    if (card.kind !== "basic" && card.kind !== "cloze") {
      leftOut += 1;
      continue;
    }
    for (const text of [card.front, card.back]) for (const m of text.matchAll(MEDIA_REF)) hashes.add(m[1]!);
    const state = card.states[0];
    exported.push({
      key: card.key,
      kind: card.kind,
      deckPath: card.deck.path.split(DECK_SEPARATOR),
      front: toHtml(card.front, card.kind === "cloze"),
      back: toHtml(card.back, false),
      tags: cardTags(card.tags),
      state: state ? schedulingStateOf(state) : null,
      suspended: state?.suspended ?? false,
      reviews: card.reviewLogs,
    });
  }
  const media = await prisma.media.findMany({
    where: { scope: deck.scope, sha256: { in: [...hashes] } },
    select: { sha256: true, name: true, bytes: true },
  });
  const names = uniqueNames(media);
  for (const card of exported) {
    card.front = pointAtNames(card.front, names);
    card.back = pointAtNames(card.back, names);
  }
  // Copies the package owns whole, so a worker writer may take them without copying again.
  const files: ExportMedia[] = media.map((m) => ({ name: names.get(m.sha256)!, bytes: new Uint8Array(m.bytes) }));
  const written = await write({ cards: exported, media: files, now });
  if (!written.ok) throw new DomainError(written.code, written.message);
  return {
    fileName: `${deck.name.replace(/[^\w.-]+/g, "_") || "deck"}.apkg`,
    bytes: written.bytes,
    cards: exported.length,
    leftOut,
  };
}

const MEDIA_REF = /\/api\/media\/([0-9a-f]{64})/g;
const CLOZE = /\{\{c(\d+)::([\s\S]*?)\}\}/g;

/**
 * Markdown to the HTML an Anki field holds. Cloze markers are Anki's own syntax, so they are kept
 * out of the markdown renderer (which would render them for this app's review screen) and put back.
 */
function toHtml(markdown: string, cloze: boolean): string {
  if (!cloze) return renderCardMarkdown(markdown).trim();
  const kept: string[] = [];
  const guarded = markdown.replace(CLOZE, (whole: string) => `ankicloze${kept.push(whole) - 1}x`);
  return renderCardMarkdown(guarded)
    .trim()
    .replace(/ankicloze(\d+)x/g, (_w, i: string) => kept[Number(i)] ?? "");
}

function pointAtNames(html: string, names: ReadonlyMap<string, string>): string {
  return html.replace(MEDIA_REF, (whole, hash: string) => {
    const name = names.get(hash);
    return name ? encodeURI(name) : whole;
  });
}

/** Media names as Anki stores them: unique in the package, no folders. */
function uniqueNames(media: ReadonlyArray<{ sha256: string; name: string }>): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set<string>();
  for (const m of media) {
    let name = m.name.replace(/[\\/]/g, "_") || `${m.sha256.slice(0, 16)}.img`;
    if (taken.has(name)) name = `${m.sha256.slice(0, 8)}-${name}`;
    taken.add(name);
    names.set(m.sha256, name);
  }
  return names;
}
