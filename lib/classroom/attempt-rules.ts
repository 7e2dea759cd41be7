// Whether an attempt may start, take an answer or be submitted, decided from what the database
// says at the moment of the write (published, membership, close time) and the clock passed in.
// The stored deadline alone is not enough: an instructor can close, unpublish or remove a learner
// after the attempt started, and those changes must count from the moment they are made.

import { quizWindowState } from "./quiz-window.ts";

/**
 * How long past the deadline an answer is still taken. The page sends each choice as it is made,
 * and a send that fails waits in the device's outbox (components/classroom/answer-outbox.ts) to be
 * retried every couple of seconds; so a choice made a moment before the deadline can arrive several
 * seconds after it on a slow phone network. Thirty seconds covers a slow round trip and a few
 * retries, and is too short to be worth much to anyone answering late on purpose.
 */
export const ANSWER_GRACE_MS = 30_000;

export type AttemptRefusalCode = "not_member" | "unpublished" | "submitted" | "closed" | "not_open";

export interface AttemptRefusal {
  code: AttemptRefusalCode;
  message: string;
}

/** An attempt and its quiz as they stand now. */
export interface AttemptState {
  /** The learner is still a member of the quiz's class. */
  member: boolean;
  published: boolean;
  submittedAt: Date | null;
  /** The attempt's own end, fixed when it started (its time limit, or the close as it was then). */
  deadline: Date | null;
  /** The quiz's close time as the instructor has set it now. */
  closesAt: Date | null;
}

/** "2026-11-22 09:30 UTC": the form the quiz page shows times in; seconds only when there are some. */
export function formatUtc(at: Date): string {
  const iso = at.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, at.getUTCSeconds() === 0 ? 16 : 19)} UTC`;
}

/** When the attempt stops taking answers: its own deadline or the quiz's close, whichever is first. */
export function attemptEnd(state: Pick<AttemptState, "deadline" | "closesAt">): Date | null {
  const { deadline, closesAt } = state;
  if (deadline && closesAt) return deadline < closesAt ? deadline : closesAt;
  return deadline ?? closesAt;
}

/** True while `now` is no later than `end` plus the grace; an attempt with no end never runs out. */
export function withinGrace(end: Date | null, now: Date): boolean {
  return end === null || now.getTime() <= end.getTime() + ANSWER_GRACE_MS;
}

/**
 * What refuses the attempt whatever the clock says. Membership comes first: a learner removed from
 * the class is told only that, and nothing about the quiz's state.
 */
function standingRefusal(state: AttemptState): AttemptRefusal | null {
  if (!state.member) return { code: "not_member", message: "You are no longer a member of this class." };
  if (!state.published) return { code: "unpublished", message: "This quiz is not published: your instructor has withdrawn it." };
  return null;
}

/** Why a save of one answer is refused now, or null when it may be stored. */
export function answerRefusal(state: AttemptState, now: Date): AttemptRefusal | null {
  const standing = standingRefusal(state);
  if (standing) return standing;
  if (state.submittedAt) return { code: "submitted", message: "This attempt has been submitted: its answers can no longer change." };
  const end = attemptEnd(state);
  if (withinGrace(end, now)) return null;
  const closedFirst = state.closesAt !== null && end!.getTime() === state.closesAt.getTime();
  return closedFirst
    ? { code: "closed", message: `This quiz closed at ${formatUtc(end!)}: answers sent after that are not accepted.` }
    : { code: "closed", message: `Your time limit ended at ${formatUtc(end!)}: answers sent after that are not accepted.` };
}

/**
 * Why a submit is refused now, or null when it may go ahead. A submit that arrives after the end
 * (and its grace) is still accepted, because it adds nothing: it scores only the answers already
 * stored, and every one of those was accepted inside the window, since later saves are refused. The
 * learner keeps the credit for what they answered in time even when the page's automatic submit at
 * the deadline is delayed or the browser was closed; they cannot gain anything by submitting late.
 * A withdrawn quiz or a removed learner is refused outright: nothing is scored or sent to review.
 */
export function submitRefusal(state: AttemptState): AttemptRefusal | null {
  return standingRefusal(state);
}

/**
 * Why a new attempt cannot start now, or null. Only for a quiz the learner may see (published, in a
 * class they belong to); any other quiz is answered as if it did not exist, before this is asked.
 */
export function startRefusal(quiz: { opensAt: Date | null; closesAt: Date | null }, now: Date): AttemptRefusal | null {
  const window = quizWindowState(quiz, now);
  if (window === "upcoming") return { code: "not_open", message: `This quiz opens at ${formatUtc(quiz.opensAt!)}.` };
  if (window === "closed") return { code: "closed", message: `This quiz closed at ${formatUtc(quiz.closesAt!)}.` };
  return null;
}
