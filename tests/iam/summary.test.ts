// The policy summary: per service and access level, with resources, conditions and sentences.

import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { PolicyError } from "../../lib/iam/index.ts";
import { loadCatalogue } from "../../lib/iam/summary/catalogue.node.ts";
import {
  createCatalogue,
  describeCondition,
  describeResource,
  servicesMentioned,
  summarizePolicy,
  type ActionCatalogue,
  type PolicySummary,
} from "../../lib/iam/summary/index.ts";

const GUIDE = "https://docs.aws.amazon.com/IAM/latest/UserGuide";
const DOC = {
  policySummary: `Policy summary (list of services) — ${GUIDE}/access_policies_understand-policy-summary.html`,
  accessLevels: `Understanding access level summaries within policy summaries — ${GUIDE}/access_policies_understand-policy-summary-access-level-summaries.html`,
  action: `IAM JSON policy elements: Action — ${GUIDE}/reference_policies_elements_action.html`,
  notAction: `IAM JSON policy elements: NotAction — ${GUIDE}/reference_policies_elements_notaction.html`,
  resource: `IAM JSON policy elements: Resource — ${GUIDE}/reference_policies_elements_resource.html`,
  notResource: `IAM JSON policy elements: NotResource — ${GUIDE}/reference_policies_elements_notresource.html`,
  conditions: `IAM JSON policy elements: Condition operators — ${GUIDE}/reference_policies_elements_condition_operators.html`,
  identifiers: `IAM identifiers (ARNs) — ${GUIDE}/reference_identifiers.html`,
  seed: 'Seed question "What\'s this IAM policy allowing you to do?" (shared/seeds/002_*.txt, policy Id "Secret Policy")',
};

// The policy from the seed question, as the seed gives it (note the empty account field).
const SECRET_POLICY = {
  Version: "2012-10-17",
  Id: "Secret Policy",
  Statement: [
    { Sid: "EC2", Effect: "Allow", Action: "ec2:*", Resource: "*" },
    { Sid: "Passrole", Effect: "Allow", Action: ["iam:PassRole"], Resource: "arn:aws:iam:::role/RDS-*" },
  ],
};

let catalogue: ActionCatalogue;
beforeAll(async () => {
  catalogue = await loadCatalogue();
});

const policy = (...statements: object[]) => ({ Version: "2012-10-17", Statement: statements });
const service = (summary: PolicySummary, effect: "allow" | "deny", prefix: string) =>
  summary[effect].services.find((s) => s.prefix === prefix);

describe(`The seed's "Secret Policy" (${DOC.seed}; ${DOC.policySummary})`, () => {
  it("says: all EC2 actions, and passing roles whose names start with RDS-", () => {
    const summary = summarizePolicy(SECRET_POLICY, catalogue);
    expect(summary.policyId).toBe("Secret Policy");
    const ec2 = service(summary, "allow", "ec2");
    expect(ec2).toMatchObject({
      name: "Amazon EC2",
      fullAccess: true,
      accessLevel: "Full access",
      resource: "All resources",
      requestCondition: "None",
    });
    const iam = service(summary, "allow", "iam");
    expect(iam?.accessLevel).toBe("Limited: Write");
    expect(iam?.levels).toEqual([{ level: "Write", grant: "Limited", actions: ["PassRole"], total: expect.any(Number) }]);
    expect(iam?.resource).toBe('IAM roles whose names start with "RDS-"');
    expect(summary.deny.services).toEqual([]);

    const text = summary.sentences.join("\n");
    expect(text).toMatch(/^Allows all Amazon EC2 actions \(ec2:\*\) on all resources\.$/m);
    expect(text).toMatch(/^Allows passing a role to a service \(iam:PassRole, Write\) on IAM roles whose names start with "RDS-"/m);
  });

  it(`warns that an empty account field matches no role ARN (${DOC.identifiers})`, () => {
    const summary = summarizePolicy(SECRET_POLICY, catalogue);
    expect(summary.warnings).toHaveLength(1);
    expect(summary.warnings[0]).toMatch(/Statement 1 \(Passrole\).*arn:aws:iam:::role\/RDS-\*.*account field is empty/);
    const fixed = summarizePolicy(
      {
        ...SECRET_POLICY,
        Statement: [SECRET_POLICY.Statement[0], { ...SECRET_POLICY.Statement[1], Resource: "arn:aws:iam::*:role/RDS-*" }],
      },
      catalogue,
    );
    expect(fixed.warnings).toEqual([]);
  });
});

