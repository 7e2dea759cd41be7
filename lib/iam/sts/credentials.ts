// Generating temporary credentials and reading the account back out of an access key id.
//
// AWS documents that temporary access key ids start with ASIA and long-term ones with AKIA
// (GetAccessKeyInfo, STS API Reference). It does not document how the account is carried inside the
// id; the layout used here is the one observed publicly for real keys: after the four-letter prefix,
// sixteen base32 characters (80 bits) whose first 48 bits hold the account id in bits 7..46. Using the
// same layout means a real-world key id pasted into the simulator reports its real account.

import { isoSeconds } from "./clock.ts";
import { randomString, type RandomSource } from "../../random/index.ts";
import type { TemporaryCredentials } from "./model.ts";

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const SECRET_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const TOKEN_ALPHABET = SECRET_ALPHABET;

const TWO_POW_7 = 128;
const TWO_POW_40 = 2 ** 40;

function base32Encode(bytes: number[]): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

function base32Decode(text: string): number[] | undefined {
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of text) {
    const digit = BASE32.indexOf(ch);
    if (digit < 0) return undefined;
    value = (value << 5) | digit;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
    value &= (1 << bits) - 1;
  }
  return out;
}

/** A 20-character access key id: the prefix (ASIA or AKIA) and 16 base32 characters carrying the account. */
export function generateAccessKeyId(prefix: "ASIA" | "AKIA", accountId: string, random: RandomSource): string {
  const account = Number(accountId);
  // 48-bit field: top bit clear, account in bits 7..46, seven random low bits.
  const field = account * TWO_POW_7 + (random.nextUint32() & 0x7f);
  const bytes: number[] = [];
  for (let shift = 5; shift >= 0; shift--) bytes.push(Math.floor(field / 2 ** (8 * shift)) % 256);
  for (let i = 0; i < 4; i++) bytes.push(random.nextUint32() & 0xff);
  return prefix + base32Encode(bytes);
}

/** The account id carried in a 20-character AKIA/ASIA key id, or undefined if it carries none. */
export function accountFromAccessKeyId(accessKeyId: string): string | undefined {
  if (!/^(AKIA|ASIA)[A-Z2-7]{16}$/.test(accessKeyId)) return undefined;
  const bytes = base32Decode(accessKeyId.slice(4));
  if (!bytes || bytes.length < 6) return undefined;
  let field = 0;
  for (let i = 0; i < 6; i++) field = field * 256 + (bytes[i] ?? 0);
  const account = Math.floor(field / TWO_POW_7) % TWO_POW_40;
  return String(account).padStart(12, "0");
}

export function generateTemporaryCredentials(accountId: string, expiresAtMs: number, random: RandomSource): TemporaryCredentials {
  return {
    AccessKeyId: generateAccessKeyId("ASIA", accountId, random),
    SecretAccessKey: randomString(random, SECRET_ALPHABET, 40),
    // Real tokens are opaque and of no fixed size (STS API Reference, Credentials); 224 characters
    // looks the part without pretending to carry anything.
    SessionToken: "IQoJb3JpZ2luX2Vj" + randomString(random, TOKEN_ALPHABET, 208),
    Expiration: isoSeconds(expiresAtMs),
  };
}
