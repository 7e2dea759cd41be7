// Anki's card templates, rendered with a note's fields: {{Field}}, {{filter:Field}},
// {{#Field}}…{{/Field}} (shown when the field has text), {{^Field}}…{{/Field}} (when it has none),
// {{FrontSide}}, and the special fields Tags, Deck, Subdeck, Card, Type. `cloze:` keeps the field
// with this card's deletion marked (cloze.ts); `text:` strips HTML; `type:` (typing the answer) has
// no counterpart here and is dropped; other filters (hint, furigana, kana, tts…) show the field.
import { clozeForCard } from "./cloze.ts";
import { htmlToText } from "./html.ts";

export interface TemplateContext {
  fields: ReadonlyMap<string, string>;
  /** Special fields: Tags, Deck, Subdeck, Card, Type. */
  special?: Readonly<Record<string, string>>;
  /** The rendered question, for {{FrontSide}} on the answer. */
  frontSide?: string;
  /** For cloze cards: the cloze number this card shows (ord + 1). */
  cloze?: number;
  /** On the answer of a cloze card the deletion is the front's job: `{{cloze:…}}` renders empty. */
  dropCloze?: boolean;
}

const TAG = /\{\{([#^/]?)([^{}]*?)\}\}/g;
/** Nesting deeper than this is not a template anyone writes; it stops a hostile one from recursing. */
const MAX_DEPTH = 20;

export function renderTemplate(template: string, context: TemplateContext, depth = 0): string {
  let out = "";
  let at = 0;
  TAG.lastIndex = 0;
  const tags = [...template.matchAll(TAG)];
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i]!;
    if (tag.index < at) continue;
    out += template.slice(at, tag.index);
    at = tag.index + tag[0].length;
    const [, sigil, rawName] = tag;
    const name = rawName!.trim();
    if (sigil === "/") continue; // a stray closing tag
    if (sigil === "#" || sigil === "^") {
      const close = findClose(template, name, at);
      if (close < 0) continue; // unbalanced: Anki refuses the template; here the tag just shows nothing
      const inner = template.slice(at, close);
      at = close + `{{/${rawName}}}`.length;
      const filled = fieldText(name, context).trim() !== "";
      if (depth < MAX_DEPTH && (sigil === "#") === filled) out += renderTemplate(inner, context, depth + 1);
      continue;
    }
    out += replacement(name, context);
  }
  return out + template.slice(at);
}

function findClose(template: string, name: string, from: number): number {
  const pattern = new RegExp(`\\{\\{/\\s*${escapeRegExp(name)}\\s*\\}\\}`, "g");
  pattern.lastIndex = from;
  const match = pattern.exec(template);
  return match ? match.index : -1;
}

function replacement(tag: string, context: TemplateContext): string {
  if (tag === "FrontSide") return context.frontSide ?? "";
  const parts = tag.split(":");
  const name = parts.pop()!.trim();
  const filters = parts.map((f) => f.trim());
  if (filters.includes("type")) return "";
  const value = fieldText(name, context);
  if (filters.includes("cloze")) {
    if (context.dropCloze) return "";
    return clozeForCard(value, context.cloze ?? 1);
  }
  if (filters.includes("text")) return htmlToText(value);
  return value;
}

function fieldText(name: string, context: TemplateContext): string {
  const field = context.fields.get(name);
  if (field !== undefined) return field;
  return context.special?.[name] ?? "";
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
