// An .apkg that Anki imports: a schema-11 collection (collection.anki21) and a JSON media map, the
// layout Anki 2.1 wrote and every current Anki still reads. Each card becomes one note (Basic, or
// Cloze with one deletion number) in its deck path, with its tags, its schedule (new, learning or
// review with Anki's due, interval and FSRS memory state in cards.data) and its review log.
// A card that came from Anki keeps its note's guid and its ord, so importing it back into Anki or
// here updates the same card.
import { createHash } from "node:crypto";
import Database from "better-sqlite3";
import { zipSync } from "fflate";
import { CardStateCode, type SchedulingState } from "../srs/index.ts";
import type { AnkiCard } from "./collection.ts";
import { BASIC_MODEL_ID, CLOZE_MODEL_ID, COLLECTION_CONF, SCHEMA11_SQL, deckConfigJson, deckJson, models } from "./schema11.ts";

const DAY_S = 86_400;

export interface ExportReview {
  /** Epoch ms. */
  review: Date;
  rating: number;
  durationMs: number;
  /** The card's state code before the grade (ReviewLog.state). */
  state: number;
  scheduledDays: number;
}

export interface ExportCard {
  key: string;
  kind: "basic" | "cloze";
  deckPath: string[];
  /** HTML, as Anki fields hold it. */
  front: string;
  back: string;
  tags: string[];
  state: SchedulingState | null;
  suspended: boolean;
  reviews: ExportReview[];
}

export interface ExportMedia {
  name: string;
  bytes: Uint8Array;
}

export interface AnkiExportInput {
  cards: ExportCard[];
  media: ExportMedia[];
  now: Date;
}

const ANKI_KEY = /^anki:(.+):(\d+)$/;
/** Between a note's guid and a card's ord in the guid of a note exported for that one card. */
export const ORD_SUFFIX = "::ord";

export function writeApkg(input: AnkiExportInput): Uint8Array {
  const nowS = Math.floor(input.now.getTime() / 1000);
  const earliest = Math.min(nowS, ...input.cards.flatMap((c) => (c.state ? [Math.floor(c.state.due.getTime() / 1000)] : [])));
  // The collection's day 0: a UTC midnight before every due date, so every review day is positive.
  const crt = Math.floor(earliest / DAY_S) * DAY_S - DAY_S;
  const db = new Database(":memory:");
  try {
    db.exec(SCHEMA11_SQL);
    const decks = deckIds(input.cards, nowS);
    const deckRows: Record<string, unknown> = { 1: deckJson(1, "Default", nowS) };
    for (const [name, id] of decks) deckRows[id] = deckJson(id, name, nowS);
    db.prepare(`INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, '{}')`).run(
      crt,
      nowS * 1000,
      nowS * 1000,
      JSON.stringify(COLLECTION_CONF),
      JSON.stringify(models(nowS)),
      JSON.stringify(deckRows),
      JSON.stringify(deckConfigJson(nowS)),
    );
    const insertNote = db.prepare(`INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, '')`);
    const insertCard = db.prepare(`INSERT INTO cards VALUES (?, ?, ?, ?, ?, -1, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, ?)`);
    const insertLog = db.prepare(`INSERT INTO revlog VALUES (?, ?, -1, ?, ?, 0, ?, ?, ?)`);
    const usedIds = new Set<number>();
    const uniqueId = (wanted: number) => {
      let id = wanted;
      while (usedIds.has(id)) id += 1;
      usedIds.add(id);
      return id;
    };
    const base = nowS * 1000;
    input.cards.forEach((card, i) => {
      const fromAnki = ANKI_KEY.exec(card.key);
      // One note per card, so a note's second card (a reverse, a second cloze) needs a guid of its
      // own; it carries the card's ord, which the importer reads back (build.ts, noteIdentity).
      const ankiOrd = fromAnki ? Number(fromAnki[2]) : 0;
      const guid = fromAnki
        ? ankiOrd === 0
          ? fromAnki[1]!
          : `${fromAnki[1]!}${ORD_SUFFIX}${ankiOrd}`
        : createHash("sha256").update(card.key).digest("base64url").slice(0, 10);
      const ord = card.kind === "cloze" ? ankiOrd : 0;
      const front = card.kind === "cloze" && !fromAnki ? renumberClozes(card.front) : card.front;
      const noteId = uniqueId(base + i * 2);
      const cardId = uniqueId(base + i * 2 + 1);
      const tags = card.tags.length ? ` ${card.tags.map((t) => t.replace(/\s+/g, "_")).join(" ")} ` : "";
      insertNote.run(
        noteId,
        guid,
        card.kind === "cloze" ? CLOZE_MODEL_ID : BASIC_MODEL_ID,
        nowS,
        tags,
        `${front}\x1f${card.back}`,
        stripHtml(front),
        checksum(stripHtml(front)),
      );
      const s = schedule(card.state, card.suspended, crt, i);
      insertCard.run(
        cardId,
        noteId,
        decks.get(card.deckPath.join("::")) ?? 1,
        ord,
        nowS,
        s.type,
        s.queue,
        s.due,
        s.ivl,
        s.factor,
        s.reps,
        s.lapses,
        s.data,
      );
      for (const review of card.reviews) {
        insertLog.run(
          uniqueId(review.review.getTime()),
          cardId,
          review.rating,
          review.scheduledDays,
          2500,
          review.durationMs,
          revlogType(review.state),
        );
      }
    });
    const collection = db.serialize();
    const files: Record<string, Uint8Array> = { "collection.anki21": new Uint8Array(collection) };
    const map: Record<string, string> = {};
    input.media.forEach((m, i) => {
      files[String(i)] = m.bytes;
      map[String(i)] = m.name;
    });
    files.media = new TextEncoder().encode(JSON.stringify(map));
    return zipSync(files, { level: 6 });
  } finally {
    db.close();
  }
}

