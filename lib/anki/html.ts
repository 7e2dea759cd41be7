// A field's HTML as the app's markdown: sanitised first (sanitize-html: only formatting, lists,
// tables, code and images survive, never scripts, styles or event handlers), then converted by
// turndown with GitHub tables. Images were already pointed at the media route (media-refs.ts).
import sanitizeHtml from "sanitize-html";
import TurndownService from "turndown";
import { strikethrough, tables } from "turndown-plugin-gfm";

const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: [
    "section",
    "b",
    "strong",
    "i",
    "em",
    "u",
    "s",
    "del",
    "strike",
    "sub",
    "sup",
    "br",
    "p",
    "div",
    "span",
    "hr",
    "ul",
    "ol",
    "li",
    "pre",
    "code",
    "kbd",
    "blockquote",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "img",
    "a",
  ],
  allowedAttributes: { img: ["src", "alt"], a: ["href"] },
  allowedSchemes: ["http", "https"],
  allowedSchemesByTag: { img: ["http", "https"] },
  allowProtocolRelative: false,
  // Scripts and styles go with their contents; other unknown tags keep their text.
  nonTextTags: ["script", "style", "textarea", "noscript", "title"],
};

const turndown = new TurndownService({ headingStyle: "atx", codeBlockStyle: "fenced", bulletListMarker: "-", emDelimiter: "*" });
turndown.use([tables, strikethrough]);
// Anki's <div> per line reads as a paragraph break in markdown.
turndown.addRule("ankiDiv", {
  filter: "div",
  replacement: (content) => `\n\n${content}\n\n`,
});
// Cloze markers `{{c1::…}}` must reach the card untouched: turndown escapes nothing in them but `_`
// and `*`, which stay valid inside a deletion, so no rule is needed beyond keeping braces.

// Many fields go through the sanitiser and turndown as one document, each in a <section> of its
// own, then are split at a marker: both libraries cost far more per call than per character
// (bench/anki.ts). Sections a field itself holds are dropped first, so fields cannot merge.
const BREAK = "ankifieldbreak";
const BATCH = 400;
turndown.addRule("fieldBreak", { filter: "section", replacement: (content) => `\n\n${BREAK}\n\n${content}` });

export function htmlToMarkdown(html: string): string {
  return htmlToMarkdownMany([html])[0]!;
}

/** The same as htmlToMarkdown on each, in the same order, much faster for many fields. */
export function htmlToMarkdownMany(htmls: readonly string[]): string[] {
  const out: string[] = [];
  for (let at = 0; at < htmls.length; at += BATCH) out.push(...convertBatch(htmls.slice(at, at + BATCH)));
  return out;
}

function convertBatch(htmls: readonly string[]): string[] {
  const joined = htmls.map((h) => `<section>${prepare(h)}</section>`).join("");
  const parts = turndown.turndown(sanitizeHtml(joined, ALLOWED)).split(BREAK).slice(1);
  // A field that defeats the split (its text holds the marker) is converted on its own.
  if (parts.length !== htmls.length) return htmls.map((h) => tidy(turndown.turndown(sanitizeHtml(prepare(h), ALLOWED))));
  return parts.map(tidy);
}

function prepare(html: string): string {
  // Plain text needs no parser: turndown's escaping is all it takes (below, in tidy's caller).
  return html.replace(/&nbsp;/g, " ").replace(/<\/?section\b[^>]*>/gi, "");
}

function tidy(markdown: string): string {
  return markdown.replace(/\n{3,}/g, "\n\n").trim();
}

/** A field's text without markup, for `{{text:Field}}` and one-line summaries. */
export function htmlToText(html: string): string {
  return sanitizeHtml(html.replace(/<br\s*\/?>/gi, " "), { allowedTags: [], allowedAttributes: {} })
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .trim();
}
