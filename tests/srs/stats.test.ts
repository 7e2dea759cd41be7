import { describe, expect, it } from "vitest";
import { cardsByState, dueForecast, learnerCalendar, reviewsPerDay, trueRetention, type RetentionLog } from "@/lib/srs/index.ts";

const NOW = new Date("2026-05-13T12:00:00Z"); // a Wednesday
const d = (iso: string) => new Date(iso);

describe("learnerCalendar", () => {
  it("splits time at 4 a.m. local and names each day by its local date", () => {
    const cal = learnerCalendar(d("2026-03-27T12:00:00Z"), d("2026-03-30T12:00:00Z"), "Europe/Paris");
    expect(cal.dates).toEqual(["2026-03-27", "2026-03-28", "2026-03-29", "2026-03-30"]);
    // The spring change makes 2026-03-28's learner day 23 hours long.
    expect((cal.bounds[2]! - cal.bounds[1]!) / 3_600_000).toBe(23);
    expect(cal.indexOf(d("2026-03-29T01:59:00Z").getTime())).toBe(1);
    expect(cal.indexOf(d("2026-03-29T02:00:00Z").getTime())).toBe(2);
    expect(cal.indexOf(d("2026-03-01T00:00:00Z").getTime())).toBe(-1);
    expect(cal.indexOf(d("2026-04-30T00:00:00Z").getTime())).toBe(4);
  });
});

describe("dueForecast", () => {
  const cards = [
    { state: 2, due: d("2026-05-01T10:00:00Z"), scheduledDays: 5 }, // overdue: today
    { state: 2, due: d("2026-05-13T20:00:00Z"), scheduledDays: 3 }, // later today
    { state: 2, due: d("2026-05-14T03:59:00Z"), scheduledDays: 40 }, // before 4 a.m.: still today, mature
    { state: 1, due: d("2026-05-13T12:10:00Z") }, // learning step
    { state: 2, due: d("2026-05-14T04:00:00Z"), scheduledDays: 2 }, // tomorrow
    { state: 3, due: d("2026-05-20T09:00:00Z") },
    { state: 2, due: d("2026-06-11T09:00:00Z"), scheduledDays: 30 }, // day 29, the last one
    { state: 2, due: d("2026-06-12T09:00:00Z"), scheduledDays: 30 }, // beyond 30 days
    { state: 0, due: d("2026-05-13T09:00:00Z") }, // new: not forecast
    { state: null, due: d("2026-05-13T09:00:00Z") },
    { state: 2, due: d("2026-05-13T09:00:00Z"), suspended: true },
  ];

  it("counts cards per learner day for 30 days, overdue ones today", () => {
    const forecast = dueForecast(cards, NOW, "UTC");
    expect(forecast).toHaveLength(30);
    expect(forecast[0]).toEqual({ date: "2026-05-13", learning: 1, young: 2, mature: 1, total: 4 });
    expect(forecast[1]).toEqual({ date: "2026-05-14", learning: 0, young: 1, mature: 0, total: 1 });
    expect(forecast[7]).toEqual({ date: "2026-05-20", learning: 1, young: 0, mature: 0, total: 1 });
    expect(forecast[29]).toEqual({ date: "2026-06-11", learning: 0, young: 0, mature: 1, total: 1 });
    expect(forecast.reduce((sum, day) => sum + day.total, 0)).toBe(7);
  });

  it("uses the learner's time zone for the day boundary", () => {
    // 07:30Z on the 14th is 03:30 in New York: still the 13th's learner day.
    const forecast = dueForecast(
      [
        { state: 2, due: d("2026-05-14T07:30:00Z") },
        { state: 2, due: d("2026-05-14T08:30:00Z") },
      ],
      NOW,
      "America/New_York",
      3,
    );
    expect(forecast.map((f) => [f.date, f.total])).toEqual([
      ["2026-05-13", 1],
      ["2026-05-14", 1],
      ["2026-05-15", 0],
    ]);
  });
});

describe("reviewsPerDay", () => {
  it("gives 365 days ending today with the reviews of each", () => {
    const logs = [
      { review: d("2026-05-13T05:00:00Z") },
      { review: d("2026-05-13T11:00:00Z") },
      { review: d("2026-05-13T02:00:00Z") }, // before 4 a.m.: the 12th
      { review: d("2025-05-14T10:00:00Z") }, // first day of the window
      { review: d("2025-05-13T10:00:00Z") }, // a year ago today: outside
      { review: d("2026-05-14T10:00:00Z") }, // future: ignored
    ];
    const days = reviewsPerDay(logs, NOW, "UTC");
    expect(days).toHaveLength(365);
    expect(days.at(-1)).toEqual({ date: "2026-05-13", count: 2 });
    expect(days.at(-2)).toEqual({ date: "2026-05-12", count: 1 });
    expect(days[0]).toEqual({ date: "2025-05-14", count: 1 });
    expect(days.reduce((s, x) => s + x.count, 0)).toBe(4);
  });
});

