import { describe, expect, it } from "vitest";
import { intervalLabel, intervalUntil } from "@/lib/srs/index.ts";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe("interval labels", () => {
  const cases: Array<[number, string]> = [
    [20_000, "<1m"],
    [MIN, "1m"],
    [6 * MIN, "6m"],
    [10 * MIN, "10m"],
    [59 * MIN, "59m"],
    [HOUR, "1h"],
    [2.5 * HOUR, "2.5h"],
    [DAY, "1d"],
    [3 * DAY, "3d"],
    [29 * DAY, "29d"],
    [63 * DAY, "2.1mo"],
    [300 * DAY, "10mo"],
    [365 * DAY, "1y"],
    [438 * DAY, "1.2y"],
    [36500 * DAY, "100y"],
  ];
  for (const [ms, label] of cases) {
    it(`${ms} ms reads ${label}`, () => expect(intervalLabel(ms)).toBe(label));
  }
  it("measures from now to the due date", () => {
    expect(intervalUntil(new Date("2026-01-04T00:00:00Z"), new Date("2026-01-01T00:00:00Z"))).toBe("3d");
  });
});
