// Builds small Anki packages for tests, as Anki lays them out: a schema-11 collection with its
// note types and decks as JSON, notes, cards and revlog rows, zipped with its media; optionally
// in the current layout (collection.anki21b, zstd, protobuf media map). zstd here writes raw
// (stored) blocks, which every decoder reads: tests need valid frames, not small ones.
import { BinaryWriter, WireType } from "@bufbuild/protobuf/wire";
import Database from "better-sqlite3";
import { zipSync } from "fflate";
import { SCHEMA11_SQL } from "@/lib/anki/index.ts";

export interface TestModel {
  id: number;
  name: string;
  type?: 0 | 1;
  fields: string[];
  templates: Array<{ name: string; qfmt: string; afmt: string }>;
}

export interface TestNote {
  id: number;
  guid: string;
  mid: number;
  fields: string[];
  tags?: string[];
}

export interface TestCard {
  id: number;
  nid: number;
  did: number;
  ord?: number;
  type?: number;
  queue?: number;
  due?: number;
  ivl?: number;
  factor?: number;
  reps?: number;
  lapses?: number;
  data?: string;
}

export interface TestRevlog {
  id: number;
  cid: number;
  ease: number;
  ivl?: number;
  time?: number;
  type?: number;
}

export interface TestCollection {
  crt?: number;
  ver?: number;
  models: TestModel[];
  decks: Array<{ id: number; name: string }>;
  notes: TestNote[];
  cards: TestCard[];
  revlog?: TestRevlog[];
}

export const BASIC: TestModel = {
  id: 100,
  name: "Basic",
  fields: ["Front", "Back"],
  templates: [{ name: "Card 1", qfmt: "{{Front}}", afmt: "{{FrontSide}}<hr id=answer>{{Back}}" }],
};
export const REVERSED: TestModel = {
  id: 101,
  name: "Basic (and reversed card)",
  fields: ["Front", "Back"],
  templates: [
    { name: "Card 1", qfmt: "{{Front}}", afmt: "{{FrontSide}}<hr id=answer>{{Back}}" },
    { name: "Card 2", qfmt: "{{Back}}", afmt: "{{FrontSide}}<hr id=answer>{{Front}}" },
  ],
};
export const OPTIONAL_REVERSE: TestModel = {
  id: 102,
  name: "Basic (optional reversed card)",
  fields: ["Front", "Back", "Add Reverse"],
  templates: [
    { name: "Card 1", qfmt: "{{Front}}", afmt: "{{FrontSide}}<hr id=answer>{{Back}}" },
    { name: "Card 2", qfmt: "{{#Add Reverse}}{{Back}}{{/Add Reverse}}", afmt: "{{FrontSide}}<hr id=answer>{{Front}}" },
  ],
};
export const CLOZE: TestModel = {
  id: 103,
  name: "Cloze",
  type: 1,
  fields: ["Text", "Back Extra"],
  templates: [{ name: "Cloze", qfmt: "{{cloze:Text}}", afmt: "{{cloze:Text}}<br>{{Back Extra}}" }],
};

