// The three seed notes must import into cards covering every topic in them.

import { describe, expect, it } from "vitest";
import { importPreview, renderCardFaces, type CardDraft } from "../../lib/notes/index.ts";
import { SEED_FILES, seedText } from "./helpers.ts";

const files = SEED_FILES.map((name) => ({ path: name, text: seedText(name) }));
const preview = importPreview(files);
const all = preview.drafts;
const from = (file: string) => all.filter((c) => c.source.file === file);
const text = (c: CardDraft) => `${c.front}\n${c.back}`;
const some = (pred: (c: CardDraft) => boolean, cards = all) => cards.some(pred);
const byFront = (front: string | RegExp) => all.find((c) => (typeof front === "string" ? c.front === front : front.test(c.front)));

describe("seed notes", () => {
  it("read without problems and yield a stable number of cards per file", () => {
    expect(preview.problems).toEqual([]);
    expect({
      "000": from(SEED_FILES[0]).length,
      "002": from(SEED_FILES[1]).length,
      "003": from(SEED_FILES[2]).length,
    }).toEqual({ "000": 22, "002": 17, "003": 7 });
  });

  it("no card is empty, a bare heading, or a property line", () => {
    for (const card of all) {
      expect(card.front.trim(), card.key).not.toBe("");
      expect(card.back.trim(), card.front).not.toBe("");
      expect(card.front).not.toMatch(/^#{1,6}\s/);
      for (const face of [card.front, card.back]) {
        expect(face, card.front).not.toMatch(/^\s*(?:[-*]\s+)?(?:id|tags|collapsed|icon|background-color|desc)::/m);
      }
    }
  });

  it("covers IAM identities", () => {
    expect(byFront("IAM › Il permet de gérer")?.back).toMatch(/Users[\s\S]*Groupes[\s\S]*Roles/);
    for (const identity of ["IAM Users", "IAM Groups", "IAM Roles"]) {
      const card = byFront(`IAM Identities › ${identity}`);
      expect(card?.deckPath).toEqual(["003_9fbebdb2070a271f", "IAM Identities"]);
      expect(card?.back).not.toBe("");
    }
    expect(byFront(/AWS Account Root User$/)?.back).toContain("Close AWS account");
  });

  it("covers policies and permissions", () => {
    expect(byFront("IAM Policies")?.back).toMatch(/documents that grant permissions[\s\S]*JSON documents/);
    expect(byFront("IAM Permissions")?.back).toContain("API actions that can or cannot be performed");
  });

  it("covers the evaluation order (deny, allow, default deny); a bare list of facts is listed as skipped, not guessed", () => {
    expect(byFront("IAM › Authorization model, evaluation of policies")?.back).toBe(
      "1. If htere's an explicit DENy, decision deny\n2. If there's an ALLOw, decision ALLOW\n3. Else deny",
    );
    expect(preview.skippedBlocks).toEqual(
      expect.arrayContaining([
        {
          file: SEED_FILES[1],
          line: 16,
          text: "Advanced IAM",
          reason: expect.stringContaining("3 facts under a heading that asks nothing"),
        },
      ]),
    );
  });

  it("covers IAM and S3 bucket policies with the four examples", () => {
    expect(byFront("IAM policies & S3 bucket policies")?.back).toMatch(/union of IAM policies and S3 bucket policies/);
    const outcomes = ["authorize RW", "deny", "allow", "deny"];
    outcomes.forEach((outcome, i) => {
      const card = byFront(new RegExp(`Example ${i + 1}: .* ⇒ \\?$`));
      expect(card?.back).toBe(outcome);
    });
    expect(some((c) => /Union/.test(c.back) && /bucket/i.test(c.front), from(SEED_FILES[1]))).toBe(true);
  });

  it("covers dynamic policies, with the policy example kept as code", () => {
    const card = byFront(/How do you assign each user a `\/home\/<user>\/folder` in S3 Bucket\?$/);
    expect(card?.back).toContain("${aws:username}");
    expect(card?.back).toMatch(/```\n\s*\{\n[\s\S]*AllowAllS3ActionsInUserFolder/);
    expect(byFront(/Use case: how to assign each user/)?.back).toContain("Option 2");
  });

  it("covers inline vs managed policies", () => {
    expect(byFront("IAM › Inline vs Managed policies")?.back).toMatch(/AWS Managed policy: created & maintained by AWS[\s\S]*one-to-one/);
    expect(byFront("Inline vs Manage Policies › Inline")?.back).toContain("Policy is deleted if you delete the IAM principal");
    expect(byFront("Inline vs Manage Policies › Customer Manged Policy")?.back).toContain("re-useable");
  });

  it("covers PassRole and trust", () => {
    const passRole = byFront("IAM › Granting a user permissions to pass a role to an AWS service");
    expect(passRole?.back).toContain("iam:PassRole");
    expect(byFront(/Roles can only be passed to what their trust allows$/)?.back).toContain("trust policy");
    expect(byFront(/^What's this IAM policy allowing you to do\?/)?.front).toContain('"iam:PassRole"');
  });

  it("names every STS API on some card, and asks what each one does", () => {
    const apis = [
      "AssumeRole",
      "AssumeRoleWithSAML",
      "AssumeRoleWithWebIdentity",
      "GetSessionToken",
      "GetFederationToken",
      "GetCallerIdentity",
      "DecodeAuthorizationMessage",
    ];
    for (const api of apis) {
      const asked = all.filter((c) => c.front.endsWith(`What does ${api} do?`) || c.front.endsWith(`What does \`${api}\` do?`));
      expect(asked.length, api).toBe(2); // once in the French/English outline, once in the headed note
    }
    const stsCard = byFront("Security Token Service (STS)");
    for (const api of [...apis, "GetAccessKeyInfo"]) expect(stsCard?.back, api).toContain(api);
    expect(byFront(/What does `AssumeRoleWithSAML` do\?$/)?.source).toEqual({ file: SEED_FILES[1], line: 5 });
  });

  it("covers STS with MFA", () => {
    expect(byFront("STS › What does GetSessionToken do?")?.back).toContain("aws:MultiFactorAuthPresent:true");
    expect(preview.skippedBlocks.map((s) => s.text)).toContain("STS with MFA");
  });

  it("covers directory services", () => {
    for (const [name, fact] of [
      ["AWS Managed Microsoft AD", "supports MFA"],
      ["AD Connector", "proxy"],
      ["Simple AD", "Cannot be joined with on-premise AD"],
    ] as const) {
      const card = byFront(`Directory Services › ${name}`);
      expect(card?.deckPath.at(-1)).toBe("Directory Services");
      expect(card?.back).toContain(fact);
    }
  });

  it("turns both sample questions into Q&A cards", () => {
    const first = byFront(/What is the likely cause of this behavior\?$/);
    expect(first?.back).toBe("The S3 bucket policy auhorizes read");
    expect(first?.deckPath).toEqual(["AWS STS - Security Token Service", "Sample Question"]);
    const second = byFront(/^What's this IAM policy allowing you to do\?/);
    expect(second?.front).toMatch(/```\n[\s\S]*"Sid": "Passrole"[\s\S]*```$/);
    expect(second?.back).toBe('Allowing you to assign IAM roles to EC2 if they start with "RDS-"');
  });

  it("keeps French text French and code in its language", () => {
    expect(some((c) => c.back.includes("Groupes") && c.front.includes("Il permet de gérer"))).toBe(true);
    const sts = byFront("Security Token Service (STS)")!;
    expect(sts.back).toContain("```python\n");
    expect(sts.back).toContain("```bash\n");
    expect(sts.back).not.toContain("collapsed");
  });

  it("applies page tags to every Logseq card and keeps block tags", () => {
    for (const card of from(SEED_FILES[2])) expect(card.tags.slice(0, 2)).toEqual(["AWS", "AWS-SIC"]);
    expect(byFront(/AWS Account Root User$/)?.tags).toEqual(expect.arrayContaining(["CCP", "AWS-IAM"]));
  });

  it("leaves no trace of local asset paths and renders every card", () => {
    for (const card of all) {
      expect(text(card)).not.toContain("../assets/");
      const faces = renderCardFaces(card);
      expect(faces.front).not.toContain("<script");
      expect(faces.back.length).toBeGreaterThan(0);
    }
  });

  it("decks follow the notes' titles and headings", () => {
    expect(preview.decks.map((d) => d.name)).toEqual(
      expect.arrayContaining([
        "000_d52a38a28532b46b › IAM",
        "000_d52a38a28532b46b › STS",
        "AWS STS - Security Token Service › Directory Services",
        "003_9fbebdb2070a271f › IAM Identities",
      ]),
    );
    expect(preview.decks.reduce((n, d) => n + d.cards, 0)).toBe(all.length);
  });
});
