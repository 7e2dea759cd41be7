// Fenced code blocks, at any indentation: Logseq nests them inside blocks, so the fence's own
// column is what gets stripped from each code line.

import type { CodeNode } from "../tree.ts";
import { dedent, indentColumns, isBlank, isFenceClose } from "./lines.ts";

export interface FenceRead {
  node: CodeNode;
  /** Index of the last line the code block consumed (the closing fence when there is one). */
  lastIndex: number;
}

export function readFence(
  lines: readonly string[],
  openIndex: number,
  fenceCol: number,
  fence: { fence: string; lang: string },
): FenceRead {
  const node: CodeNode = { type: "code", lang: fence.lang, code: "", line: openIndex + 1, closed: false };
  let end = lines.length;
  for (let j = openIndex + 1; j < lines.length; j += 1) {
    if (isFenceClose(lines[j]!, fence.fence)) {
      end = j;
      node.closed = true;
      break;
    }
  }
  if (!node.closed && fenceCol > 0) {
    // An unclosed fence inside a block ends where the block does, not at the end of the file,
    // so one missing ``` does not swallow the rest of the outline.
    for (let j = openIndex + 1; j < lines.length; j += 1) {
      const line = lines[j]!;
      if (!isBlank(line) && indentColumns(line) < fenceCol) {
        end = j;
        break;
      }
    }
  }
  const code = lines.slice(openIndex + 1, end).map((line) => dedent(line, fenceCol).trimEnd());
  while (!node.closed && code.length > 0 && code[code.length - 1] === "") code.pop();
  node.code = code.join("\n");
  return { node, lastIndex: node.closed ? end : end - 1 };
}