describe(`Access levels and wildcards (${DOC.accessLevels}; ${DOC.action})`, () => {
  it("s3:Get* is some of the Read actions, and only Read actions", () => {
    const summary = summarizePolicy(policy({ Effect: "Allow", Action: "s3:Get*", Resource: "*" }), catalogue);
    const s3 = service(summary, "allow", "s3");
    const gets = catalogue.actionsOf("s3").filter((a) => a.toLowerCase().startsWith("get"));
    const reads = catalogue.actionsOf("s3").filter((a) => catalogue.accessLevel("s3", a) === "Read");
    expect(gets.length).toBeGreaterThan(10);
    expect(s3?.fullAccess).toBe(false);
    expect(s3?.levels.map((l) => [l.level, l.grant])).toEqual([["Read", gets.length === reads.length ? "Full" : "Limited"]]);
    expect(s3?.levels[0]?.actions.sort()).toEqual([...gets].sort());
    expect(summary.sentences[0]).toContain(`some Read actions (${gets.length} of ${reads.length})`);
  });

  const levels: { action: string; level: string }[] = [
    { action: "s3:ListBucket", level: "List" },
    { action: "s3:GetObject", level: "Read" },
    { action: "s3:PutObject", level: "Write" },
    { action: "iam:PutRolePolicy", level: "Permissions management" },
    { action: "iam:TagRole", level: "Tagging" },
  ];
  it.each(levels)("$action is $level", ({ action, level }) => {
    const summary = summarizePolicy(policy({ Effect: "Allow", Action: action, Resource: "*" }), catalogue);
    const prefix = action.split(":")[0]!;
    expect(service(summary, "allow", prefix)?.levels.map((l) => l.level)).toEqual([level]);
  });

  it("a whole access level reads as Full, and actions case-insensitively", () => {
    const lists = catalogue.actionsOf("s3").filter((a) => catalogue.accessLevel("s3", a) === "List");
    const summary = summarizePolicy(
      policy({ Effect: "Allow", Action: lists.map((a) => `S3:${a.toUpperCase()}`), Resource: "*" }),
      catalogue,
    );
    expect(service(summary, "allow", "s3")?.accessLevel).toBe("Full: List");
  });

  it('Action "*" is every action in every service', () => {
    const summary = summarizePolicy(policy({ Effect: "Allow", Action: "*", Resource: "*" }), catalogue);
    expect(summary.allow.everyService).toHaveLength(1);
    expect(summary.sentences).toEqual(["Allows every action in every AWS service (*) on all resources."]);
  });
});

