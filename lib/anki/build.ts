// An Anki collection as this app's import: one card draft per Anki card (its faces rendered from
// the note type's templates, HTML turned into markdown), the card's graded history replayed into
// an FSRS state, its suspension or burial, and the images its notes show.
import type { CardDraft, ImportProblem } from "../notes/index.ts";
import { stateFromHistory, type CardSettings, type SchedulingState } from "../srs/index.ts";
import type { AnkiCard, AnkiCollection, AnkiNote, AnkiNoteType } from "./collection.ts";
import { htmlToMarkdownMany } from "./html.ts";
import { imageType, mediaHash, placeMissing, rewriteMediaRefs, type AnkiMedia } from "./media.ts";
import { ORD_SUFFIX } from "./export.ts";
import { replayRevlog, type ImportedReview } from "./revlog.ts";
import { renderTemplate } from "./templates.ts";

const SUSPENDED = -1;
const BURIED = [-2, -3];
const REVIEW = 2;

export interface AnkiCardImport {
  key: string;
  reviews: ImportedReview[];
  /** Null for a card still new in Anki. */
  state: SchedulingState | null;
  suspended: boolean;
  buried: boolean;
  /** Anki's own FSRS memory state (cards.data `s`, `d`) when it kept one. */
  ankiMemory?: { stability: number; difficulty: number };
}

export interface AnkiImportCounts {
  notes: number;
  cards: number;
  reviews: number;
  /** Revlog entries that were not grades (manual, rescheduled). */
  skippedReviews: number;
  media: number;
  missingMedia: number;
  /** Cards whose note or template could not be found, or rendered empty. */
  skippedCards: number;
}

export interface MemoryComparison {
  /** Cards with both Anki's FSRS state and a replayed one. */
  compared: number;
  /** Mean of |replayed − Anki| / Anki over those cards. */
  meanStabilityGap: number;
  meanDifficultyGap: number;
}

export interface AnkiImport {
  file: string;
  drafts: CardDraft[];
  /** In the drafts' order. */
  cards: AnkiCardImport[];
  media: AnkiMedia[];
  counts: AnkiImportCounts;
  problems: ImportProblem[];
  memory: MemoryComparison;
}

export interface BuildOptions {
  settings: CardSettings;
  now: Date;
}

