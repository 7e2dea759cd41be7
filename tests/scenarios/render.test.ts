// The card: the deciding statement's lines in the policy text, the fenced block marker, the note.

import { describe, expect, it } from "vitest";
import { formatPolicy, renderScenarioCard } from "../../lib/scenarios/index.ts";
import { answer, seedText } from "./support.ts";

describe("policy text and statement lines", () => {
  it("records each statement's lines in the pretty-printed policy", () => {
    const policy = {
      Version: "2012-10-17",
      Id: "x",
      Statement: [
        { Sid: "A", Effect: "Allow", Action: "s3:GetObject", Resource: "*" },
        { Sid: "B", Effect: "Deny", Action: ["s3:PutObject", "s3:DeleteObject"], Resource: "*" },
      ],
    };
    const { text, statements } = formatPolicy(policy);
    expect(JSON.parse(text)).toEqual(policy);
    const lines = text.split("\n");
    for (const [i, range] of statements.entries()) {
      expect(
        JSON.parse(
          lines
            .slice(range.start - 1, range.end)
            .join("\n")
            .replace(/,$/, ""),
        ),
      ).toEqual(policy.Statement[i]);
    }
    expect(formatPolicy(JSON.stringify({ Statement: { Effect: "Allow", Action: "*", Resource: "*" } })).statements).toEqual([
      { start: 2, end: 6 },
    ]);
  });
});

describe("renderScenarioCard", () => {
  it("shows the question on the front and the decision, the marked statement and the explanation on the back", async () => {
    const answered = await answer(seedText("iam-and-bucket-example-2-bucket-denies-role.yaml"));
    const card = renderScenarioCard(answered, 2);
    expect(card.front).toContain("**Question.**");
    expect(card.front).toContain("DenyAppServerRole");
    expect(card.front).not.toContain("Explicitly denied by the bucket policy\n\nCorrect");
    const statement = answered.questions[2]!.decidingStatements[0]!;
    expect(statement).toMatchObject({ policyId: "resource/arn:aws:s3:::my_bucket", sid: "DenyAppServerRole", effect: "Deny" });
    expect(card.back).toContain("**Answer:** Explicitly denied by the bucket policy");
    expect(card.back).toContain(`\`\`\`json {${statement.lines!.start}-${statement.lines!.end}}`);
    expect(card.back).toContain(
      `Deciding statement: lines ${statement.lines!.start}–${statement.lines!.end} of the bucket policy of my_bucket (Sid DenyAppServerRole), Deny.`,
    );
    expect(card.back).toMatch(/\*\*Why\*\*\n\n1\. /);
  });

  it("shows only the steps up to the question on the front", async () => {
    const answered = await answer(seedText("instance-role-removed-reads-still-work.yaml"));
    const front = renderScenarioCard(answered, 1).front;
    expect(front).toContain("4. the instance i-0abc1234 calls `s3:GetObject`");
    expect(front).not.toContain("5. ");
  });
});

describe("card faces in the learner's time zone (issue 14)", () => {
  it("shows a scenario card's expiry in the zone the caller passes, UTC otherwise", async () => {
    const { renderStoredCardFaces } = await import("../../lib/card-faces/index.ts");
    const { readFileSync } = await import("node:fs");
    const front = readFileSync(new URL("../../seeds/scenarios/temporary-credential-lifetimes.yaml", import.meta.url), "utf8");
    const card = { id: "card-1", kind: "scenario", front, back: JSON.stringify({ question: 0 }) };
    const now = new Date("2025-01-15T12:00:00Z");
    const utc = renderStoredCardFaces(card, { now });
    const tokyo = renderStoredCardFaces(card, { now, timeZone: "Asia/Tokyo" });
    expect(utc.problem).toBeUndefined();
    expect(utc.backHtml).toMatch(/UTC/);
    expect(tokyo.backHtml).toMatch(/GMT\+9|JST/);
    expect(tokyo.backHtml).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z/);
  });
});