export function buildCollection(spec: TestCollection): Uint8Array {
  const db = new Database(":memory:");
  try {
    db.exec(SCHEMA11_SQL);
    const models = Object.fromEntries(
      spec.models.map((m) => [
        m.id,
        {
          id: m.id,
          name: m.name,
          type: m.type ?? 0,
          flds: m.fields.map((name, ord) => ({ name, ord })),
          tmpls: m.templates.map((t, ord) => ({ ...t, ord })),
        },
      ]),
    );
    const decks = Object.fromEntries(spec.decks.map((d) => [d.id, { id: d.id, name: d.name }]));
    db.prepare(`INSERT INTO col VALUES (1, ?, 0, 0, ?, 0, 0, 0, '{}', ?, ?, '{}', '{}')`).run(
      spec.crt ?? 1_700_000_000,
      spec.ver ?? 11,
      JSON.stringify(models),
      JSON.stringify(decks),
    );
    const note = db.prepare(`INSERT INTO notes VALUES (?, ?, ?, 0, 0, ?, ?, '', 0, 0, '')`);
    for (const n of spec.notes) note.run(n.id, n.guid, n.mid, ` ${(n.tags ?? []).join(" ")} `, n.fields.join("\x1f"));
    const card = db.prepare(`INSERT INTO cards VALUES (?, ?, ?, ?, 0, 0, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, ?)`);
    for (const c of spec.cards) {
      card.run(
        c.id,
        c.nid,
        c.did,
        c.ord ?? 0,
        c.type ?? 0,
        c.queue ?? c.type ?? 0,
        c.due ?? 1,
        c.ivl ?? 0,
        c.factor ?? 0,
        c.reps ?? 0,
        c.lapses ?? 0,
        c.data ?? "{}",
      );
    }
    const log = db.prepare(`INSERT INTO revlog VALUES (?, ?, 0, ?, ?, 0, 2500, ?, ?)`);
    for (const r of spec.revlog ?? []) log.run(r.id, r.cid, r.ease, r.ivl ?? 1, r.time ?? 5000, r.type ?? 1);
    return new Uint8Array(db.serialize());
  } finally {
    db.close();
  }
}

/** A legacy package: collection.anki21, media as numbered entries with a JSON map. */
export function legacyApkg(spec: TestCollection, media: Record<string, Uint8Array> = {}): Uint8Array {
  const files: Record<string, Uint8Array> = { "collection.anki21": buildCollection(spec) };
  const map: Record<string, string> = {};
  Object.entries(media).forEach(([name, bytes], i) => {
    files[String(i)] = bytes;
    map[String(i)] = name;
  });
  files.media = new TextEncoder().encode(JSON.stringify(map));
  return zipSync(files);
}

/** The current layout: everything zstd-compressed, the media map in protobuf. */
export function currentApkg(spec: TestCollection, media: Record<string, Uint8Array> = {}): Uint8Array {
  const files: Record<string, Uint8Array> = { "collection.anki21b": zstdStored(buildCollection(spec)), meta: new Uint8Array([0x08, 0x03]) };
  const writer = new BinaryWriter();
  Object.entries(media).forEach(([name, bytes], i) => {
    files[String(i)] = zstdStored(bytes);
    writer
      .tag(1, WireType.LengthDelimited)
      .fork()
      .tag(1, WireType.LengthDelimited)
      .string(name)
      .tag(2, WireType.Varint)
      .uint32(bytes.length)
      .join();
  });
  files.media = zstdStored(writer.finish());
  return zipSync(files);
}

/** A zstd frame of raw blocks (RFC 8878 §3.1.1): magic, a header with no size, blocks of ≤128 KB. */
export function zstdStored(bytes: Uint8Array): Uint8Array {
  const MAX = 128 * 1024;
  const parts: number[] = [0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x58];
  // Descriptor 0x00: no checksum, no content size, a window descriptor follows (0x58: a 2 MB window).
  const out: Uint8Array[] = [new Uint8Array(parts)];
  let at = 0;
  do {
    const chunk = bytes.subarray(at, at + MAX);
    at += chunk.length;
    const last = at >= bytes.length ? 1 : 0;
    const header = (chunk.length << 3) | (0 << 1) | last;
    out.push(new Uint8Array([header & 0xff, (header >> 8) & 0xff, (header >> 16) & 0xff]), chunk);
  } while (at < bytes.length);
  const total = out.reduce((n, p) => n + p.length, 0);
  const frame = new Uint8Array(total);
  let offset = 0;
  for (const p of out) {
    frame.set(p, offset);
    offset += p.length;
  }
  return frame;
}

/** One red pixel, a real PNG. */
export const PNG = Uint8Array.from(
  Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==", "base64"),
);