describe(`Allow and Deny, NotAction and NotResource (${DOC.policySummary}; ${DOC.notAction}; ${DOC.notResource})`, () => {
  it("shows denials apart from grants, with their conditions", () => {
    const summary = summarizePolicy(
      policy(
        { Effect: "Allow", Action: "s3:*", Resource: "*" },
        {
          Effect: "Deny",
          Action: "s3:DeleteBucket",
          Resource: "arn:aws:s3:::prod-*",
          Condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } },
        },
      ),
      catalogue,
    );
    expect(service(summary, "allow", "s3")?.accessLevel).toBe("Full access");
    const denied = service(summary, "deny", "s3");
    expect(denied?.levels).toEqual([{ level: "Write", grant: "Limited", actions: ["DeleteBucket"], total: expect.any(Number) }]);
    expect(denied?.requestCondition).toBe('aws:MultiFactorAuthPresent is "false" (or is absent)');
    expect(summary.sentences[1]).toMatch(
      /^Denies deleting .*\(s3:DeleteBucket, Write\) on buckets matching "prod-\*".*only when aws:MultiFactorAuthPresent is "false" \(or is absent\)\.$/,
    );
  });

  it("NotAction with Allow grants everything but the listed actions", () => {
    const summary = summarizePolicy(policy({ Effect: "Allow", NotAction: "iam:*", Resource: "*" }), catalogue);
    expect(summary.allow.everyService[0]?.notAction).toBe(true);
    expect(summary.sentences[0]).toBe("Allows every action in every AWS service except iam:* on all resources.");
    expect(service(summary, "allow", "iam")).toBeUndefined();
  });

  it("NotAction keeps the rest of a service it names", () => {
    const summary = summarizePolicy(policy({ Effect: "Deny", NotAction: ["iam:Get*", "iam:List*"], Resource: "*" }), catalogue);
    const iam = service(summary, "deny", "iam");
    expect(iam?.levels.map((l) => l.level)).toEqual(expect.arrayContaining(["Write", "Permissions management", "Tagging"]));
    expect(iam?.levels.flatMap((l) => l.actions).some((a) => /^(Get|List)/.test(a))).toBe(false);
  });

  it("NotResource reads as every resource except", () => {
    const summary = summarizePolicy(policy({ Effect: "Allow", Action: "s3:GetObject", NotResource: "arn:aws:s3:::secrets/*" }), catalogue);
    expect(summary.sentences[0]).toContain('on every resource except all objects in bucket "secrets" (arn:aws:s3:::secrets/*)');
    expect(service(summary, "allow", "s3")?.resource).toBe("Multiple");
  });

  it("a trust policy names who, and sits on its role", () => {
    const summary = summarizePolicy(
      {
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { Federated: "accounts.google.com" }, Action: "sts:AssumeRoleWithWebIdentity" }],
      },
      catalogue,
    );
    expect(summary.sentences[0]).toMatch(/on the resource this policy is attached to for users federated through accounts\.google\.com\.$/);
  });
});