export function buildAnkiImport(
  file: string,
  collection: AnkiCollection,
  mediaFiles: ReadonlyMap<string, Uint8Array>,
  options: BuildOptions,
): AnkiImport {
  const media = new Map<string, AnkiMedia>();
  for (const [name, bytes] of mediaFiles) {
    const mime = imageType(name);
    if (mime) media.set(name, { name, mime, bytes, sha256: mediaHash(bytes) });
  }
  const notes = new Map(collection.notes.map((n) => [n.id, n]));
  const revlogByCard = new Map<string, AnkiCollection["revlog"]>();
  for (const entry of collection.revlog) {
    const list = revlogByCard.get(entry.cardId);
    if (list) list.push(entry);
    else revlogByCard.set(entry.cardId, [entry]);
  }
  const problems: ImportProblem[] = [];
  const drafts: CardDraft[] = [];
  const cards: AnkiCardImport[] = [];
  const usedMedia = new Set<string>();
  const missing = new Set<string>();
  const notesWithCards = new Set<string>();
  const counts: AnkiImportCounts = { notes: 0, cards: 0, reviews: 0, skippedReviews: 0, media: 0, missingMedia: 0, skippedCards: 0 };
  const gaps = { compared: 0, stability: 0, difficulty: 0 };
  const placeholders: Array<[string[], string[]]> = [];

  for (const card of collection.cards) {
    const note = notes.get(card.noteId);
    const noteType = note ? collection.noteTypes.get(note.noteTypeId) : undefined;
    const faces = note && noteType ? cardFaces(note, noteType, card, collection, media) : undefined;
    if (!note || !faces || isBlank(faces.front)) {
      counts.skippedCards += 1;
      problems.push({
        file,
        message: `card ${card.id} was left out: ${!note ? "its note is missing" : !noteType ? "its note type is missing" : "its question is empty"}`,
      });
      continue;
    }
    for (const name of faces.used) usedMedia.add(name);
    for (const name of faces.missing) missing.add(name);
    notesWithCards.add(note.id);
    placeholders.push(faces.placeholders);
    const { guid, ord } = noteIdentity(note.guid, card.ord);
    const key = `anki:${guid}:${ord}`;
    drafts.push({
      key,
      kind: noteType!.kind === "cloze" ? "cloze" : "basic",
      deckPath: collection.decks.get(card.deckId) ?? ["Anki"],
      front: faces.front,
      back: faces.back,
      tags: note.tags,
      source: { file, line: drafts.length + 1 },
      noteKey: `anki:${guid}`,
    });
    const replay = replayRevlog(revlogByCard.get(card.id) ?? [], options.settings, key);
    counts.reviews += replay.reviews.length;
    counts.skippedReviews += replay.skipped;
    const state = scheduleFromAnki(replay.state, card, collection.crt, options.now);
    const ankiMemory = memoryOf(card.data);
    if (ankiMemory && state && state.stability > 0) {
      gaps.compared += 1;
      gaps.stability += Math.abs(state.stability - ankiMemory.stability) / ankiMemory.stability;
      gaps.difficulty += Math.abs(state.difficulty - ankiMemory.difficulty) / ankiMemory.difficulty;
    }
    cards.push({
      key,
      reviews: replay.reviews,
      state,
      suspended: card.queue === SUSPENDED,
      buried: BURIED.includes(card.queue),
      ...(ankiMemory ? { ankiMemory } : {}),
    });
  }
  counts.notes = notesWithCards.size;
  counts.cards = drafts.length;
  counts.media = usedMedia.size;
  counts.missingMedia = missing.size;
  if (missing.size > 0) {
    const names = [...missing].slice(0, 10).join(", ");
    problems.push({
      file,
      message: `${missing.size} media file(s) the notes reference are not in the package or are not images: ${names}${missing.size > 10 ? ", …" : ""}`,
    });
  }
  return {
    file,
    drafts: toMarkdown(drafts, placeholders),
    cards,
    media: [...usedMedia].map((name) => media.get(name)!),
    counts,
    problems,
    memory: {
      compared: gaps.compared,
      meanStabilityGap: gaps.compared ? gaps.stability / gaps.compared : 0,
      meanDifficultyGap: gaps.compared ? gaps.difficulty / gaps.compared : 0,
    },
  };
}

/** HTML, until toMarkdown. */
interface Faces {
  front: string;
  back: string;
  placeholders: [string[], string[]];
  used: string[];
  missing: string[];
}

