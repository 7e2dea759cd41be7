// The few protobuf messages of Anki's current format this importer reads, decoded field by field
// with @bufbuild/protobuf's wire reader (no generated code: each message needs two or three fields).
// Field numbers are those of Anki's proto/anki/*.proto.
import { BinaryReader, WireType } from "@bufbuild/protobuf/wire";

export interface MediaEntry {
  /** The media file's name as notes reference it. */
  name: string;
  /** The zip entry holding it: the entry's index unless the exporter said otherwise. */
  zipName: string;
}

/** import_export.proto: MediaEntries { repeated MediaEntry entries = 1 }, MediaEntry { string name = 1; uint32 size = 2; bytes sha1 = 3; optional uint32 legacy_zip_filename = 255 }. */
export function decodeMediaEntries(bytes: Uint8Array): MediaEntry[] {
  const reader = new BinaryReader(bytes);
  const entries: MediaEntry[] = [];
  while (reader.pos < reader.len) {
    const [field, wire] = reader.tag();
    if (field === 1 && wire === WireType.LengthDelimited) entries.push(decodeMediaEntry(reader.bytes(), entries.length));
    else reader.skip(wire, field);
  }
  return entries;
}

function decodeMediaEntry(bytes: Uint8Array, index: number): MediaEntry {
  const reader = new BinaryReader(bytes);
  let name = "";
  let zipName = String(index);
  while (reader.pos < reader.len) {
    const [field, wire] = reader.tag();
    if (field === 1 && wire === WireType.LengthDelimited) name = reader.string();
    else if (field === 255 && wire === WireType.Varint) zipName = String(reader.uint32());
    else reader.skip(wire, field);
  }
  return { name, zipName };
}

/** notetypes.proto: Notetype.Template.Config { string q_format = 1; string a_format = 2; ... }. */
export function decodeTemplateConfig(bytes: Uint8Array): { qfmt: string; afmt: string } {
  const reader = new BinaryReader(bytes);
  let qfmt = "";
  let afmt = "";
  while (reader.pos < reader.len) {
    const [field, wire] = reader.tag();
    if (field === 1 && wire === WireType.LengthDelimited) qfmt = reader.string();
    else if (field === 2 && wire === WireType.LengthDelimited) afmt = reader.string();
    else reader.skip(wire, field);
  }
  return { qfmt, afmt };
}

/** notetypes.proto: Notetype.Config { Kind kind = 1 } with Kind NORMAL = 0, CLOZE = 1. */
export function decodeNotetypeKind(bytes: Uint8Array): "normal" | "cloze" {
  const reader = new BinaryReader(bytes);
  let kind = 0;
  while (reader.pos < reader.len) {
    const [field, wire] = reader.tag();
    if (field === 1 && wire === WireType.Varint) kind = reader.int32();
    else reader.skip(wire, field);
  }
  return kind === 1 ? "cloze" : "normal";
}

/** import_export.proto: PackageMetadata { Version version = 1 }; LEGACY_1 = 1, LEGACY_2 = 2, LATEST = 3. */
export function decodePackageVersion(bytes: Uint8Array): number {
  const reader = new BinaryReader(bytes);
  let version = 0;
  while (reader.pos < reader.len) {
    const [field, wire] = reader.tag();
    if (field === 1 && wire === WireType.Varint) version = reader.int32();
    else reader.skip(wire, field);
  }
  return version;
}
