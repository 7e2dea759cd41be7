// The rows of an Anki collection this app uses, read into plain data. Schema 11 (Anki 2.1 to 2.1.27
// and every legacy export) keeps note types and decks as JSON in the `col` row; schema 18 (2.1.28+)
// keeps them in the `notetypes`, `fields`, `templates` and `decks` tables with protobuf configs.
// Notes, cards and revlog are the same in both.
import type Database from "better-sqlite3";
import { AnkiImportError } from "./errors.ts";
import { decodeNotetypeKind, decodeTemplateConfig } from "./protobuf.ts";

export interface AnkiTemplate {
  ord: number;
  name: string;
  qfmt: string;
  afmt: string;
}

export interface AnkiNoteType {
  id: string;
  name: string;
  kind: "normal" | "cloze";
  /** Field names in order (a note's fields follow it). */
  fields: string[];
  templates: AnkiTemplate[];
}

export interface AnkiNote {
  id: string;
  guid: string;
  noteTypeId: string;
  tags: string[];
  fields: string[];
}

export interface AnkiCard {
  id: string;
  noteId: string;
  deckId: string;
  /** The template (or, for cloze, the cloze number − 1) the card shows. */
  ord: number;
  /** 0 new, 1 learning, 2 review, 3 relearning. */
  type: number;
  /** As type, plus −1 suspended, −2/−3 buried, 4 day-learning. */
  queue: number;
  /** New: position; learning: epoch seconds; review: days since the collection's creation. */
  due: number;
  ivl: number;
  factor: number;
  reps: number;
  lapses: number;
  /** JSON; Anki's FSRS keeps the memory state here as `s` (stability), `d` (difficulty). */
  data: string;
}

export interface AnkiRevlog {
  /** Epoch milliseconds of the review. */
  id: number;
  cardId: string;
  /** 1–4; 0 for a manual reschedule. */
  ease: number;
  ivl: number;
  factor: number;
  /** Milliseconds spent answering. */
  time: number;
  /** 0 learn, 1 review, 2 relearn, 3 filtered, 4 manual, 5 rescheduled. */
  type: number;
}

export interface AnkiCollection {
  schema: number;
  /** The collection's creation, epoch seconds: review cards are due `crt + due` days. */
  crt: number;
  noteTypes: Map<string, AnkiNoteType>;
  /** Deck id → path, e.g. ["AWS", "IAM", "STS"]. */
  decks: Map<string, string[]>;
  notes: AnkiNote[];
  cards: AnkiCard[];
  revlog: AnkiRevlog[];
}

export const OLDEST_SCHEMA = 11;
export const NEWEST_SCHEMA = 18;

/** Anki joins deck names with "::" in JSON and with U+001F in the schema-18 table. */
export function deckPathOf(name: string): string[] {
  return name
    .split(/::|\x1f/)
    .map((part) => part.trim())
    .filter((part) => part !== "");
}

export function readCollection(db: Database.Database, file: string): AnkiCollection {
  const col = tryGet(file, () => db.prepare("SELECT ver, crt, models, decks FROM col").get()) as
    { ver: number; crt: number; models: string; decks: string } | undefined;
  if (!col) throw new AnkiImportError("unknown-schema", file, "the collection has no `col` row");
  if (!(col.ver >= OLDEST_SCHEMA && col.ver <= NEWEST_SCHEMA)) {
    throw new AnkiImportError(
      "unknown-schema",
      file,
      `schema version ${col.ver} is not one this importer knows (${OLDEST_SCHEMA} to ${NEWEST_SCHEMA})`,
    );
  }
  const legacy = col.ver < 15 || (col.models ?? "").length > 2;
  const { noteTypes, decks } = legacy ? legacyModels(col.models, col.decks, file) : tableModels(db, file);
  const notes = (
    tryGet(file, () => db.prepare("SELECT id, guid, mid, tags, flds FROM notes ORDER BY id").all()) as Array<{
      id: number;
      guid: string;
      mid: number;
      tags: string;
      flds: string;
    }>
  ).map((n) => ({
    id: String(n.id),
    guid: n.guid,
    noteTypeId: String(n.mid),
    tags: n.tags.split(/\s+/).filter((t) => t !== ""),
    fields: n.flds.split("\x1f"),
  }));
  const cards = (
    tryGet(file, () =>
      db
        .prepare("SELECT id, nid, did, odid, ord, type, queue, due, odue, ivl, factor, reps, lapses, data FROM cards ORDER BY nid, ord")
        .all(),
    ) as Array<Record<string, number | string>>
  ).map((c) => ({
    id: String(c.id),
    noteId: String(c.nid),
    // A card lent to a filtered deck still belongs to its home deck (odid), with its home due (odue).
    deckId: String(Number(c.odid) !== 0 ? c.odid : c.did),
    ord: Number(c.ord),
    type: Number(c.type),
    queue: Number(c.queue),
    due: Number(Number(c.odid) !== 0 && Number(c.odue) !== 0 ? c.odue : c.due),
    ivl: Number(c.ivl),
    factor: Number(c.factor),
    reps: Number(c.reps),
    lapses: Number(c.lapses),
    data: typeof c.data === "string" ? c.data : "",
  }));
  const revlog = (
    tryGet(file, () => db.prepare("SELECT id, cid, ease, ivl, factor, time, type FROM revlog ORDER BY cid, id").all()) as Array<
      Record<string, number>
    >
  ).map((r) => ({
    id: Number(r.id),
    cardId: String(r.cid),
    ease: Number(r.ease),
    ivl: Number(r.ivl),
    factor: Number(r.factor),
    time: Number(r.time),
    type: Number(r.type),
  }));
  return { schema: col.ver, crt: col.crt, noteTypes, decks, notes, cards, revlog };
}