describe("trueRetention", () => {
  const log = (iso: string, rating: number, state: number, scheduledDays = 5): RetentionLog => ({
    review: d(iso),
    rating,
    state,
    scheduledDays,
  });
  const logs: RetentionLog[] = [
    // Week of Monday 2026-05-11 (ISO week 20): 3 of 4 review-state grades passed.
    log("2026-05-11T09:00:00Z", 3, 2),
    log("2026-05-12T09:00:00Z", 3, 2),
    log("2026-05-12T10:00:00Z", 1, 2),
    log("2026-05-13T09:00:00Z", 2, 2, 30),
    // Not counted: learning, relearning and new cards' grades.
    log("2026-05-12T09:05:00Z", 1, 1),
    log("2026-05-12T10:10:00Z", 3, 3),
    log("2026-05-12T08:00:00Z", 1, 0),
    // Week 19 (May 4-10): one Again, one Easy on a mature card.
    log("2026-05-05T09:00:00Z", 1, 2),
    log("2026-05-10T09:00:00Z", 4, 2, 40),
    // 02:00 on Monday May 4 still belongs to Sunday May 3's learner day: week 18, month of May.
    log("2026-05-04T02:00:00Z", 1, 2),
    // April.
    log("2026-04-20T09:00:00Z", 3, 2),
    log("2026-04-21T09:00:00Z", 1, 2),
  ];

  it("groups by ISO week and calendar month in the learner's days", () => {
    const r = trueRetention(logs, NOW, "UTC", { weeks: 3, months: 2 });
    expect(r.weeks.map((w) => [w.label, w.start, w.reviews, w.passed, w.retention])).toEqual([
      ["2026-W18", "2026-04-27", 1, 0, 0],
      ["2026-W19", "2026-05-04", 2, 1, 0.5],
      ["2026-W20", "2026-05-11", 4, 3, 0.75],
    ]);
    expect(r.months.map((m) => [m.label, m.start, m.reviews, m.passed])).toEqual([
      ["2026-04", "2026-04-01", 2, 1],
      ["2026-05", "2026-05-01", 7, 4],
    ]);
  });

  it("splits young and mature cards at a 21-day interval", () => {
    const week20 = trueRetention(logs, NOW, "UTC", { weeks: 1, months: 1 }).weeks[0]!;
    expect(week20.young).toEqual({ reviews: 3, passed: 2, retention: 2 / 3 });
    expect(week20.mature).toEqual({ reviews: 1, passed: 1, retention: 1 });
  });

  it("counts an entry that stands for several alike grades as that many", () => {
    const one = (l: RetentionLog) => Array.from({ length: l.count ?? 1 }, () => ({ ...l, count: undefined }));
    const weighted = [
      { ...log("2026-05-12T09:00:00Z", 3, 2), count: 5 },
      { ...log("2026-05-12T10:00:00Z", 1, 2, 30), count: 2 },
    ];
    const r = trueRetention(weighted, NOW, "UTC", { weeks: 1, months: 1 });
    expect(r).toEqual(trueRetention(weighted.flatMap(one), NOW, "UTC", { weeks: 1, months: 1 }));
    expect(r.weeks[0]).toMatchObject({ reviews: 7, passed: 5, young: { reviews: 5, passed: 5 }, mature: { reviews: 2, passed: 0 } });
    expect(reviewsPerDay(weighted, NOW, "UTC").at(-2)).toEqual({ date: "2026-05-12", count: 7 });
  });

  it("reports null retention for periods without reviews", () => {
    const r = trueRetention([], NOW, "UTC", { weeks: 2, months: 1 });
    expect(r.weeks.map((w) => w.retention)).toEqual([null, null]);
    expect(r.months[0]).toMatchObject({ label: "2026-05", reviews: 0, retention: null });
  });
});

describe("cardsByState", () => {
  it("counts new (never studied or state 0), learning, review, relearning and suspended", () => {
    expect(
      cardsByState([
        { state: null },
        { state: 0 },
        { state: 1 },
        { state: 2 },
        { state: 2 },
        { state: 3 },
        { state: 2, suspended: true },
        { state: null, suspended: true },
      ]),
    ).toEqual({ new: 2, learning: 1, review: 2, relearning: 1, suspended: 2, total: 8 });
  });
});