function cardFaces(
  note: AnkiNote,
  noteType: AnkiNoteType,
  card: AnkiCard,
  collection: AnkiCollection,
  media: ReadonlyMap<string, AnkiMedia>,
): Faces | undefined {
  const cloze = noteType.kind === "cloze";
  // A cloze note type has one template; its cards are told apart by cloze number (ord + 1).
  const template = cloze ? noteType.templates[0] : noteType.templates.find((t) => t.ord === card.ord);
  if (!template) return undefined;
  const fields = new Map<string, string>();
  noteType.fields.forEach((name, i) => fields.set(name, note.fields[i] ?? ""));
  const deckPath = collection.decks.get(card.deckId) ?? [];
  const special = {
    Tags: note.tags.join(" "),
    Deck: deckPath.join("::"),
    Subdeck: deckPath.at(-1) ?? "",
    Card: template.name,
    Type: noteType.name,
  };
  const context = { fields, special, cloze: card.ord + 1 };
  const question = renderTemplate(template.qfmt, context);
  // The review screen shows the question above the answer, so the answer leaves out {{FrontSide}}
  // and Anki's answer divider; a cloze's deletion is the question's, revealed there.
  const answer = renderTemplate(template.afmt, { ...context, frontSide: "", dropCloze: cloze }).replace(
    /<hr\s+id=["']?answer["']?\s*\/?>/i,
    "",
  );
  const front = rewriteMediaRefs(question, media);
  const back = rewriteMediaRefs(answer, media);
  return {
    front: front.html,
    back: back.html,
    placeholders: [front.placeholders, back.placeholders],
    used: [...front.used, ...back.used],
    missing: [...front.missing, ...back.missing],
  };
}

/** Every draft's faces from HTML to markdown at once (htmlToMarkdownMany is fast in bulk). */
function toMarkdown(drafts: CardDraft[], placeholders: Array<[string[], string[]]>): CardDraft[] {
  const markdown = htmlToMarkdownMany(drafts.flatMap((d) => [d.front, d.back]));
  return drafts.map((d, i) => ({
    ...d,
    front: placeMissing(markdown[2 * i]!, placeholders[i]![0]),
    back: placeMissing(markdown[2 * i + 1]!, placeholders[i]![1]),
  }));
}

/**
 * The replayed state, with Anki's own due date for a card in review: that is the schedule the
 * learner left (Anki's scheduler may differ from this app's), and it lets an export and a
 * re-import keep the dates. A review card without any graded history (its log was cleared, or
 * it came from a shared deck with schedules) takes the SM-2 bridge lib/srs uses for notes.
 */
function scheduleFromAnki(replayed: SchedulingState | null, card: AnkiCard, crt: number, now: Date): SchedulingState | null {
  const inReview = card.type === REVIEW && card.queue !== 4;
  const ankiDue = inReview ? new Date((crt + card.due * 86_400) * 1000) : null;
  if (replayed) {
    if (ankiDue && ankiDue.getTime() > (replayed.lastReview?.getTime() ?? 0)) {
      return { ...replayed, due: ankiDue, scheduledDays: Math.max(1, card.ivl) };
    }
    return replayed;
  }
  if (!ankiDue || card.ivl <= 0) return null;
  return (
    stateFromHistory(
      {
        source: "obsidian-sr",
        due: ankiDue.toISOString().slice(0, 10),
        interval: card.ivl,
        ease: card.factor > 0 ? card.factor / 10 : 250,
      },
      now,
    ) ?? null
  );
}

/**
 * The note and card a card stands for: its own, or, for a card this app exported as a note of
 * its own (export.ts), the note and ord it came from, so a round trip keeps its key.
 */
function noteIdentity(guid: string, ord: number): { guid: string; ord: number } {
  const at = guid.lastIndexOf(ORD_SUFFIX);
  const suffix = at > 0 ? guid.slice(at + ORD_SUFFIX.length) : "";
  if (!/^\d+$/.test(suffix) || (ord !== 0 && ord !== Number(suffix))) return { guid, ord };
  return { guid: guid.slice(0, at), ord: Number(suffix) };
}

/** A question with no text and no image shows nothing: Anki would not have made the card. */
function isBlank(html: string): boolean {
  // A check, not a conversion: tags and spaces stripped by pattern, the sanitiser is not needed.
  return !/<img\b/i.test(html) && html.replace(/<[^>]*>|&nbsp;|\s/g, "") === "";
}

function memoryOf(data: string): { stability: number; difficulty: number } | undefined {
  if (!data || data === "{}") return undefined;
  try {
    const parsed = JSON.parse(data) as { s?: unknown; d?: unknown };
    if (typeof parsed.s === "number" && typeof parsed.d === "number" && parsed.s > 0) return { stability: parsed.s, difficulty: parsed.d };
  } catch {
    // Anki writes this column; a value it cannot have written is ignored, as Anki would.
  }
  return undefined;
}
