// The encoded authorization message a denied request carries, and its decoding.
//
// AWS encodes the message because it "can contain privileged information that the user who requested
// the operation should not see" (STS API Reference, DecodeAuthorizationMessage). The simulator does the
// same in miniature: the JSON document is scrambled with a keystream only the simulator knows and
// guarded by a checksum, so the text looks opaque, is deterministic for the same denial, and decodes
// only through DecodeAuthorizationMessage. It is obfuscation for teaching, not cryptography.

import { decodeBase64, encodeBase64 } from "./base64.ts";
import { fnv1a32 } from "../../random/index.ts";
import { seededRandom } from "./random.ts";

/** The decoded document, shaped like AWS's (see the AWS CLI example for decode-authorization-message). */
export interface DecodedAuthorizationMessage {
  allowed: boolean;
  explicitDeny: boolean;
  matchedStatements: { items: DecodedStatement[] };
  failures: { items: { message: string }[] };
  context: {
    principal: { id: string; name?: string; arn: string };
    action: string;
    resource: string;
    conditions: { items: { key: string; values: { items: { value: string }[] } }[] };
  };
  /** Simulator extension: the evaluator's plain-English steps. */
  explanation?: string[];
}

export interface DecodedStatement {
  statementId: string;
  effect: "ALLOW" | "DENY";
  /** Simulator extension: where the statement lives. */
  policyType: string;
  policyId: string;
  principals: { items: { value: string }[] };
  principalGroups: { items: { value: string }[] };
  actions: { items: { value: string }[] };
  resources: { items: { value: string }[] };
  conditions: { items: { key: string; values: { items: { value: string }[] } }[] };
}

const SECRET = "iam-recall/sts/authorization-message/v1";
const VERSION = 1;
function scramble(bytes: Uint8Array, checksum: number): Uint8Array {
  const stream = seededRandom(`${SECRET}:${checksum}`);
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = (bytes[i] ?? 0) ^ (stream.nextUint32() & 0xff);
  return out;
}

export function encodeAuthorizationMessage(message: DecodedAuthorizationMessage): string {
  const json = JSON.stringify(message);
  const checksum = fnv1a32(`${SECRET}:${json}`);
  const body = scramble(new TextEncoder().encode(json), checksum);
  const framed = new Uint8Array(5 + body.length);
  framed[0] = VERSION;
  framed[1] = checksum >>> 24;
  framed[2] = (checksum >>> 16) & 255;
  framed[3] = (checksum >>> 8) & 255;
  framed[4] = checksum & 255;
  framed.set(body, 5);
  return encodeBase64(framed, true);
}

/** The decoded document, or undefined when the text is not a message this simulator produced. */
export function decodeAuthorizationMessage(encoded: string): DecodedAuthorizationMessage | undefined {
  const framed = decodeBase64(encoded.trim(), true);
  if (!framed || framed.length < 6 || framed[0] !== VERSION) return undefined;
  const checksum = (((framed[1] ?? 0) << 24) | ((framed[2] ?? 0) << 16) | ((framed[3] ?? 0) << 8) | (framed[4] ?? 0)) >>> 0;
  const json = new TextDecoder().decode(scramble(framed.subarray(5), checksum));
  if (fnv1a32(`${SECRET}:${json}`) !== checksum) return undefined;
  try {
    return JSON.parse(json) as DecodedAuthorizationMessage;
  } catch {
    return undefined;
  }
}
