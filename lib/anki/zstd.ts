// zstd streams (Anki 2.1.50+ packages: the collection, the media map and each media file) inflated
// against the import's byte budget, chunk by chunk, so a small stream that claims gigabytes stops early.
import { Decompress } from "fzstd";
import { ImportTooLarge, type ExpansionBudget } from "../notes/index.ts";
import { AnkiImportError } from "./errors.ts";

const MAGIC = [0x28, 0xb5, 0x2f, 0xfd];
const CHUNK = 64 * 1024;

export function isZstd(bytes: Uint8Array): boolean {
  return MAGIC.every((b, i) => bytes[i] === b);
}

export function inflateZstd(bytes: Uint8Array, file: string, budget: ExpansionBudget): Uint8Array {
  const parts: Uint8Array[] = [];
  let total = 0;
  const stream = new Decompress((chunk) => {
    budget.spend(chunk.length);
    parts.push(chunk);
    total += chunk.length;
  });
  try {
    if (bytes.length === 0) throw new Error("the stream is empty");
    for (let at = 0; at < bytes.length; at += CHUNK) stream.push(bytes.subarray(at, at + CHUNK), at + CHUNK >= bytes.length);
  } catch (error) {
    if (error instanceof ImportTooLarge) throw error;
    throw new AnkiImportError("zstd", file, `the zstd-compressed data does not decode (${(error as Error).message})`);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
