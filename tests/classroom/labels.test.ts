// Option letters by position and questions named by their own sentence (lib/classroom/labels.ts).
import { describe, expect, it } from "vitest";
import { choiceText, optionLetter, plainText, questionLine, withoutOptionIds } from "@/lib/classroom/index.ts";

describe("option letters", () => {
  it.each([
    [0, "A"],
    [1, "B"],
    [25, "Z"],
    [26, "AA"],
    [27, "AB"],
  ])("position %i reads %s", (index, letter) => {
    expect(optionLetter(index)).toBe(letter);
  });
});

describe("question lines", () => {
  it.each([
    [
      "a scenario: the line after **Question.**",
      "### Title\n\nThe world…\n\n**Question.** Is this request allowed? `x`",
      "Is this request allowed? `x`",
    ],
    ["a card: its first line that is not a heading", "## What is an SCP?\n\nmore", "What is an SCP?"],
    ["an empty prompt", "", ""],
  ])("%s", (_, prompt, line) => {
    expect(questionLine(prompt)).toBe(line);
  });

  it("shortens a long line with an ellipsis", () => {
    expect(questionLine("x".repeat(200), 10)).toBe(`${"x".repeat(9)}…`);
    expect(questionLine("Is `arn:aws:s3:::bucket/key` allowed?", 12)).toBe("Is `arn:aws`…");
    expect(questionLine("Is **arn:aws:sts::1:assumed-role/R** allowed?", 14)).toBe("Is **arn:aws:**…");
  });
});

describe("choices in words", () => {
  const options = [
    { id: "a", text: "`Allow`", correct: true },
    { id: "b", text: "Deny", correct: false },
  ];
  it("names each chosen option by its text, and an unknown id by itself", () => {
    expect(choiceText(options, ["a", "b"])).toBe("`Allow` + Deny");
    expect(choiceText(options, ["z"])).toBe("(z)");
    expect(plainText(choiceText(options, ["a"]))).toBe("Allow");
  });
});

describe("explanations on a paper", () => {
  it("drop the line naming the right option by id, keeping the rest", () => {
    const stored = "**Answer:** Denied\n\nCorrect option: (b)\n\n**Why**\n\n1. A Deny wins.";
    expect(withoutOptionIds(stored)).toBe("**Answer:** Denied\n\n**Why**\n\n1. A Deny wins.");
    expect(withoutOptionIds("Correct options: (a), (c)\n\nrest")).toBe("rest");
    expect(withoutOptionIds("**Answer:** Allowed")).toBe("**Answer:** Allowed");
  });
});
