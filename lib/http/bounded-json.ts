/**
 * Request bodies read with limits before anything recursive touches them. JSON.parse and the code
 * after it (JSON.stringify, validators) recurse once per level of nesting, so a few kilobytes of
 * "[[[[..." overflow the stack; one linear scan for depth comes first.
 */
import { readBodyWithin } from "./read-body-within.ts";

export type BoundedJson = { ok: true; value: unknown } | { ok: false; status: 400 | 413; message: string };

/** The body as text, refused with 413 as soon as it passes `maxBytes` (a Content-Length is not trusted). */
export async function readBoundedText(
  request: Request,
  maxBytes: number,
): Promise<{ ok: true; text: string } | { ok: false; status: 413; message: string }> {
  const body = await readBodyWithin(request, maxBytes);
  if (!body.ok) return { ok: false, status: 413, message: `The request body is over ${maxBytes} bytes.` };
  return { ok: true, text: new TextDecoder().decode(body.bytes) };
}

/** The deepest nesting of arrays and objects in `text`, brackets inside strings not counted. */
export function jsonNestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return deepest;
}

export function parseBoundedJson(text: string, maxDepth: number): BoundedJson {
  const depth = jsonNestingDepth(text);
  if (depth > maxDepth) {
    return { ok: false, status: 400, message: `The JSON body is nested ${depth} levels deep; at most ${maxDepth} are allowed.` };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, status: 400, message: `The body is not valid JSON: ${(error as Error).message}` };
  }
}

export async function readBoundedJson(request: Request, limits: { maxBytes: number; maxDepth: number }): Promise<BoundedJson> {
  const body = await readBoundedText(request, limits.maxBytes);
  return body.ok ? parseBoundedJson(body.text, limits.maxDepth) : body;
}
