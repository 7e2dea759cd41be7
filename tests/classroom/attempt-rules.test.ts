// The rules an answer, a submit and a start are held to (lib/classroom/attempt-rules.ts), with fixed times.
import { describe, expect, it } from "vitest";
import {
  ANSWER_GRACE_MS,
  answerRefusal,
  attemptEnd,
  formatUtc,
  startRefusal,
  submitRefusal,
  type AttemptState,
} from "@/lib/classroom/index.ts";

const at = (iso: string) => new Date(iso);
const DEADLINE = at("2026-01-10T09:30:00Z");
const CLOSE = at("2026-01-10T10:00:00Z");
const open: AttemptState = { member: true, published: true, submittedAt: null, deadline: DEADLINE, closesAt: CLOSE };
const after = (base: Date, ms: number) => new Date(base.getTime() + ms);

describe("10.6: when an answer is accepted", () => {
  const cases: Array<{ name: string; state: AttemptState; now: Date; code: string | null; message?: RegExp }> = [
    { name: "inside the time limit", state: open, now: at("2026-01-10T09:10:00Z"), code: null },
    { name: "at the grace's last millisecond", state: open, now: after(DEADLINE, ANSWER_GRACE_MS), code: null },
    {
      name: "one millisecond past the grace",
      state: open,
      now: after(DEADLINE, ANSWER_GRACE_MS + 1),
      code: "closed",
      message: /^Your time limit ended at 2026-01-10 09:30 UTC/,
    },
    { name: "no time limit and no close", state: { ...open, deadline: null, closesAt: null }, now: at("2099-01-01T00:00:00Z"), code: null },
    {
      name: "the instructor closed the quiz after the start (stored deadline none)",
      state: { ...open, deadline: null, closesAt: at("2026-01-10T09:05:00Z") },
      now: at("2026-01-10T09:06:00Z"),
      code: "closed",
      message: /^This quiz closed at 2026-01-10 09:05 UTC/,
    },
    {
      name: "an early close beats a later time limit",
      state: { ...open, closesAt: at("2026-01-10T09:20:00Z") },
      now: at("2026-01-10T09:21:00Z"),
      code: "closed",
      message: /^This quiz closed at 2026-01-10 09:20 UTC/,
    },
    {
      name: "the close's grace applies too",
      state: { ...open, closesAt: at("2026-01-10T09:20:00Z") },
      now: at("2026-01-10T09:20:29Z"),
      code: null,
    },
    {
      name: "unpublished",
      state: { ...open, published: false },
      now: at("2026-01-10T09:10:00Z"),
      code: "unpublished",
      message: /^This quiz is not published/,
    },
    {
      name: "removed from the class",
      state: { ...open, member: false },
      now: at("2026-01-10T09:10:00Z"),
      code: "not_member",
      message: /^You are no longer a member of this class/,
    },
    // A removed learner learns nothing else about the quiz, whatever its state.
    {
      name: "removed, and the quiz unpublished and closed",
      state: { ...open, member: false, published: false },
      now: at("2027-01-01T00:00:00Z"),
      code: "not_member",
    },
    {
      name: "unpublished and past the deadline",
      state: { ...open, published: false },
      now: at("2027-01-01T00:00:00Z"),
      code: "unpublished",
    },
    {
      name: "already submitted",
      state: { ...open, submittedAt: at("2026-01-10T09:15:00Z") },
      now: at("2026-01-10T09:16:00Z"),
      code: "submitted",
    },
  ];
  it.each(cases)("10.6: $name", ({ state, now, code, message }) => {
    const refusal = answerRefusal(state, now);
    expect(refusal?.code ?? null).toBe(code);
    if (message) expect(refusal?.message).toMatch(message);
  });

  it("10.6: the grace is thirty seconds", () => {
    expect(ANSWER_GRACE_MS).toBe(30_000);
  });
});

describe("10.6: when a submit is accepted", () => {
  const cases: Array<{ name: string; state: AttemptState; code: string | null }> = [
    { name: "in time", state: open, code: null },
    // Late submits score only what was stored in time: the saves after the end were refused.
    { name: "long after the deadline and the close", state: { ...open, closesAt: at("2026-01-10T09:00:00Z") }, code: null },
    { name: "unpublished", state: { ...open, published: false }, code: "unpublished" },
    { name: "removed from the class", state: { ...open, member: false }, code: "not_member" },
    { name: "removed and unpublished", state: { ...open, member: false, published: false }, code: "not_member" },
  ];
  it.each(cases)("10.6: $name", ({ state, code }) => {
    expect(submitRefusal(state)?.code ?? null).toBe(code);
  });
});

describe("10.6: when an attempt starts", () => {
  const quiz = { opensAt: at("2026-01-10T09:00:00Z"), closesAt: CLOSE };
  const cases: Array<{ now: string; code: string | null; message?: string }> = [
    { now: "2026-01-10T08:59:59Z", code: "not_open", message: "This quiz opens at 2026-01-10 09:00 UTC." },
    { now: "2026-01-10T09:00:00Z", code: null },
    { now: "2026-01-10T09:59:59Z", code: null },
    // No grace to start: the grace is for answers already on their way.
    { now: "2026-01-10T10:00:00Z", code: "closed", message: "This quiz closed at 2026-01-10 10:00 UTC." },
  ];
  it.each(cases)("10.6: at $now", ({ now, code, message }) => {
    const refusal = startRefusal(quiz, at(now));
    expect(refusal?.code ?? null).toBe(code);
    if (message) expect(refusal?.message).toBe(message);
  });
});

describe("attempt end and times", () => {
  it.each([
    { deadline: DEADLINE, closesAt: CLOSE, end: DEADLINE },
    { deadline: CLOSE, closesAt: DEADLINE, end: DEADLINE },
    { deadline: null, closesAt: CLOSE, end: CLOSE },
    { deadline: DEADLINE, closesAt: null, end: DEADLINE },
    { deadline: null, closesAt: null, end: null },
  ])("the earlier of $deadline and $closesAt", ({ deadline, closesAt, end }) => {
    expect(attemptEnd({ deadline, closesAt })).toEqual(end);
  });

  it("shows seconds only when there are some", () => {
    expect(formatUtc(at("2026-01-10T09:30:00Z"))).toBe("2026-01-10 09:30 UTC");
    expect(formatUtc(at("2026-01-10T09:30:45.500Z"))).toBe("2026-01-10 09:30:45 UTC");
  });
});
