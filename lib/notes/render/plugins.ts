// markdown-it extensions for card faces:
//  - cloze deletions `{{cN::text::hint}}`: hidden as [hint] / […] on the front, marked on the back;
//  - the `[missing image: name]` placeholder the importer writes for images it could not bring;
//  - a final pass that keeps only http(s) links and turns any other image into the placeholder.

import type { Env, MarkdownIt, StateCore, StateInline, Token } from "markdown-it";

export type ClozeMode = "hide" | "reveal";

export interface RenderEnv extends Env {
  cloze?: ClozeMode;
}

const CLOZE_OPEN = /^\{\{c(\d+)::/;

function clozeRule(state: StateInline, silent: boolean): boolean {
  const start = state.pos;
  if (state.src.charCodeAt(start) !== 0x7b || state.src.charCodeAt(start + 1) !== 0x7b) return false;
  const open = CLOZE_OPEN.exec(state.src.slice(start, start + 16));
  if (!open) return false;
  const close = state.src.indexOf("}}", start + open[0].length);
  if (close < 0 || close > state.posMax) return false;
  if (!silent) {
    const innerStart = start + open[0].length;
    const inner = state.src.slice(innerStart, close);
    const hintAt = inner.indexOf("::");
    const contentEnd = hintAt >= 0 ? innerStart + hintAt : close;
    const hint = hintAt >= 0 ? inner.slice(hintAt + 2).trim() : "";
    const env = state.env as RenderEnv;
    if (env.cloze === "hide") {
      const token = state.push("cloze_hidden", "span", 0);
      token.content = hint;
    } else {
      state.push("cloze_open", "mark", 1);
      const max = state.posMax;
      state.pos = innerStart;
      state.posMax = contentEnd;
      state.md.inline.tokenize(state);
      state.posMax = max;
      state.push("cloze_close", "mark", -1);
    }
  }
  state.pos = close + 2;
  return true;
}

const MISSING = /^\[missing image: ([^\]\n]*)\]/;

function missingImageRule(state: StateInline, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x5b) return false;
  const m = MISSING.exec(state.src.slice(state.pos, state.posMax));
  if (!m) return false;
  if (!silent) state.push("missing_image", "span", 0).content = m[1]!.trim();
  state.pos += m[0].length;
  return true;
}

function isWebUrl(url: string | number | null): boolean {
  return typeof url === "string" && /^https?:\/\//i.test(url);
}

/** Images of imported Anki decks, served by the app itself to the card's readers (app/api/media). */
function isOwnMedia(url: string | number | null): boolean {
  return typeof url === "string" && /^\/api\/media\/[0-9a-f]{64}$/.test(url);
}

/** Runs last: whatever the parser accepted, only http(s) links and images survive. */
function safeLinks(state: StateCore): void {
  const TokenClass = state.Token;
  for (const block of state.tokens) {
    if (block.type !== "inline" || !block.children) continue;
    const out: Token[] = [];
    const dropped: boolean[] = [];
    for (const token of block.children) {
      if (token.type === "link_open") {
        const ok = isWebUrl(token.attrGet("href"));
        dropped.push(!ok);
        if (ok) {
          token.attrSet("rel", "noopener noreferrer nofollow");
          out.push(token);
        }
      } else if (token.type === "link_close") {
        if (!dropped.pop()) out.push(token);
      } else if (token.type === "image" && !isWebUrl(token.attrGet("src")) && !isOwnMedia(token.attrGet("src"))) {
        const placeholder = new TokenClass("missing_image", "span", 0);
        const src = String(token.attrGet("src") ?? "");
        placeholder.content = decodeSafe(src.split("/").pop() ?? "") || token.content || "image";
        out.push(placeholder);
      } else out.push(token);
    }
    block.children = out;
  }
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function cardPlugins(md: MarkdownIt): void {
  md.inline.ruler.before("emphasis", "cloze", clozeRule);
  md.inline.ruler.before("link", "missing_image", missingImageRule);
  md.core.ruler.push("safe_links", safeLinks);
  const escape = md.utils.escapeHtml;
  md.renderer.rules.cloze_hidden = (tokens, idx) => `<span class="cloze cloze-hidden">[${escape(tokens[idx]!.content || "…")}]</span>`;
  md.renderer.rules.cloze_open = () => '<mark class="cloze">';
  md.renderer.rules.cloze_close = () => "</mark>";
  md.renderer.rules.missing_image = (tokens, idx) => {
    const name = escape(tokens[idx]!.content);
    return `<span class="missing-image" title="The image ${name} was not imported">missing image: ${name}</span>`;
  };
}
