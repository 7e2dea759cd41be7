// lib/errors: the one error base, JSON path spelling and zod messages every domain shares.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DomainError, describeProblem, fieldIssues, firstIssueMessage, formatJsonPath, joinJsonPath } from "@/lib/errors/index.ts";

describe("formatJsonPath", () => {
  it.each([
    [[], "", ""],
    [[], "(root)", "(root)"],
    [["Statement", 0, "Effect"], "", "Statement[0].Effect"],
    [[2, "a"], "", "[2].a"],
    [["overrides", "deck-1", "newPerDay"], "", 'overrides["deck-1"].newPerDay'],
    [["a.b", "c d"], "", '["a.b"]["c d"]'],
    [["$ok", "_x1"], "", "$ok._x1"],
  ] as const)("%j is %s", (segments, root, expected) => {
    expect(formatJsonPath(segments, root)).toBe(expected);
  });

  it("joins a child path to its parent", () => {
    expect(joinJsonPath("accounts[0]", "roles[1]")).toBe("accounts[0].roles[1]");
    expect(joinJsonPath("accounts", "[0]")).toBe("accounts[0]");
    expect(joinJsonPath("", "x")).toBe("x");
    expect(joinJsonPath("x", "")).toBe("x");
  });
});

describe("DomainError", () => {
  it("keeps its code and says where, then what", () => {
    const error = new DomainError("invalidPolicy", "Effect must be Allow or Deny.", {
      file: "s.yaml",
      line: 4,
      path: "Statement[0].Effect",
    });
    expect(error.code).toBe("invalidPolicy");
    expect(error).toBeInstanceOf(Error);
    expect(error.describe()).toBe("s.yaml:4 Statement[0].Effect: Effect must be Allow or Deny.");
  });

  it("names subclasses after themselves", () => {
    class RestoreRunning extends DomainError<"restore_running"> {}
    expect(new RestoreRunning("restore_running", "busy").name).toBe("RestoreRunning");
  });

  it.each([
    [{}, "m"],
    [{ file: "a.md" }, "a.md: m"],
    [{ path: "x[0]" }, "x[0]: m"],
    [{ file: "a.md", path: "x" }, "a.md x: m"],
  ])("describeProblem(%j)", (where, expected) => {
    expect(describeProblem("m", where)).toBe(expected);
  });
});

describe("zod issues", () => {
  const schema = z.object({ reviewLogs: z.array(z.object({ rating: z.number().int().max(4) })) });
  const failed = schema.safeParse({ reviewLogs: [{ rating: 3 }, { rating: 9 }] });

  it("each names its field by its JSON path", () => {
    expect(failed.success).toBe(false);
    const issues = fieldIssues(failed.error!);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe("reviewLogs[1].rating");
    expect(issues[0]!.message).toMatch(/^reviewLogs\[1\]\.rating: /);
  });

  it("a problem with the whole document is at the root", () => {
    const whole = schema.safeParse(42);
    expect(fieldIssues(whole.error!)[0]!.path).toBe("(root)");
    expect(firstIssueMessage(whole.error!)).toMatch(/^body: /);
  });
});
