// Join codes are read aloud in a classroom and typed on phones: eight characters from an alphabet
// without look-alikes (no 0/O, 1/I/L), case and separators ignored when typed.

export const JOIN_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const JOIN_CODE_LENGTH = 8;

/** A join code from random bytes (the caller supplies them: crypto on the server, fixed in tests). */
export function makeJoinCode(bytes: Uint8Array): string {
  if (bytes.length < JOIN_CODE_LENGTH) throw new RangeError(`a join code needs ${JOIN_CODE_LENGTH} random bytes`);
  let code = "";
  // 256 is not a multiple of 31; the slight bias towards the first letters does not matter for a
  // code that is also unique-checked and only lets a learner ask to join.
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[bytes[i]! % JOIN_CODE_ALPHABET.length];
  return code;
}

/** What a person typed, as a code to look up: upper case, spaces and dashes dropped. */
export function normaliseJoinCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]+/g, "");
}

export function isJoinCode(code: string): boolean {
  return code.length === JOIN_CODE_LENGTH && [...code].every((c) => JOIN_CODE_ALPHABET.includes(c));
}

/** Shown as two groups of four, easier to read out. */
export function formatJoinCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}
