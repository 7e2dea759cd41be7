// IPv4 and IPv6 addresses and CIDR blocks for IpAddress / NotIpAddress.

export interface IpAddressValue {
  v6: boolean;
  bytes: Uint8Array;
}

export interface CidrBlock extends IpAddressValue {
  prefix: number;
}

function parseV4(text: string): Uint8Array | undefined {
  const parts = text.split(".");
  if (parts.length !== 4) return undefined;
  const bytes = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    const part = parts[i]!;
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const n = Number(part);
    if (n > 255) return undefined;
    bytes[i] = n;
  }
  return bytes;
}

function parseV6(text: string): Uint8Array | undefined {
  if (!/^[0-9a-fA-F:.]+$/.test(text)) return undefined;
  const halves = text.split("::");
  if (halves.length > 2) return undefined;
  const groups = (half: string): number[] | undefined => {
    if (half === "") return [];
    const out: number[] = [];
    const pieces = half.split(":");
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i]!;
      if (i === pieces.length - 1 && piece.includes(".")) {
        const v4 = parseV4(piece);
        if (!v4) return undefined;
        out.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
      } else {
        if (!/^[0-9a-fA-F]{1,4}$/.test(piece)) return undefined;
        out.push(parseInt(piece, 16));
      }
    }
    return out;
  };
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const all = [...head, ...new Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
  const bytes = new Uint8Array(16);
  all.forEach((g, i) => {
    bytes[i * 2] = g >> 8;
    bytes[i * 2 + 1] = g & 0xff;
  });
  return bytes;
}

export function parseIpAddress(text: string): IpAddressValue | undefined {
  const v4 = parseV4(text);
  if (v4) return { v6: false, bytes: v4 };
  const v6 = text.includes(":") ? parseV6(text) : undefined;
  return v6 ? { v6: true, bytes: v6 } : undefined;
}

/** A CIDR block; a bare address is a block of one (/32 or /128). */
export function parseCidr(text: string): CidrBlock | undefined {
  const slash = text.indexOf("/");
  const address = parseIpAddress((slash < 0 ? text : text.slice(0, slash)).trim());
  if (!address) return undefined;
  const max = address.v6 ? 128 : 32;
  if (slash < 0) return { ...address, prefix: max };
  const prefixText = text.slice(slash + 1).trim();
  if (!/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  if (prefix > max) return undefined;
  return { ...address, prefix };
}

export function cidrContains(block: CidrBlock, address: IpAddressValue): boolean {
  if (block.v6 !== address.v6) return false;
  let bits = block.prefix;
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((block.bytes[i]! & mask) !== (address.bytes[i]! & mask)) return false;
  }
  return true;
}
