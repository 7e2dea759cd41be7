// Recognisers for the shapes of outline items that ask something: "`Name` - description",
// "Name: description", "situation => outcome", and questions. The filters keep sentences that
// merely contain a colon ("Use the CLI : --dry-run ...") from turning into "What is Use the CLI?".

import { proseOnly } from "../inline/code-spans.ts";

/** Labels that introduce material rather than name a concept. */
const GENERIC_LABEL =
  /^(?:examples?|exemples?|e\.?\s?g\.?|ex|for example|par exemple|options?|steps?|étapes?|use cases?|cas d'usage|cases?|notes?|nb|n\.b\.|tips?|warning|caution|important|see also|see|todo|results?|answer|ans|réponse|question|remarques?|attention)\s*\d*\s*[.:]?$/i;

export function isGenericLabel(text: string): boolean {
  return GENERIC_LABEL.test(text.replace(/\*\*|__/g, "").trim());
}

// First words that make a phrase an instruction or a sentence, not the name of a thing.
const NOT_A_NAME_START = new Set(
  (
    "use using create define leverage need needs allow allows add make set see click run check go do don't avoid prefer " +
    "remember try enable disable install configure ensure if when then else for to in on with by from it this that " +
    "there these those they you we i how why what where which who whose is are can cannot must should will has have " +
    "il elle ils elles pour ne pas si quand avec dans sur ce cette nous vous on est sont utiliser"
  ).split(" "),
);

const FINITE_VERBS = new Set(
  "is are was were be been has have had can cannot could will would should must may might do does did est sont".split(" "),
);

export interface NameDescription {
  /** The name as written, markup included (`` `AssumeRole` ``, `**Inline**`, `STS`). */
  name: string;
  /** The bare name, for deciding how to ask. */
  bare: string;
  description: string;
}

// Only a plain hyphen between spaces (or after a run of tabs) separates a name from its
// description: en and em dashes join clauses of a sentence, and colons mostly introduce a label
// ("**Cost**: free", "Note: ...") or sit inside links, so neither makes a card by itself.
const CODE_NAME = /^(`+)([^`]+?)\1[ \t]+-[ \t]+([\s\S]+)$/;
const PLAIN_DASH = /^([^\n`*_[\]]{1,60}?)(?:[ \t]+-[ \t]+|\t+-[ \t]*)([\s\S]+)$/;

export function splitNameDescription(text: string): NameDescription | undefined {
  const trimmed = text.trim();
  const code = CODE_NAME.exec(trimmed);
  if (code) return usable(`${code[1]}${code[2]}${code[1]}`, code[2]!, code[3]!, true);
  const plain = PLAIN_DASH.exec(trimmed);
  if (plain) return usable(plain[1]!.trim(), plain[1]!.trim(), plain[2]!, false);
  // A colon names only an API: "GetSessionToken: for MFA" defines a call, "Cost: free" is a label.
  const api = API_COLON.exec(trimmed);
  if (api && isApiName(api[1]!)) return usable(api[1]!, api[1]!, api[2]!, false);
  return undefined;
}

const API_COLON = /^([A-Za-z][\w-]*(?::[A-Z*][\w*]*)?)\s*:\s+([\s\S]+)$/;

/** `AssumeRole`, `sts:AssumeRole`: names people look up, asked as "What does X do?". */
function isApiName(name: string): boolean {
  return /^[A-Z][a-z]+(?:[A-Z][A-Za-z0-9]*)+$/.test(name) || /^[a-z0-9-]+:[A-Z*]\w*$/.test(name);
}

function usable(name: string, bare: string, description: string, isCode: boolean): NameDescription | undefined {
  const desc = description.trim();
  if (!desc || /[:：]$/.test(desc)) return undefined;
  if (isGenericLabel(bare)) return undefined;
  if (!isCode) {
    const words = bare.split(/\s+/);
    if (words.length > 5 || /[.;!?,:]/.test(bare)) return undefined;
    if (NOT_A_NAME_START.has(words[0]!.toLowerCase())) return undefined;
    if (words.some((w) => FINITE_VERBS.has(w.toLowerCase()))) return undefined; // "Roles are used by apps - ..." is a sentence
    if (/^\p{Ll}/u.test(bare) && !/[A-Z]/.test(bare)) return undefined; // "decision deny: ..." reads as prose
  }
  return { name, bare, description: desc };
}

/** "What does `AssumeRole` do?" for API-like names, "What is X?" otherwise. */
export function askForName(nd: NameDescription): string {
  if (isApiName(nd.bare)) return `What does ${nd.name} do?`;
  // "What is X?" reads well for a term; a longer phrase ("EC2 access to a DynamoDB table") is asked as written.
  return nd.bare.split(/\s+/).length <= 3 ? `What is ${nd.name}?` : nd.name;
}

export interface ArrowFact {
  prompt: string;
  answer: string;
}

/** "IAM allows RW + bucket denies => deny": the outcome after the arrow is what to recall. */
export function splitArrow(text: string): ArrowFact | undefined {
  const prose = proseOnly(text);
  const arrows = prose.match(/=>|⇒/g);
  if (!arrows || arrows.length !== 1) return undefined;
  const m = /^([\s\S]*\S)\s*(?:=>|⇒)\s*(\S[\s\S]*)$/.exec(text.trim());
  if (!m) return undefined;
  const answer = m[2]!.trim();
  if (answer.split(/\s+/).length > 8) return undefined;
  return { prompt: m[1]!.trim(), answer };
}

// "…? (Choose TWO)" and "…? (Select 2.)" still end in their question.
const QUESTION_END = /\?\s*(?:\*\*|__)?\s*(?:\((?:choose|select|pick)\b[^)]*\)\.?)?\s*(?:\*\*|__)?\s*$/i;

export function isQuestion(text: string): boolean {
  const end = text.indexOf("\n");
  const line = end < 0 ? text : text.slice(0, end);
  if (!line.includes("?")) return false;
  // A question asks something: a `?` alone (an Obsidian SR separator) is not one.
  return QUESTION_END.test(line) && /[\p{L}\p{N}]/u.test(line);
}

const ASKING_WORDS =
  /^(?:\d+[.)]\s*)?(?:what|why|how|when|which|who|whom|where|is|are|can|does|do|should|explain|describe|define|compare|list|name|quand|pourquoi|comment|quel(?:le)?s?)\b/i;

/** A heading that asks something: it ends in `?`, or opens like a question ("When to use roles"). */
export function isQuestionLike(text: string): boolean {
  const plain = text.replace(/\*\*|__|`/g, "").trim();
  return isQuestion(plain) || ASKING_WORDS.test(plain);
}