describe(`Unrecognised services and actions (${DOC.policySummary})`, () => {
  it("lists a misspelled service as uncategorised and a misspelled action as a warning", () => {
    const summary = summarizePolicy(
      policy({ Effect: "Allow", Action: ["codedploy:*", "ec2:RunInstance", "ec2:DescribeInstances"], Resource: "*" }),
      catalogue,
    );
    expect(summary.uncategorized).toEqual([{ prefix: "codedploy", effect: "Allow", patterns: ["codedploy:*"] }]);
    expect(summary.warnings).toEqual(['Statement 0: "ec2:RunInstance" matches no Amazon EC2 action; check the spelling.']);
    expect(service(summary, "allow", "ec2")?.levels[0]?.actions).toEqual(["DescribeInstances"]);
    expect(summary.sentences.join("\n")).toContain('IAM does not recognise the service "codedploy"');
  });

  it("rejects a malformed policy with the JSON path of the problem", () => {
    let error: unknown;
    try {
      summarizePolicy(
        policy({ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }, { Effect: "Perhaps", Action: "s3:*", Resource: "*" }),
        catalogue,
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PolicyError);
    expect((error as PolicyError).path).toBe("Statement[1].Effect");
  });
});

describe(`Resources and conditions in words (${DOC.resource}; ${DOC.conditions})`, () => {
  const resources: [string, string][] = [
    ["*", "all resources"],
    ["arn:aws:s3:::reports", 'bucket "reports"'],
    ["arn:aws:s3:::reports/*", 'all objects in bucket "reports"'],
    ["arn:aws:s3:::reports/2024/*", 'objects whose keys start with "2024/" in bucket "reports"'],
    ["arn:aws:iam::123456789012:role/Admin", 'IAM role "Admin" in account 123456789012'],
    ["arn:aws:iam::*:role/RDS-*", 'IAM roles whose names start with "RDS-"'],
    ["arn:aws:ec2:us-east-1:123456789012:instance/*", "EC2 all instances in account 123456789012 in region us-east-1"],
    ["arn:aws:dynamodb:*:*:table/*-prod", 'DynamoDB tables whose names end with "-prod"'],
  ];
  it.each(resources)("%s", (pattern, text) => {
    expect(describeResource(pattern, catalogue).text).toBe(text);
  });

  const conditions: { operator: string; key: string; values: string[]; text: string }[] = [
    { operator: "StringEquals", key: "aws:PrincipalTag/team", values: ["blue"], text: 'aws:PrincipalTag/team is "blue"' },
    {
      operator: "StringNotEquals",
      key: "aws:RequestedRegion",
      values: ["us-east-1", "eu-west-1"],
      text: 'aws:RequestedRegion is not any of "us-east-1", "eu-west-1"',
    },
    { operator: "IpAddress", key: "aws:SourceIp", values: ["203.0.113.0/24"], text: 'aws:SourceIp is in "203.0.113.0/24"' },
    { operator: "NumericLessThan", key: "aws:MultiFactorAuthAge", values: ["3600"], text: 'aws:MultiFactorAuthAge is less than "3600"' },
    {
      operator: "DateGreaterThan",
      key: "aws:CurrentTime",
      values: ["2025-01-01T00:00:00Z"],
      text: 'aws:CurrentTime is after "2025-01-01T00:00:00Z"',
    },
    { operator: "Null", key: "aws:TokenIssueTime", values: ["true"], text: "aws:TokenIssueTime is absent" },
    {
      operator: "ForAllValues:StringLike",
      key: "aws:TagKeys",
      values: ["env", "team"],
      text: 'every value of aws:TagKeys matches one of "env", "team"',
    },
    {
      operator: "ForAnyValue:StringEquals",
      key: "cognito-identity.amazonaws.com:amr",
      values: ["authenticated"],
      text: 'at least one value of cognito-identity.amazonaws.com:amr is "authenticated"',
    },
  ];
  it.each(conditions)("$operator $key", ({ operator, key, values, text }) => {
    expect(describeCondition({ operator, key, values })).toBe(text);
  });
});

describe("The catalogue is injected", () => {
  const data = {
    demo: {
      name: "Demo Service",
      actions: {
        ListThings: { accessLevel: "List" },
        GetThing: { accessLevel: "Read", description: "Grants permission to get a thing" },
        PutThingPolicy: { accessLevel: "Permissions management, Write" },
        TagThing: { accessLevel: "Tagging, Write" },
      },
    },
  };
  it("a hand-written catalogue gives the same kind of summary, with the specific level of two-level actions", () => {
    const demo = createCatalogue(data);
    expect(demo.accessLevel("demo", "putthingpolicy")).toBe("Permissions management");
    expect(demo.accessLevel("DEMO", "TagThing")).toBe("Tagging");
    const summary = summarizePolicy(policy({ Effect: "Allow", Action: ["demo:Get*", "demo:List*"], Resource: "*" }), demo);
    expect(service(summary, "allow", "demo")?.accessLevel).toBe("Full: List, Read");
    const single = summarizePolicy(policy({ Effect: "Allow", Action: "demo:GetThing", Resource: "*" }), demo);
    expect(single.sentences).toEqual(["Allows getting a thing (demo:GetThing, Read) on all resources."]);
  });

  it("servicesMentioned names what a Node caller must load, or undefined when every service is needed", () => {
    expect(servicesMentioned(SECRET_POLICY)?.sort()).toEqual(["ec2", "iam"]);
    expect(servicesMentioned(policy({ Effect: "Allow", Action: "*", Resource: "*" }))).toBeUndefined();
    expect(servicesMentioned(policy({ Effect: "Allow", NotAction: "s3:*", Resource: "*" }))).toBeUndefined();
  });

  it("browser code never imports Node modules or the Node loader", () => {
    for (const folder of ["summary", "sts"]) {
      const dir = fileURLToPath(new URL(`../../lib/iam/${folder}/`, import.meta.url));
      for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts") && f !== "catalogue.node.ts")) {
        // Code only: comments may name what the code avoids.
        const source = readFileSync(dir + file, "utf8")
          .split("\n")
          .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line))
          .join("\n");
        expect(source, file).not.toMatch(/from\s+["'](node:|fs|path|@cloud-copilot\/iam-data)/);
        expect(source, file).not.toMatch(/from\s+["'][^"']*\.node\.ts["']/);
        expect(source, file).not.toMatch(/Date\.now\(|Math\.random\(/);
      }
    }
  });
});
