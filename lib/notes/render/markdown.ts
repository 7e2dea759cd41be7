// renderCardMarkdown: card-face markdown -> HTML that is safe by construction: markdown-it runs
// with raw HTML off (tags come out escaped), links and images are allow-listed to http(s), and
// code is highlighted by highlight.js, which escapes what it emits.

import MarkdownItParser, { type MarkdownIt } from "markdown-it";
import { highlightCode } from "./highlight.ts";
import { cardPlugins, type ClozeMode, type RenderEnv } from "./plugins.ts";

const md: MarkdownIt = new MarkdownItParser({
  html: false,
  linkify: true,
  breaks: true,
  typographer: false,
  // markdown-it splits a fence's info string into the language and the rest (`attrs`).
  highlight: (code, info, attrs) => {
    const highlighted = highlightCode(code, info);
    if (!highlighted) return "";
    const marked = markLines(highlighted.html, linesToMark(attrs));
    return `<pre><code class="hljs language-${highlighted.language}">${marked}</code></pre>\n`;
  },
});
cardPlugins(md);

/** `json {7-12}`: the fence's info string names lines to mark (scenario cards mark the deciding statement). */
function linesToMark(info: string): { start: number; end: number } | null {
  const match = /\{(\d+)(?:-(\d+))?\}/.exec(info);
  if (!match) return null;
  const start = Number(match[1]);
  return { start, end: Number(match[2] ?? start) };
}

/**
 * Wraps the marked lines in a span. Only used with a range, on policy JSON, whose highlighted
 * tokens never span lines, so cutting the HTML at newlines keeps every tag balanced.
 */
function markLines(html: string, range: { start: number; end: number } | null): string {
  if (!range) return html;
  return html
    .split("\n")
    .map((line, i) => (i + 1 >= range.start && i + 1 <= range.end ? `<span class="line-marked">${line}</span>` : line))
    .join("\n");
}

export interface RenderOptions {
  /** How `{{cN::...}}` deletions show: hidden on a cloze front, marked elsewhere (default). */
  cloze?: ClozeMode;
}

export function renderCardMarkdown(markdown: string, options: RenderOptions = {}): string {
  const env: RenderEnv = { cloze: options.cloze ?? "reveal" };
  return md.render(markdown, env);
}

/** The question side of a cloze card: its deletions hidden. */
export function renderClozeFront(markdown: string): string {
  return renderCardMarkdown(markdown, { cloze: "hide" });
}

/** The answer side of a cloze card: the same text with its deletions revealed and marked. */
export function renderClozeBack(markdown: string): string {
  return renderCardMarkdown(markdown, { cloze: "reveal" });
}

/** Faces of a note card; any kind but "cloze" renders as a plain front and back. */
export function renderCardFaces(card: { kind: string; front: string; back: string }): {
  front: string;
  back: string;
} {
  if (card.kind === "cloze") {
    const extra = card.back.trim() ? `\n\n${card.back}` : "";
    return { front: renderClozeFront(card.front), back: renderClozeBack(card.front + extra) };
  }
  return { front: renderCardMarkdown(card.front), back: renderCardMarkdown(card.back) };
}