function tryGet<T>(file: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw new AnkiImportError(
      "unknown-schema",
      file,
      `the collection lacks a table or column Anki's format has (${(error as Error).message})`,
    );
  }
}

interface LegacyModel {
  name?: string;
  type?: number;
  flds?: Array<{ name?: string; ord?: number }>;
  tmpls?: Array<{ name?: string; ord?: number; qfmt?: string; afmt?: string }>;
}

function legacyModels(modelsJson: string, decksJson: string, file: string) {
  let models: Record<string, LegacyModel>;
  let deckRows: Record<string, { id?: number; name?: string }>;
  try {
    models = JSON.parse(modelsJson) as Record<string, LegacyModel>;
    deckRows = JSON.parse(decksJson) as Record<string, { id?: number; name?: string }>;
  } catch {
    throw new AnkiImportError("unknown-schema", file, "the collection's note types or decks are not valid JSON");
  }
  const noteTypes = new Map<string, AnkiNoteType>();
  for (const [id, model] of Object.entries(models)) {
    noteTypes.set(id, {
      id,
      name: model.name ?? id,
      kind: model.type === 1 ? "cloze" : "normal",
      fields: [...(model.flds ?? [])].sort((a, b) => (a.ord ?? 0) - (b.ord ?? 0)).map((f) => f.name ?? ""),
      templates: (model.tmpls ?? []).map((t, i) => ({
        ord: t.ord ?? i,
        name: t.name ?? `Card ${i + 1}`,
        qfmt: t.qfmt ?? "",
        afmt: t.afmt ?? "",
      })),
    });
  }
  const decks = new Map<string, string[]>();
  for (const [id, deck] of Object.entries(deckRows)) decks.set(id, deckPathOf(deck.name ?? id));
  return { noteTypes, decks };
}

function tableModels(db: Database.Database, file: string) {
  const noteTypes = new Map<string, AnkiNoteType>();
  const types = tryGet(file, () => db.prepare("SELECT id, name, config FROM notetypes").all()) as Array<{
    id: number;
    name: string;
    config: Buffer;
  }>;
  for (const t of types) {
    noteTypes.set(String(t.id), { id: String(t.id), name: t.name, kind: decodeNotetypeKind(t.config), fields: [], templates: [] });
  }
  const fields = tryGet(file, () => db.prepare("SELECT ntid, ord, name FROM fields ORDER BY ntid, ord").all()) as Array<{
    ntid: number;
    name: string;
  }>;
  for (const f of fields) noteTypes.get(String(f.ntid))?.fields.push(f.name);
  const templates = tryGet(file, () => db.prepare("SELECT ntid, ord, name, config FROM templates ORDER BY ntid, ord").all()) as Array<{
    ntid: number;
    ord: number;
    name: string;
    config: Buffer;
  }>;
  for (const t of templates) noteTypes.get(String(t.ntid))?.templates.push({ ord: t.ord, name: t.name, ...decodeTemplateConfig(t.config) });
  const decks = new Map<string, string[]>();
  for (const d of tryGet(file, () => db.prepare("SELECT id, name FROM decks").all()) as Array<{ id: number; name: string }>) {
    decks.set(String(d.id), deckPathOf(d.name));
  }
  return { noteTypes, decks };
}
