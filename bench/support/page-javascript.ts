import { gzipSync } from "node:zlib";

/**
 * The JavaScript a page makes a browser download, gzipped: its script files (not the `noModule`
 * polyfills, which browsers with ES modules never fetch) plus its inline scripts (the RSC payload).
 */
export async function pageJavaScript(pageUrl: string, cookie?: string): Promise<{ files: number; gzipped: number; raw: number }> {
  const html = await (await fetch(pageUrl, cookie ? { headers: { cookie } } : {})).text();
  const tags = [...html.matchAll(/<script[^>]+src="([^"]+)"[^>]*>/g)].filter((m) => !/\snoModule/i.test(m[0]));
  const sources = [...new Set(tags.map((m) => m[1]!))];
  let gzipped = 0;
  let raw = 0;
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(new URL(src, pageUrl))).arrayBuffer());
    raw += body.length;
    gzipped += gzipSync(body, { level: 9 }).length;
  }
  const inline = [...html.matchAll(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? "").join("");
  raw += Buffer.byteLength(inline);
  gzipped += gzipSync(Buffer.from(inline), { level: 9 }).length;
  return { files: sources.length, gzipped, raw };
}
