// Can a policy's resource pattern name a resource of a given type? Both sides are patterns: the
// policy's ARN with * and ? (and ${variables}, which can become anything), and the Service
// Authorization Reference's ARN format with ${Placeholders}. They overlap when some ARN matches
// both; a small dynamic program over the two token lists decides it.

// Tokens as numbers: a character code (lower-cased), or one of these wildcards.
const ANY = -1;
/** A placeholder that never holds "/" or ":". */
const ANY_PLAIN = -2;
const ONE = -3;
const SLASH = 47;
const COLON = 58;

// Placeholders that never hold "/" or ":" (a partition, region, account or bucket name); any other
// placeholder may hold a path ("${ObjectName}", "${RoleNameWithPath}").
const PLAIN = new Set(["partition", "region", "account", "bucketname"]);

const MAX = 2048;

function tokens(text: string, format: boolean): Int32Array {
  const lower = text.toLowerCase();
  const out = new Int32Array(Math.min(lower.length, MAX));
  let k = 0;
  for (let i = 0; i < lower.length && k < MAX; i++) {
    const c = lower.charCodeAt(i);
    if (c === 36 /* $ */ && lower.charCodeAt(i + 1) === 123 /* { */) {
      const end = lower.indexOf("}", i);
      if (end > 0) {
        out[k++] = format && PLAIN.has(lower.slice(i + 2, end)) ? ANY_PLAIN : ANY;
        i = end;
        continue;
      }
    }
    out[k++] = !format && c === 42 /* * */ ? ANY : !format && c === 63 /* ? */ ? ONE : c;
  }
  return out.subarray(0, k);
}

// The same few ARN formats are compared again and again: tokenise each once.
const formats = new Map<string, Int32Array>();

/** Whether some ARN matches both the policy's pattern and the resource type's ARN format. */
export function arnsOverlap(policyArn: string, arnFormat: string): boolean {
  const p = tokens(policyArn, false);
  let f = formats.get(arnFormat);
  if (!f) formats.set(arnFormat, (f = tokens(arnFormat, true)));
  const n = p.length;
  const m = f.length;
  // below[j]: the rest of p from i+1 and of f from j can produce a common string; row[j]: from i.
  let below = new Uint8Array(m + 1);
  let row = new Uint8Array(m + 1);
  for (let i = n; i >= 0; i--) {
    for (let j = m; j >= 0; j--) {
      if (i === n && j === m) {
        row[j] = 1;
        continue;
      }
      const a = i < n ? p[i]! : undefined;
      const b = j < m ? f[j]! : undefined;
      const aAny = a === ANY;
      const bAny = b === ANY || b === ANY_PLAIN;
      let v = (aAny && below[j] === 1) || (bAny && row[j + 1] === 1);
      if (!v && a !== undefined && b !== undefined) {
        if (aAny && !bAny) v = row[j + 1] === 1;
        else if (bAny && !aAny) v = !(b === ANY_PLAIN && (a === SLASH || a === COLON)) && below[j] === 1;
        else if (!aAny && !bAny) v = (a === ONE || b === ONE || a === b) && below[j + 1] === 1;
      }
      row[j] = v ? 1 : 0;
    }
    [below, row] = [row, below];
  }
  return below[0] === 1;
}
