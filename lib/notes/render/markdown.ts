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
  highlight: (code, info) => {
    const highlighted = highlightCode(code, info);
    if (!highlighted) return "";
    return `<pre><code class="hljs language-${highlighted.language}">${highlighted.html}</code></pre>\n`;
  },
});
cardPlugins(md);

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

/** Both faces of a draft or stored card, whichever its kind. */
export function renderCardFaces(card: { kind: "basic" | "cloze"; front: string; back: string }): {
  front: string;
  back: string;
} {
  if (card.kind === "cloze") {
    const extra = card.back.trim() ? `\n\n${card.back}` : "";
    return { front: renderClozeFront(card.front), back: renderClozeBack(card.front + extra) };
  }
  return { front: renderCardMarkdown(card.front), back: renderCardMarkdown(card.back) };
}
