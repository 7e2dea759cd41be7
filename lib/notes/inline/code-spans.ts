// Inline rewrites (tags, links, images, clozes) must never touch code: `#include` or `==` inside
// backticks is code, not markup. This splits text into code spans and the prose between them.

// Runs of more than 8 backticks are not code-span delimiters here; bounding them keeps a line of
// thousands of backticks from backtracking cubically.
const CODE_SPAN = /(`{1,8})[^`]*?\1/g;

/** Applies `rewrite` to the prose parts only and stitches the text back together. */
export function mapProse(text: string, rewrite: (prose: string) => string): string {
  if (!text.includes("`")) return rewrite(text);
  let out = "";
  let last = 0;
  for (const m of text.matchAll(CODE_SPAN)) {
    out += rewrite(text.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
  }
  return out + rewrite(text.slice(last));
}

/** The prose parts joined with a space, for searching markup outside code. */
export function proseOnly(text: string): string {
  if (!text.includes("`")) return text;
  return text.replace(CODE_SPAN, " ");
}

/**
 * Like String.replace with a global regex, but leaves matches that start inside a code span alone.
 * Used for markup that may itself contain code, such as a cloze around `AssumeRole`.
 */
export function replaceOutsideCode(text: string, pattern: RegExp, replacer: (match: RegExpExecArray) => string): string {
  const spans: Array<[number, number]> = [];
  if (text.includes("`")) for (const m of text.matchAll(CODE_SPAN)) spans.push([m.index, m.index + m[0].length]);
  const inCode = (i: number) => spans.some(([s, e]) => i >= s && i < e);
  const re = new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`);
  let out = "";
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0] === "") {
      re.lastIndex += 1;
      continue;
    }
    if (inCode(m.index)) continue;
    out += text.slice(last, m.index) + replacer(m);
    last = m.index + m[0].length;
  }
  return out + text.slice(last);
}
