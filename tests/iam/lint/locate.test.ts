// Positions of JSON paths in policy text, and the ARN pattern overlap the resource check uses.

import { describe, expect, it } from "vitest";
import { createLocator, parsePath } from "../../../lib/iam/lint/locate.ts";
import { arnsOverlap } from "../../../lib/iam/lint/checks/arn-overlap.ts";

describe("parsePath", () => {
  it.each([
    ["Statement[1].Action[0]", ["Statement", 1, "Action", 0]],
    ['Statement[0].Condition.StringLike["s3:prefix"]', ["Statement", 0, "Condition", "StringLike", "s3:prefix"]],
    [
      'Statement.Condition.StringEquals["token.actions.githubusercontent.com:sub"][2]',
      ["Statement", "Condition", "StringEquals", "token.actions.githubusercontent.com:sub", 2],
    ],
    ["", []],
  ])("%s", (path, segments) => expect(parsePath(path)).toEqual(segments));
});

describe("createLocator", () => {
  const text =
    '{\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": ["s3:GetObject",\n                 "s3:PutObject"]\n    }\n  ]\n}';
  const locator = createLocator(text);
  it("finds an array entry, a string value, a list (at its key) and the nearest ancestor of a missing element", () => {
    expect(locator.locate("Statement[0].Action[1]")).toEqual({ line: 6, column: 18 });
    expect(locator.locate("Statement[0].Effect")).toEqual({ line: 4, column: 17 });
    expect(locator.locate("Statement[0].Action")).toEqual({ line: 5, column: 7 });
    expect(locator.locate("Statement[0].Resource")).toEqual({ line: 3, column: 5 });
  });
  it("reports the first syntax error's position", () => {
    const broken = createLocator('{\n  "Statement": [\n    {"Effect": "Allow",}\n  ]\n}');
    expect(broken.syntaxError?.position.line).toBe(3);
  });
});

// ARN formats from the Service Authorization Reference (Amazon S3, IAM).
const OBJECT = "arn:${Partition}:s3:::${BucketName}/${ObjectName}";
const BUCKET = "arn:${Partition}:s3:::${BucketName}";
const ROLE = "arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}";

describe("arnsOverlap", () => {
  it.each([
    ["arn:aws:s3:::bucket/*", OBJECT, true],
    ["arn:aws:s3:::bucket", OBJECT, false],
    ["arn:aws:s3:::bucket", BUCKET, true],
    ["arn:aws:s3:::bucket/*", BUCKET, false],
    ["arn:aws:s3:::buck*", OBJECT, true],
    ["arn:aws:s3:::${aws:username}/*", OBJECT, true],
    ["arn:aws:iam::111122223333:role/app/*", ROLE, true],
    ["arn:aws:iam::111122223333:user/alice", ROLE, false],
    ["arn:aws:s3:::b?cket", BUCKET, true],
  ])("%s against %s: %s", (arn, format, expected) => expect(arnsOverlap(arn, format)).toBe(expected));
});
