import "server-only";
import {
  askableQuestions,
  cardQuestion,
  CardQuestionError,
  playScenario,
  scenarioKey,
  scenarioSeed,
  type QuizQuestionDraft,
} from "../../classroom/index.ts";
import { parseScenario, ScenarioError } from "../../scenarios/index.ts";
import { prisma } from "../client.ts";
import { jsonColumn } from "../json-column.ts";
import { readableScopes } from "../library-scope.ts";
import type { SessionUser } from "../users.ts";
import { teaches } from "./classes.ts";
import { catalogueForScenario } from "./catalogue.ts";
import { editQuestions, type QuestionEdit } from "./quizzes.ts";

/** The decks the instructor can pick questions from (their own and the starter decks). */
export async function builderDecks(instructor: SessionUser) {
  if (!teaches(instructor)) return [];
  return prisma.deck.findMany({
    where: { scope: { in: readableScopes(instructor) } },
    orderBy: { path: "asc" },
    select: { id: true, path: true, _count: { select: { cards: { where: { suspended: false } } } } },
  });
}

/** A readable deck's active cards, for the picker; null when the instructor may not read it. */
export async function builderDeckCards(instructor: SessionUser, deckId: string) {
  if (!teaches(instructor)) return null;
  return prisma.deck.findFirst({
    where: { id: deckId, scope: { in: readableScopes(instructor) } },
    select: {
      id: true,
      path: true,
      cards: {
        where: { suspended: false },
        orderBy: [{ sourceFile: "asc" }, { sourceLine: "asc" }],
        select: { id: true, kind: true, front: true, back: true },
      },
    },
  });
}

export type AddOutcome = QuestionEdit | { ok: false; code: "invalid"; message: string };

type Row = QuizQuestionDraft & { cardId: string | null; scenarioSource: string | null; scenarioQuestion: number; template: boolean };

type Tx = Parameters<Parameters<typeof editQuestions>[2]>[0];

/** Why these rows may not join the quiz: a card or a scenario it already holds (asking twice scores twice). */
async function duplicateOf(tx: Tx, quizId: string, rows: Row[]): Promise<string | null> {
  const cardIds = rows.filter((r) => r.kind === "card" && r.cardId).map((r) => r.cardId!);
  if (cardIds.length > 0 && (await tx.quizQuestion.count({ where: { quizId, kind: "card", cardId: { in: cardIds } } })) > 0) {
    return "This card is already in the quiz.";
  }
  const written = rows.find((r) => r.scenarioSource !== null)?.scenarioSource;
  if (!written) return null;
  const source = scenarioKey(written);
  const existing = await tx.quizQuestion.findMany({
    where: { quizId, kind: "scenario" },
    select: { scenarioSource: true },
    distinct: ["scenarioSource"],
  });
  return existing.some((q) => q.scenarioSource !== null && scenarioKey(q.scenarioSource) === source)
    ? "This scenario is already in the quiz: each scenario can be added once. Remove its questions first to add it again."
    : null;
}

async function insertQuestions(instructor: SessionUser, quizId: string, rows: Row[], now: Date): Promise<AddOutcome> {
  return editQuestions(instructor, quizId, async (tx) => {
    const duplicate = await duplicateOf(tx, quizId, rows);
    if (duplicate) return { duplicate };
    const last = await tx.quizQuestion.findFirst({ where: { quizId }, orderBy: { position: "desc" }, select: { position: true } });
    const start = (last?.position ?? -1) + 1;
    await tx.quizQuestion.createMany({
      data: rows.map((r, i) => ({
        quizId,
        position: start + i,
        kind: r.kind,
        cardId: r.cardId,
        scenarioSource: r.scenarioSource,
        scenarioQuestion: r.scenarioQuestion,
        template: r.template,
        prompt: r.prompt,
        options: jsonColumn(r.options),
        answer: r.answer,
        explanation: r.explanation,
        createdAt: now,
      })),
    });
    return true;
  });
}

/** Adds cards as multiple-choice questions; each card must be readable by the instructor. */
export async function addCardQuestions(instructor: SessionUser, quizId: string, cardIds: string[], now: Date): Promise<AddOutcome> {
  if (!teaches(instructor)) return { ok: false, code: "not_found", message: "There is no such quiz." };
  const cards = await prisma.card.findMany({
    where: { id: { in: cardIds }, scope: { in: readableScopes(instructor) }, suspended: false },
    select: { id: true, kind: true, front: true, back: true, deckId: true },
  });
  if (cards.length !== new Set(cardIds).size) return { ok: false, code: "not_found", message: "There is no such card." };
  const deckIds = [...new Set(cards.map((c) => c.deckId))];
  const siblings = await prisma.card.findMany({
    where: { deckId: { in: deckIds }, suspended: false },
    select: { id: true, kind: true, front: true, back: true, deckId: true },
  });
  const scenarioCards = cards.filter((c) => c.kind === "scenario");
  if (scenarioCards.length > 0) {
    if (cards.length > 1) return { ok: false, code: "invalid", message: "Add scenario cards one at a time." };
    return addScenarioCard(instructor, quizId, scenarioCards[0]!.id, false, now);
  }
  const rows: Row[] = [];
  for (const id of cardIds) {
    const card = cards.find((c) => c.id === id)!;
    try {
      const draft = cardQuestion(
        card,
        siblings.filter((s) => s.deckId === card.deckId),
      );
      rows.push({ ...draft, cardId: card.id, scenarioSource: null, scenarioQuestion: 0, template: false });
    } catch (error) {
      if (error instanceof CardQuestionError) return { ok: false, code: "invalid", message: error.message };
      throw error;
    }
  }
  return insertQuestions(instructor, quizId, rows, now);
}

/** Adds every multiple-choice question of a scenario, written in the editor or taken from a deck. */
export async function addScenarioQuestions(
  instructor: SessionUser,
  quizId: string,
  input: { source: string; template: boolean; cardId?: string | null },
  now: Date,
): Promise<AddOutcome> {
  if (!teaches(instructor)) return { ok: false, code: "not_found", message: "There is no such quiz." };
  let played;
  try {
    const catalogue = await catalogueForScenario(parseScenario(input.source));
    played = playScenario(input.source, { now: now.toISOString(), seed: scenarioSeed(quizId), catalogue });
  } catch (error) {
    if (error instanceof ScenarioError) return { ok: false, code: "invalid", message: error.describe() };
    throw error;
  }
  const indexes = askableQuestions(played.answered);
  if (indexes.length === 0) return { ok: false, code: "invalid", message: "None of the scenario's questions has options to choose from." };
  const rows = indexes.map((index, i): Row => ({
    ...played.quizQuestions[i]!,
    cardId: input.cardId ?? null,
    scenarioSource: input.source,
    scenarioQuestion: index,
    template: input.template,
  }));
  return insertQuestions(instructor, quizId, rows, now);
}

/** A scenario card from a readable deck: its front holds the scenario source. */
export async function addScenarioCard(
  instructor: SessionUser,
  quizId: string,
  cardId: string,
  template: boolean,
  now: Date,
): Promise<AddOutcome> {
  const card = await prisma.card.findFirst({
    where: { id: cardId, kind: "scenario", scope: { in: readableScopes(instructor) } },
    select: { id: true, front: true },
  });
  if (!card) return { ok: false, code: "not_found", message: "There is no such scenario card." };
  return addScenarioQuestions(instructor, quizId, { source: card.front, template, cardId: card.id }, now);
}
