// Turns note markup into card markup: wiki links become their text, images that point at local
// assets become a `[missing image: name]` placeholder (assets are not imported, so such an image
// would always be broken), Logseq block references are resolved when the block is known.

import { mapProse } from "./code-spans.ts";
import { stripTagMarkup } from "./tags.ts";

export interface TextOptions {
  resolveBlockRef?: (id: string) => string | undefined;
}

export function missingImage(name: string): string {
  return `[missing image: ${name.replace(/[\]\n]/g, "")}]`;
}

function isRemote(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

function baseName(target: string): string {
  const clean = target.split(/[?#]/)[0] ?? target;
  try {
    return decodeURIComponent(clean.split("/").pop() ?? clean);
  } catch {
    return clean.split("/").pop() ?? clean;
  }
}

function rewriteProse(prose: string, options: TextOptions): string {
  if (!prose.includes("[") && !prose.includes("((")) return prose;
  return (
    prose
      // Obsidian embeds: ![[diagram.png]] / ![[diagram.png|300]]
      .replace(/!\[\[([^\]|\n]+)(?:\|[^\]\n]*)?\]\]/g, (_m, target: string) => missingImage(baseName(target.trim())))
      // Markdown images; remote ones stay (the renderer allows http/https only).
      .replace(/!\[([^\]\n]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g, (whole, _alt: string, target: string) =>
        isRemote(target) ? whole : missingImage(baseName(target)),
      )
      // Wiki links: [[Page]] and [[Page|shown text]].
      .replace(/\[\[([^\]|\n]+)\|([^\]\n]+)\]\]/g, "$2")
      .replace(/(^|[^#])\[\[([^\]\n]+)\]\]/g, "$1$2")
      // Logseq block references: ((uuid)).
      .replace(/\(\(([0-9a-f-]{36})\)\)/gi, (_m, id: string) => {
        const text = options.resolveBlockRef?.(id.toLowerCase());
        return text ? stripTagMarkup(text.split("\n")[0]!) : "[block reference]";
      })
  );
}

/** Card-face markdown for a block's text: tag markup removed, links and images made displayable. */
export function cardText(text: string, options: TextOptions = {}): string {
  return mapProse(stripTagMarkup(text), (prose) => rewriteProse(prose, options)).trim();
}

/** A single-line, markup-light version of a block's text, for breadcrumbs in fronts. */
export function plainLine(text: string, options: TextOptions = {}, max = 80): string {
  const first = cardText(text, options).split("\n")[0] ?? "";
  const plain = mapProse(first, (p) => p.replace(/\*\*|__|==/g, ""))
    .replace(/[:：]\s*$/, "")
    .trim();
  return plain.length > max ? `${plain.slice(0, max - 1).trimEnd()}…` : plain;
}

/** Text cut to `max` characters, an ellipsis marking the cut. */
export function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Words on one line, cut to `max` characters, for lists of blocks and cards. Only the start is
 * read: a block may be megabytes, and lists are built on the server.
 */
export function oneLine(text: string, max = 80): string {
  return shorten(
    text
      .slice(0, max * 8)
      .replace(/\s+/g, " ")
      .trim(),
    max,
  );
}
