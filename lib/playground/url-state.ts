// The playground's state in a link: compact JSON (tuples, not objects), deflated with fflate and
// written in base64url after a version tag, e.g. `#v1.q1ZKz0...`. It lives in the fragment, so the
// state never reaches a server log. Decoding checks everything, since a link can be anything.

import { deflateSync, inflateSync, strFromU8, strToU8 } from "fflate";
import { POLICY_KINDS, type ContextRow, type PlaygroundState, type PolicyDraft, type PolicyKind } from "./types.ts";

const VERSION = "v1";
/** Limits that keep a hostile link from freezing the page: far above any real policy set. */
export const LIMITS = { policies: 16, textChars: 20_000, contextRows: 50, fieldChars: 2_048, inflatedBytes: 512 * 1024 };

type PolicyTuple = [kind: PolicyKind, name: string, text: string];
type WireState = [
  policies: PolicyTuple[],
  request: [principal: string, action: string, resource: string, resourceAccount: string, context: [string, string][]],
];

export type DecodedState = { ok: true; state: PlaygroundState } | { ok: false; error: string };

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function encodeState(state: PlaygroundState): string {
  const { principal, action, resource, resourceAccount, context } = state.request;
  const wire: WireState = [
    state.policies.map((p): PolicyTuple => [p.kind, p.name, p.text]),
    [principal, action, resource, resourceAccount, context.map((r): [string, string] => [r.key, r.value])],
  ];
  return `${VERSION}.${toBase64Url(deflateSync(strToU8(JSON.stringify(wire)), { level: 9 }))}`;
}

class Broken extends Error {}

function text(value: unknown, what: string, max: number = LIMITS.fieldChars): string {
  if (typeof value !== "string") throw new Broken(`${what} is not text`);
  if (value.length > max) throw new Broken(`${what} is longer than ${max} characters`);
  return value;
}

function list(value: unknown, what: string, max: number): unknown[] {
  if (!Array.isArray(value)) throw new Broken(`${what} is not a list`);
  if (value.length > max) throw new Broken(`${what} has more than ${max} entries`);
  return value;
}

function readWire(wire: unknown): PlaygroundState {
  const [policies, request] = list(wire, "the state", 2);
  const drafts = list(policies, "the policy list", LIMITS.policies).map((entry, i): PolicyDraft => {
    const [kind, name, body] = list(entry, `policy ${i + 1}`, 3);
    if (!POLICY_KINDS.includes(kind as PolicyKind)) throw new Broken(`policy ${i + 1} has an unknown kind`);
    return {
      kind: kind as PolicyKind,
      name: text(name, `the name of policy ${i + 1}`),
      text: text(body, `policy ${i + 1}`, LIMITS.textChars),
    };
  });
  for (const single of ["resource", "boundary", "session"] as const) {
    if (drafts.filter((d) => d.kind === single).length > 1) throw new Broken(`it holds more than one ${single} policy`);
  }
  const [principal, action, resource, resourceAccount, context] = list(request, "the request", 5);
  const rows = list(context, "the request context", LIMITS.contextRows).map((row, i): ContextRow => {
    const [key, value] = list(row, `context row ${i + 1}`, 2);
    return { key: text(key, `context key ${i + 1}`), value: text(value, `context value ${i + 1}`) };
  });
  return {
    policies: drafts,
    request: {
      principal: text(principal, "the principal"),
      action: text(action, "the action"),
      resource: text(resource, "the resource"),
      resourceAccount: text(resourceAccount, "the resource account"),
      context: rows,
    },
  };
}

/** Reads a link's fragment (with or without the leading "#"). */
export function decodeState(fragment: string): DecodedState {
  const raw = fragment.replace(/^#/, "");
  const dot = raw.indexOf(".");
  const version = dot > 0 ? raw.slice(0, dot) : "";
  if (version !== VERSION) {
    return { ok: false, error: "This link is not a playground link this version understands (it should start with #v1.)." };
  }
  const bytes = fromBase64Url(raw.slice(dot + 1));
  if (!bytes || bytes.length === 0)
    return { ok: false, error: "This link is broken: its data has characters a link cannot carry, or was cut short." };
  let json: string;
  try {
    const out = inflateSync(bytes, { out: new Uint8Array(LIMITS.inflatedBytes + 1) });
    if (out.length > LIMITS.inflatedBytes) return { ok: false, error: "This link holds more than the playground will open." };
    json = strFromU8(out);
  } catch {
    return { ok: false, error: "This link is broken: its data does not decompress (was it cut short when copied?)." };
  }
  let wire: unknown;
  try {
    wire = JSON.parse(json);
  } catch {
    return { ok: false, error: "This link is broken: its data is not the playground's format (was it cut short when copied?)." };
  }
  try {
    return { ok: true, state: readWire(wire) };
  } catch (error) {
    if (error instanceof Broken) return { ok: false, error: `This link is broken: ${error.message}.` };
    throw error;
  }
}
