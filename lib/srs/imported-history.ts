// A card's review history as another tool wrote it into the note (Logseq's `card-*` properties,
// Obsidian Spaced Repetition's `<!--SR:...-->` comment), turned into the FSRS state the app stores,
// so a learner who moves here keeps their schedule. Both tools schedule with SM-2 variants: all a
// note holds is the last interval, an ease factor and dates, never the grades themselves.
//
// The rule is the FSRS project's own bridge from SM-2, `memory_state_from_sm2` in fsrs-rs
// (src/inference.rs), which Anki uses for cards whose review log is missing (docs/scheduling.md,
// "Review history carried in notes"):
//   S = interval · factor / (r^(−1/decay) − 1), with factor = 0.9^(−1/decay) − 1
//   D = 11 − (ease − 1) / (e^w8 · S^(−w9) · (e^((1 − r)·w10) − 1))
// where r is the retention the old scheduler is assumed to have reached (0.9, Anki's default
// "historical retention"). At r = 0.9 the first line gives S = interval exactly.

import { default_w, S_MAX, S_MIN } from "ts-fsrs";
import type { ReviewHistory } from "../notes/types.ts";
import { CardStateCode, type SchedulingState } from "./types.ts";

const DAY_MS = 86_400_000;
const D_MIN = 1;
const D_MAX = 10;
/** The longest interval taken at face value: ts-fsrs's own ceiling on stability, 100 years. */
const MAX_INTERVAL_DAYS = S_MAX;
/** A review dated this far past `now` is a wrong clock or a typo, not a review. */
const FUTURE_TOLERANCE_MS = DAY_MS;
/** Logseq's "forgotten" score; anything below 3 restarts the card in Logseq (srs.cljs, next-interval). */
const LOGSEQ_REMEMBERED = 3;
/** Logseq's ease when the property is absent (srs.cljs, default-card-properties-map). */
const LOGSEQ_DEFAULT_EASE = 2.5;

export interface HistoryOptions {
  /** The learner's FSRS-6 parameters (21 numbers); ts-fsrs's defaults when absent. */
  parameters?: readonly number[] | undefined;
  /** The retention the old scheduler is taken to have reached at its intervals. */
  sm2Retention?: number;
}

export type HistoryConversion = { ok: true; state: SchedulingState } | { ok: false; reason: string };

/** The FSRS state a note's review history stands for, or undefined when it cannot be used (see convertHistory). */
export function stateFromHistory(history: ReviewHistory, now: Date, options: HistoryOptions = {}): SchedulingState | undefined {
  const result = convertHistory(history, now, options);
  return result.ok ? result.state : undefined;
}

/**
 * The FSRS state a note's review history stands for, or why it cannot be used: a card never
 * reviewed in the old tool (Logseq's defaults), no interval, numbers out of any sane range, or
 * dates that do not parse. Such a card is imported as new, exactly as without history.
 */
export function convertHistory(history: ReviewHistory, now: Date, options: HistoryOptions = {}): HistoryConversion {
  const w = options.parameters ?? default_w;
  const retention = options.sm2Retention ?? 0.9;
  if (w.length < 21) return refuse("the FSRS parameters are not FSRS-6's 21");
  if (!(retention > 0 && retention < 1)) return refuse("the assumed retention must lie between 0 and 1");

  const due = optionalDate(history.due);
  const lastReviewed = history.source === "logseq" ? optionalDate(history.lastReviewed) : undefined;
  if (due === null) return refuse(`the due date "${history.due}" is not a date`);
  if (lastReviewed === null)
    return refuse(`the last review date "${history.source === "logseq" ? history.lastReviewed : ""}" is not a date`);

  const ease = history.source === "obsidian-sr" ? history.ease / 100 : (history.ease ?? LOGSEQ_DEFAULT_EASE);
  if (!Number.isFinite(ease) || ease <= 0) return refuse(`the ease ${String(history.ease)} is not a positive number`);
  const reps = history.source === "logseq" ? history.repeats : undefined;
  if (reps !== undefined && !(Number.isInteger(reps) && reps >= 0)) return refuse(`the review count ${reps} is not a whole number`);

  if (history.source === "logseq" && history.lastScore !== undefined && history.lastScore < LOGSEQ_REMEMBERED) {
    return forgotten(due ?? lastReviewed, lastReviewed ?? due, ease, reps, now, w, retention);
  }

  const interval = history.interval;
  if (interval === undefined) return refuse("no interval");
  if (!Number.isFinite(interval)) return refuse(`the interval ${interval} is not a number`);
  if (interval <= 0) return refuse(reps === 0 || interval === -1 ? "never reviewed" : `the interval ${interval} is not positive`);
  if (interval > MAX_INTERVAL_DAYS) return refuse(`the interval of ${interval} days is longer than 100 years`);

  const intervalMs = interval * DAY_MS;
  const lastReview = lastReviewed ?? (due ? new Date(due.getTime() - intervalMs) : undefined);
  if (!lastReview) return refuse("no date: neither when the card is due nor when it was last reviewed");
  if (lastReview.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) return refuse("the last review lies in the future");
  const dueAt = due ?? new Date(lastReview.getTime() + intervalMs);
  if (dueAt.getTime() < lastReview.getTime()) return refuse("the card is due before its last review");

  const stability = stabilityFromInterval(interval, w, retention);
  return {
    ok: true,
    state: {
      due: dueAt,
      stability,
      difficulty: difficultyFromEase(ease, stability, w, retention),
      // Deprecated in ts-fsrs 5 (it measures time from lastReview); the note does not say it either.
      elapsedDays: 0,
      scheduledDays: Math.max(1, Math.round(interval)),
      learningSteps: 0,
      // A card in review was reviewed at least once; Obsidian SR does not count its reviews.
      reps: Math.max(1, reps ?? 1),
      lapses: 0,
      state: CardStateCode.Review,
      lastReview,
    },
  };
}

