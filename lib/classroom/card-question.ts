// A card as a multiple-choice question: its back is the right answer, the distractors are the
// backs of other cards in the same deck. The distractors and their order follow from the card ids,
// so the same card in the same deck always makes the same question.

import { DomainError } from "../errors/index.ts";
import { seededShuffle } from "./random.ts";
import type { Choice, QuizQuestionDraft } from "./types.ts";

export interface DeckCard {
  id: string;
  kind: string;
  front: string;
  back: string;
}

/** Four options are what the review screen's phone layout shows without scrolling. */
export const CARD_QUESTION_OPTIONS = 4;

const normalised = (text: string) => text.trim().replace(/\s+/g, " ").toLowerCase();

/** A card that cannot be asked as multiple choice, said so the instructor knows which card and why. */
export class CardQuestionError extends DomainError<"CARD_QUESTION"> {
  constructor(message: string) {
    super("CARD_QUESTION", message);
  }
}

/** Only cards with a plain answer on the back can be asked as multiple choice. */
export function canAskCard(card: Pick<DeckCard, "kind" | "back">): boolean {
  return card.kind === "basic" && card.back.trim().length > 0;
}

export function cardQuestion(card: DeckCard, deckCards: readonly DeckCard[]): QuizQuestionDraft {
  if (!canAskCard(card)) throw new CardQuestionError("Only basic cards with an answer on the back can be asked as multiple choice.");
  const right = normalised(card.back);
  const seen = new Set([right]);
  const candidates = seededShuffle(
    deckCards.filter((other) => other.id !== card.id && canAskCard(other)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    `distractors:${card.id}`,
  );
  const distractors: string[] = [];
  for (const other of candidates) {
    const key = normalised(other.back);
    if (seen.has(key)) continue;
    seen.add(key);
    distractors.push(other.back.trim());
    if (distractors.length === CARD_QUESTION_OPTIONS - 1) break;
  }
  if (distractors.length === 0) throw new CardQuestionError("The deck has no other answers to offer as distractors.");
  const texts = seededShuffle([card.back.trim(), ...distractors], `options:${card.id}`);
  const options: Choice[] = texts.map((text, i) => ({ id: String.fromCharCode(97 + i), text, correct: normalised(text) === right }));
  return { kind: "card", prompt: card.front, options, answer: card.back.trim(), explanation: "" };
}