function deckIds(cards: readonly ExportCard[], nowS: number): Map<string, number> {
  const ids = new Map<string, number>();
  let next = nowS * 1000 + 500_000;
  for (const card of cards) {
    // Every level of a path is a deck in Anki, parents included.
    for (let depth = 1; depth <= card.deckPath.length; depth++) {
      const name = card.deckPath.slice(0, depth).join("::");
      if (!ids.has(name)) ids.set(name, next++);
    }
  }
  return ids;
}

/** The scheduling columns of an Anki card row, as the reader (collection.ts) names them. */
type AnkiSchedule = Pick<AnkiCard, "type" | "queue" | "due" | "ivl" | "factor" | "reps" | "lapses" | "data">;

function schedule(state: SchedulingState | null, suspended: boolean, crt: number, position: number): AnkiSchedule {
  const queueOf = (queue: number) => (suspended ? -1 : queue);
  if (!state || state.state === CardStateCode.New) {
    return { type: 0, queue: queueOf(0), due: position + 1, ivl: 0, factor: 0, reps: 0, lapses: 0, data: "{}" };
  }
  const memory = JSON.stringify({
    s: round(state.stability),
    d: round(state.difficulty),
    dr: 0.9,
    ...(state.lastReview ? { lrt: Math.floor(state.lastReview.getTime() / 1000) } : {}),
  });
  const dueS = Math.floor(state.due.getTime() / 1000);
  if (state.state === CardStateCode.Review) {
    return {
      type: 2,
      queue: queueOf(2),
      due: Math.floor((dueS - crt) / DAY_S),
      ivl: Math.max(1, state.scheduledDays),
      factor: 2500,
      reps: state.reps,
      lapses: state.lapses,
      data: memory,
    };
  }
  // Learning and relearning: due is a time, in epoch seconds (queue 1).
  return {
    type: state.state === CardStateCode.Relearning ? 3 : 1,
    queue: queueOf(1),
    due: dueS,
    ivl: 0,
    factor: 2500,
    reps: state.reps,
    lapses: state.lapses,
    data: memory,
  };
}

/** ReviewLog.state is the card's state before the grade: New/Learning → learn, Review → review, Relearning → relearn. */
function revlogType(state: number): number {
  if (state === CardStateCode.Review) return 1;
  if (state === CardStateCode.Relearning) return 2;
  return 0;
}

/** This app hides every deletion of a cloze card at once; in Anki that is one card, cloze 1. */
function renumberClozes(text: string): string {
  return text.replace(/\{\{c\d+::/g, "{{c1::");
}

function stripHtml(html: string): string {
  return html.replace(/<[^>]*>/g, "").trim();
}

/** Anki's duplicate check: the first 8 hex digits of the sort field's SHA-1, as an integer. */
function checksum(text: string): number {
  return parseInt(createHash("sha1").update(text).digest("hex").slice(0, 8), 16);
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
