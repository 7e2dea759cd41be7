// parseBackupInSlices (a restore validates a slice at a time so the server can answer others in
// between) must accept and refuse exactly what parseBackup does, with the same paths, also for
// problems past the first slice.
import { describe, expect, it } from "vitest";
import { generateBackup } from "../../bench/support/backup-fixture.ts";
import type { FieldIssue } from "@/lib/errors/index.ts";
import { parseBackup, parseBackupInSlices } from "@/lib/srs/index.ts";

type Json = { [key: string]: any };
const keys = Array.from({ length: 2_500 }, (_, i) => `deck/card#${i}`);
const fresh = (): Json => JSON.parse(JSON.stringify(generateBackup(keys, 4_500, new Date("2026-11-22T09:00:00Z")))) as Json;
const sorted = (issues: FieldIssue[]) => [...issues].sort((a, b) => a.path.localeCompare(b.path) || a.message.localeCompare(b.message));

const cases: Array<{ name: string; mutate: (j: Json) => unknown }> = [
  { name: "a valid backup", mutate: () => undefined },
  { name: "a bad rating in the third slice of logs", mutate: (j) => (j.reviewLogs[4_321].rating = 5) },
  {
    name: "bad rows in several slices",
    mutate: (j) => {
      j.reviewLogs[0].due = "soon";
      j.reviewLogs[2_001].extra = 1;
      j.reviewLogs[4_499].durationMs = -2;
    },
  },
  { name: "a log row that is not an object", mutate: (j) => (j.reviewLogs[3_000] = 7) },
  { name: "a bad state in the second slice of states", mutate: (j) => (j.cardStates["deck/card#2400"].state = 9) },
  { name: "a state that is not an object", mutate: (j) => (j.cardStates["deck/card#10"] = 5) },
  { name: "an empty card key", mutate: (j) => (j.cardStates[""] = j.cardStates["deck/card#0"]) },
  { name: "a log whose card has no state", mutate: (j) => (j.reviewLogs[2_600].cardKey = "ghost") },
  {
    name: "an unknown top-level field and a bad version",
    mutate: (j) => {
      j.extra = true;
      j.version = 3;
    },
  },
  { name: "logs that are not a list", mutate: (j) => (j.reviewLogs = {}) },
  { name: "states that are a list", mutate: (j) => (j.cardStates = []) },
];

describe("parseBackupInSlices", () => {
  for (const c of cases) {
    it(`10.2: gives parseBackup's answer for ${c.name}`, async () => {
      const json = fresh();
      c.mutate(json);
      let pauses = 0;
      const sliced = await parseBackupInSlices(json, async () => void pauses++);
      const whole = parseBackup(json);
      expect(sliced.ok).toBe(whole.ok);
      if (whole.ok && sliced.ok) expect(sliced.value).toEqual(whole.value);
      if (!whole.ok && !sliced.ok) expect(sorted(sliced.issues)).toEqual(sorted(whole.issues));
      if (c.name === "a valid backup") expect(pauses).toBe(14); // 5 slices of states, 9 of logs
    });
  }

  it("10.2: refuses something that is not a backup at all, at the root", async () => {
    expect(await parseBackupInSlices("hello", async () => undefined)).toEqual(parseBackup("hello"));
  });
});