/**
 * A card the learner last failed in Logseq: Logseq drops its interval (-1) and shows it again at
 * once, so all that is left is the ease. It relearns here, from the smallest memory FSRS knows:
 * the stability of a first "Again" (w0).
 */
function forgotten(
  due: Date | undefined,
  lastReviewed: Date | undefined,
  ease: number,
  reps: number | undefined,
  now: Date,
  w: readonly number[],
  retention: number,
): HistoryConversion {
  if (!due || !lastReviewed) return refuse("no date: neither when the card is due nor when it was last reviewed");
  if (lastReviewed.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) return refuse("the last review lies in the future");
  const stability = clamp(w[0]!, S_MIN, S_MAX);
  return {
    ok: true,
    state: {
      due,
      stability,
      difficulty: difficultyFromEase(ease, stability, w, retention),
      elapsedDays: 0,
      scheduledDays: 0,
      learningSteps: 0,
      reps: Math.max(1, reps ?? 1),
      lapses: 1,
      state: CardStateCode.Relearning,
      lastReview: lastReviewed,
    },
  };
}

/**
 * FSRS's stability is the number of days after which recall falls to 90%. An SM-2 interval is the
 * wait after which the old scheduler expected the learner to still recall the card with
 * probability `retention`; inverting FSRS's forgetting curve R(t) = (1 + factor·t/S)^(−decay) at
 * R(interval) = retention gives S. At retention 0.9 that is the interval itself.
 */
export function stabilityFromInterval(interval: number, w: readonly number[], retention = 0.9): number {
  const decay = w[20]!;
  const factor = Math.pow(0.9, -1 / decay) - 1;
  const stability = (Math.max(interval, S_MIN) * factor) / (Math.pow(retention, -1 / decay) - 1);
  return clamp(stability, S_MIN, S_MAX);
}

/**
 * SM-2's ease is how much a successful review multiplies the interval. FSRS's stability after a
 * "Good" recall at retrievability R is S · (1 + e^w8 · (11 − D) · S^(−w9) · (e^((1−R)·w10) − 1));
 * setting that growth equal to the ease at R = retention and solving for D gives the difficulty.
 */
export function difficultyFromEase(ease: number, stability: number, w: readonly number[], retention = 0.9): number {
  const growth = Math.exp(w[8]!) * Math.pow(stability, -w[9]!) * Math.expm1((1 - retention) * w[10]!);
  const difficulty = 11 - (ease - 1) / growth;
  return Number.isFinite(difficulty) ? clamp(difficulty, D_MIN, D_MAX) : D_MAX;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function refuse(reason: string): HistoryConversion {
  return { ok: false, reason };
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * A date as the tools write it: `2024-03-05` (Obsidian SR; taken as midnight UTC, since the note
 * does not say the learner's zone) or ISO 8601 with a time (Logseq writes UTC with `Z`). A time
 * without a zone is read as UTC, so the result never depends on the server's zone. undefined when
 * absent, null when present but not a date.
 */
function optionalDate(text: string | undefined): Date | undefined | null {
  if (text === undefined) return undefined;
  const value = text.trim();
  let iso: string;
  if (DATE_ONLY.test(value)) iso = `${value}T00:00:00Z`;
  else {
    const match = DATE_TIME.exec(value);
    if (!match) return null;
    const zone = match[3] ?? "Z";
    iso = `${match[1]}T${match[2]}${zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone}`;
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) || !isCalendarDay(value.slice(0, 10)) ? null : date;
}

/** Date rolls 2024-02-31 over to 2 March; a day that does not exist is a typo, not a date. */
function isCalendarDay(day: string): boolean {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const utc = new Date(Date.UTC(year, month - 1, date));
  return utc.getUTCFullYear() === year && utc.getUTCMonth() === month - 1 && utc.getUTCDate() === date;
}
