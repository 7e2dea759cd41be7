// Media an Anki note references, stored under a content hash and served by /api/media/<hash>.
// Only images are brought: they are what a card shows. Sounds and videos are counted and named.
import { createHash } from "node:crypto";

export const MEDIA_ROUTE = "/api/media/";

const IMAGE_TYPES: Readonly<Record<string, string>> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  gif: "image/gif",
  webp: "image/webp",
  avif: "image/avif",
  bmp: "image/bmp",
  svg: "image/svg+xml",
};

export interface AnkiMedia {
  name: string;
  sha256: string;
  mime: string;
  bytes: Uint8Array;
}

export function imageType(name: string): string | undefined {
  const ext = name.split(".").pop()?.toLowerCase() ?? "";
  return IMAGE_TYPES[ext];
}

export function mediaHash(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

const IMG_SRC = /(<img\b[^>]*?\bsrc\s*=\s*)(["']?)([^"'\s>]+)\2/gi;
const SOUND = /\[sound:([^\]]+)\]/g;

export interface MediaRewrite {
  html: string;
  /** Missing images stand as plain-word tokens through sanitising and conversion; `placeMissing` puts the app's placeholder in. */
  placeholders: string[];
  /** Names referenced that the package does not hold (or holds as something other than an image). */
  missing: string[];
  used: string[];
}

/**
 * Points each `<img src="name">` at the media route when the package holds the image; a missing
 * image becomes the app's `[missing image: name]` placeholder, and `[sound:…]` a mention of it.
 */
export function rewriteMediaRefs(html: string, media: ReadonlyMap<string, AnkiMedia>): MediaRewrite {
  const missing: string[] = [];
  const used: string[] = [];
  const placeholders: string[] = [];
  const withImages = html.replace(/<img\b[^>]*>/gi, (tag) => {
    const match = new RegExp(IMG_SRC.source, "i").exec(tag);
    if (!match) return "";
    const name = decodeName(match[3]!);
    if (/^https?:\/\//i.test(name)) return tag;
    const found = media.get(name);
    if (!found) {
      missing.push(name);
      placeholders.push(name.replace(/[\]\n]/g, ""));
      return ` ${TOKEN}${placeholders.length - 1}x `;
    }
    used.push(name);
    return `<img src="${MEDIA_ROUTE}${found.sha256}" alt="${escapeAttr(name)}">`;
  });
  const html2 = withImages.replace(SOUND, (_whole, name: string) => {
    missing.push(name);
    return `(sound: ${name})`;
  });
  return { html: html2, placeholders, missing, used };
}

const TOKEN = "ankimissingimage";

/** The app's `[missing image: name]` placeholder where rewriteMediaRefs left a token. */
export function placeMissing(markdown: string, placeholders: readonly string[]): string {
  if (placeholders.length === 0) return markdown;
  return markdown.replace(new RegExp(`${TOKEN}(\\d+)x`, "g"), (_w, i: string) => `[missing image: ${placeholders[Number(i)] ?? "image"}]`);
}

function decodeName(src: string): string {
  try {
    return decodeURIComponent(src);
  } catch {
    return src;
  }
}

function escapeAttr(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}
