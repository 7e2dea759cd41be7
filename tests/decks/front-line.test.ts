import { describe, expect, it } from "vitest";
import { frontLine } from "@/lib/decks/index.ts";

describe("frontLine", () => {
  it.each([
    ["# What does **sts:AssumeRole** return?\n\nTemporary `credentials`.", "What does sts:AssumeRole return? Temporary credentials."],
    ["The {{c1::principal}} makes the {{c2::request::who}}", "The principal makes the request"],
    ["- [IAM](https://aws.amazon.com/iam/) policies\n- SCPs", "IAM policies SCPs"],
    ["```json\n{}\n```", "{}"],
  ])("%j → %j", (front, line) => {
    expect(frontLine(front)).toBe(line);
  });

  it("cuts a long front to one short line", () => {
    const line = frontLine("word ".repeat(100), 20);
    expect(line.length).toBeLessThanOrEqual(20);
    expect(line.endsWith("…")).toBe(true);
  });
});
