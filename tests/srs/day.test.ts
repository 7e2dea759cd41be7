import { describe, expect, it } from "vitest";
import { isValidTimeZone, learnerDay } from "@/lib/srs/index.ts";

// Zone offsets from the IANA time zone database as shipped with Node's ICU:
// Europe/Paris is UTC+1 in winter and UTC+2 from the last Sunday of March;
// America/New_York switched to EST on 2026-11-01; Asia/Kolkata is UTC+5:30 all year.
describe("learnerDay: the day starts at 4 a.m. local time", () => {
  const cases: Array<{ name: string; now: string; zone: string; start: string; end: string }> = [
    {
      name: "afternoon in UTC",
      now: "2026-11-22T15:00:00Z",
      zone: "UTC",
      start: "2026-11-22T04:00:00.000Z",
      end: "2026-11-23T04:00:00.000Z",
    },
    {
      name: "02:00 in UTC still belongs to yesterday",
      now: "2026-11-22T02:00:00Z",
      zone: "UTC",
      start: "2026-11-21T04:00:00.000Z",
      end: "2026-11-22T04:00:00.000Z",
    },
    {
      name: "exactly 04:00 starts a new day",
      now: "2026-11-22T04:00:00Z",
      zone: "UTC",
      start: "2026-11-22T04:00:00.000Z",
      end: "2026-11-23T04:00:00.000Z",
    },
    {
      name: "Paris in winter (UTC+1)",
      now: "2026-11-22T10:00:00Z",
      zone: "Europe/Paris",
      start: "2026-11-22T03:00:00.000Z",
      end: "2026-11-23T03:00:00.000Z",
    },
    {
      name: "Paris across the spring change (day is 23 h)",
      now: "2026-03-28T12:00:00Z",
      zone: "Europe/Paris",
      start: "2026-03-28T03:00:00.000Z",
      end: "2026-03-29T02:00:00.000Z",
    },
    {
      name: "New York on the fall-back day (day is 25 h)",
      now: "2026-10-31T12:00:00Z",
      zone: "America/New_York",
      start: "2026-10-31T08:00:00.000Z",
      end: "2026-11-01T09:00:00.000Z",
    },
    {
      name: "Kolkata half-hour offset",
      now: "2026-11-22T00:00:00Z",
      zone: "Asia/Kolkata",
      start: "2026-11-21T22:30:00.000Z",
      end: "2026-11-22T22:30:00.000Z",
    },
    {
      name: "year boundary before rollover",
      now: "2027-01-01T03:30:00Z",
      zone: "UTC",
      start: "2026-12-31T04:00:00.000Z",
      end: "2027-01-01T04:00:00.000Z",
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const day = learnerDay(new Date(c.now), c.zone);
      expect(day.start.toISOString()).toBe(c.start);
      expect(day.end.toISOString()).toBe(c.end);
    });
  }

  it("accepts real zones and refuses made-up ones", () => {
    expect(isValidTimeZone("Europe/Paris")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus_Mons")).toBe(false);
  });
});
