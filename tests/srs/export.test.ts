import { describe, expect, it } from "vitest";
import {
  createBackup,
  csvField,
  DEFAULT_SETTINGS,
  gradeCard,
  parseBackup,
  REVIEW_CSV_HEADER,
  reviewsToCsv,
  type Backup,
} from "@/lib/srs/index.ts";

describe("review CSV for the FSRS optimizer", () => {
  it("has exactly the optimizer's columns", () => {
    expect(REVIEW_CSV_HEADER).toBe("card_id,review_time,review_rating,review_state,review_duration");
  });

  it("writes ms timestamps, ratings, states and durations", () => {
    const csv = reviewsToCsv([
      { cardId: "ckabc", review: new Date("2026-01-05T09:00:00.123Z"), rating: 3, state: 0, durationMs: 5400.4 },
      { cardId: "ckabc", review: new Date("2026-01-07T18:30:00Z"), rating: 1, state: 2, durationMs: -5 },
    ]);
    expect(csv).toBe(
      "card_id,review_time,review_rating,review_state,review_duration\n" + "ckabc,1767603600123,3,0,5400\n" + "ckabc,1767810600000,1,2,0\n",
    );
  });

  const escaping: Array<[string, string]> = [
    ["plain-id_1", "plain-id_1"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["line\nbreak", '"line\nbreak"'],
    ["cr\rhere", '"cr\rhere"'],
    ["", ""],
  ];
  for (const [raw, escaped] of escaping) {
    it(`escapes ${JSON.stringify(raw)}`, () => expect(csvField(raw)).toBe(escaped));
  }

  it("quotes an awkward card id inside a full row", () => {
    const csv = reviewsToCsv([{ cardId: 'x,"y"', review: new Date(0), rating: 4, state: 1, durationMs: 1 }]);
    expect(csv.split("\n")[1]).toBe('"x,""y""",0,4,1,1');
  });

  it("refuses a non-finite timestamp rather than writing NaN", () => {
    expect(() => reviewsToCsv([{ cardId: "a", review: new Date("bad"), rating: 3, state: 2, durationMs: 0 }])).toThrow(/review_time/);
  });
});

function sampleBackup(): Backup {
  const t0 = new Date("2026-02-01T10:00:00.000Z");
  const first = gradeCard(null, 3, t0, DEFAULT_SETTINGS, "card-1");
  const second = gradeCard(first.next, 3, new Date("2026-02-01T10:10:00.000Z"), DEFAULT_SETTINGS, "card-1");
  // A database row carries more columns than the backup keeps.
  const row = { id: "row-1", userId: "u1", ...second.next, suspended: false, buriedUntil: null };
  return createBackup({
    exportedAt: new Date("2026-02-02T00:00:00.000Z"),
    settings: { ...DEFAULT_SETTINGS, newPerDay: 15, decks: { "deck-sts": { newPerDay: 5 } } },
    cardStates: {
      "iam/policy-eval#1": row,
      "sts/assume-role#2": { ...first.next, suspended: true, buriedUntil: new Date("2026-02-02T04:00:00.000Z") },
    },
    reviewLogs: [
      { cardKey: "iam/policy-eval#1", ...first.log, durationMs: 4000 },
      { cardKey: "iam/policy-eval#1", ...second.log, durationMs: 2500 },
    ],
  });
}

describe("JSON backup", () => {
  it("keeps only the format's fields from database rows", () => {
    expect(Object.keys(sampleBackup().cardStates["iam/policy-eval#1"]!).sort()).toEqual([
      "buriedUntil",
      "difficulty",
      "due",
      "elapsedDays",
      "lapses",
      "lastReview",
      "learningSteps",
      "reps",
      "scheduledDays",
      "stability",
      "state",
      "suspended",
    ]);
  });

  it("survives JSON round trip unchanged", () => {
    const backup = sampleBackup();
    const parsed = parseBackup(JSON.parse(JSON.stringify(backup)));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.value).toEqual(backup);
  });

  it("fills defaults for optional fields", () => {
    const json = JSON.parse(JSON.stringify(sampleBackup()));
    delete json.cardStates["iam/policy-eval#1"].suspended;
    delete json.cardStates["iam/policy-eval#1"].buriedUntil;
    delete json.reviewLogs[0].durationMs;
    const parsed = parseBackup(json);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.cardStates["iam/policy-eval#1"]).toMatchObject({ suspended: false, buriedUntil: null });
    expect(parsed.value.reviewLogs[0]!.durationMs).toBe(0);
  });

  const broken: Array<{ name: string; mutate: (json: any) => void; path: string; message?: RegExp }> = [
    { name: "another format", mutate: (j) => (j.format = "anki"), path: "format" },
    { name: "a newer version", mutate: (j) => (j.version = 2), path: "version", message: /version 1/ },
    {
      name: "an invalid date",
      mutate: (j) => (j.cardStates["iam/policy-eval#1"].due = "yesterday"),
      path: 'cardStates["iam/policy-eval#1"].due',
      message: /ISO 8601/,
    },
    {
      name: "an unknown state",
      mutate: (j) => (j.cardStates["sts/assume-role#2"].state = 7),
      path: 'cardStates["sts/assume-role#2"].state',
      message: /Relearning/,
    },
    { name: "a rating of 5", mutate: (j) => (j.reviewLogs[1].rating = 5), path: "reviewLogs[1].rating", message: /Again/ },
    {
      name: "a negative duration",
      mutate: (j) => (j.reviewLogs[0].durationMs = -1),
      path: "reviewLogs[0].durationMs",
      message: /negative/,
    },
    {
      name: "a log for a card without state",
      mutate: (j) => (j.reviewLogs[1].cardKey = "ghost"),
      path: "reviewLogs[1].cardKey",
      message: /ghost/,
    },
    { name: "invalid settings", mutate: (j) => (j.settings.desiredRetention = 2), path: "settings.desiredRetention", message: /0\.70/ },
    { name: "logs that are not a list", mutate: (j) => (j.reviewLogs = {}), path: "reviewLogs" },
    {
      name: "a difficulty above 10",
      mutate: (j) => (j.cardStates["iam/policy-eval#1"].difficulty = 11),
      path: 'cardStates["iam/policy-eval#1"].difficulty',
    },
  ];
  for (const c of broken) {
    it(`rejects ${c.name} with the JSON path`, () => {
      const json = JSON.parse(JSON.stringify(sampleBackup()));
      c.mutate(json);
      const parsed = parseBackup(json);
      expect(parsed.ok).toBe(false);
      if (parsed.ok) return;
      const issue = parsed.issues.find((i) => i.path === c.path);
      expect(issue, JSON.stringify(parsed.issues)).toBeDefined();
      if (c.message) expect(issue!.message).toMatch(c.message);
    });
  }

  it("rejects something that is not a backup at all", () => {
    const parsed = parseBackup("hello");
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues[0]!.path).toBe("(root)");
  });
});
