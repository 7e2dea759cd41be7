// Line-level recognisers shared by the block parser. Outline notes mix tabs and spaces freely, so
// indentation is measured in columns with tab stops every 4 columns (Logseq writes a tab per level
// and two spaces for a block's continuation lines, which then sit inside the block).

const TAB_WIDTH = 4;

export function indentColumns(line: string): number {
  let col = 0;
  for (const ch of line) {
    if (ch === " ") col += 1;
    else if (ch === "\t") col += TAB_WIDTH - (col % TAB_WIDTH);
    else break;
  }
  return col;
}

/** Removes up to `columns` columns of leading whitespace, keeping any deeper indentation. */
export function dedent(line: string, columns: number): string {
  let col = 0;
  let i = 0;
  while (i < line.length && col < columns) {
    const ch = line[i];
    if (ch === " ") col += 1;
    else if (ch === "\t") {
      const next = col + TAB_WIDTH - (col % TAB_WIDTH);
      if (next > columns) {
        // A tab that overshoots leaves the remainder as spaces so code keeps its shape.
        return " ".repeat(next - columns) + line.slice(i + 1);
      }
      col = next;
    } else break;
    i += 1;
  }
  return line.slice(i);
}

export function isBlank(line: string): boolean {
  return line.trim() === "";
}

// Scanned by hand rather than with one regex: a lazy `(.*?)` before optional closing hashes
// backtracks quadratically on long runs of spaces, and notes are untrusted input.
export function matchHeading(line: string): { level: number; text: string } | undefined {
  const trimmed = line.trim();
  let level = 0;
  while (level < trimmed.length && trimmed[level] === "#") level += 1;
  if (level === 0 || level > 6) return undefined;
  if (level === trimmed.length) return { level, text: "" };
  const gap = trimmed[level];
  if (gap !== " " && gap !== "\t") return undefined;
  let text = trimmed.slice(level).trim();
  // Optional closing sequence: "## Title ##".
  let end = text.length;
  while (end > 0 && text[end - 1] === "#") end -= 1;
  if (end < text.length && (end === 0 || text[end - 1] === " " || text[end - 1] === "\t")) text = text.slice(0, end).trim();
  return { level, text };
}

/** `---`, `***`, `___` (three or more, spaces allowed between). */
export function isRule(line: string): boolean {
  return /^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$/.test(line);
}

const LIST_ITEM = /^([ \t]*)([-*+]|\d{1,9}[.)])(?:([ \t]+)(.*)|[ \t]*)$/;

export interface ListMarker {
  markerCol: number;
  /** Column where the item's text starts (nested code fences on the first line open here). */
  contentCol: number;
  marker: string;
  ordered: boolean;
  text: string;
}

export function matchListItem(line: string): ListMarker | undefined {
  const m = LIST_ITEM.exec(line);
  if (!m) return undefined;
  const markerCol = indentColumns(m[1]!);
  const marker = m[2]!;
  const gap = m[3] ?? " ";
  return {
    markerCol,
    contentCol: markerCol + marker.length + Math.max(1, indentColumns(gap)),
    marker,
    ordered: /\d/.test(marker),
    text: (m[4] ?? "").trimEnd(),
  };
}

const FENCE_OPEN = /^[ \t]*(`{3,}|~{3,})[ \t]*([^\s`]*)[^`]*$/;

export function matchFenceOpen(line: string): { fence: string; lang: string } | undefined {
  const m = FENCE_OPEN.exec(line);
  if (!m) return undefined;
  return { fence: m[1]!, lang: m[2]! };
}

export function isFenceClose(line: string, fence: string): boolean {
  const trimmed = line.trim();
  const ch = fence[0]!;
  if (trimmed.length < fence.length) return false;
  for (const c of trimmed) if (c !== ch) return false;
  return true;
}
