// Base64 without Node's Buffer (lib/iam runs in the browser): the standard alphabet for values AWS
// shows in standard base64 (SAML NameQualifier), the URL-safe one for opaque simulator tokens.

const STANDARD = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const URL_SAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

export function encodeBase64(bytes: Uint8Array, urlSafe = false): string {
  const alphabet = urlSafe ? URL_SAFE : STANDARD;
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const remaining = bytes.length - i;
    const chars = remaining >= 3 ? 4 : remaining + 1;
    for (let c = 0; c < chars; c++) out += alphabet[(n >>> (18 - 6 * c)) & 63];
    // The standard form pads to a multiple of four; the URL-safe tokens here do not.
    if (!urlSafe) out += "=".repeat(4 - chars);
  }
  return out;
}

/** undefined when the text holds a character outside the alphabet. */
export function decodeBase64(text: string, urlSafe = false): Uint8Array | undefined {
  const alphabet = urlSafe ? URL_SAFE : STANDARD;
  const out: number[] = [];
  let value = 0;
  let bits = 0;
  for (const ch of text.replace(/=+$/, "")) {
    const digit = alphabet.indexOf(ch);
    if (digit < 0) return undefined;
    value = ((value << 6) | digit) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Uint8Array.from(out);
}
