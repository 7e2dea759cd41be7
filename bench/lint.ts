// Policy linter cost per run, against parsing the same policy (the playground parses on every
// keystroke; the linter runs once typing pauses). Figures are ratios within one run: the linter
// with the catalogue, without it, and parsePolicy alone, on every seed scenario policy and on a
// wide policy (ec2:Describe* with a condition makes the linter expand ~200 EC2 actions' keys).

import { parsePolicy } from "../lib/iam/index.ts";
import { lintPolicy, type LintPlace } from "../lib/iam/lint/index.ts";
import { loadLintCatalogue } from "../lib/iam/lint/catalogue.node.ts";
import { seedPolicies } from "../tests/iam/lint/seed-policies.ts";
import { machineLine } from "./support/machine.ts";

function perCall(run: () => void, minMs = 1500): number {
  for (let i = 0; i < 50; i++) run();
  let calls = 0;
  const start = performance.now();
  while (performance.now() - start < minMs) {
    for (let i = 0; i < 20; i++) run();
    calls += 20;
  }
  return (performance.now() - start) / calls;
}

const wide = {
  Version: "2012-10-17",
  Statement: [
    {
      Effect: "Allow",
      Action: ["ec2:Describe*", "ec2:RunInstances"],
      Resource: "*",
      Condition: { StringEquals: { "ec2:Region": "eu-west-1" } },
    },
    ...Array.from({ length: 12 }, (_, i) => ({
      Sid: `Bucket${i}`,
      Effect: "Allow",
      Action: ["s3:GetObject", "s3:PutObject", "s3:ListBucket"],
      Resource: [`arn:aws:s3:::bucket-${i}`, `arn:aws:s3:::bucket-${i}/*`],
    })),
  ],
};

const seeds = seedPolicies().map((p) => ({ place: p.place as LintPlace, text: JSON.stringify(p.document, null, 2) }));
const wideText = JSON.stringify(wide, null, 2);
const catalogue = await loadLintCatalogue(`${seeds.map((s) => s.text).join("\n")}\n${wideText}`);

let i = 0;
const next = () => seeds[i++ % seeds.length]!;
const rows: [string, number, number, number][] = [];
rows.push([
  `${seeds.length} seed policies, in turn`,
  perCall(() => void parsePolicy(next().text)),
  perCall(() => {
    const s = next();
    lintPolicy(s.text, { place: s.place });
  }),
  perCall(() => {
    const s = next();
    lintPolicy(s.text, { place: s.place, catalogue });
  }),
]);
rows.push([
  "wide policy (13 statements, ec2:Describe* with a condition)",
  perCall(() => void parsePolicy(wideText)),
  perCall(() => void lintPolicy(wideText, { place: "identity" })),
  perCall(() => void lintPolicy(wideText, { place: "identity", catalogue })),
]);

const fmt = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;
console.log(
  [
    "## Policy linter",
    "",
    "Time per policy (text in, findings with lines out), catalogue loaded beforehand; `npx tsx bench/lint.ts`.",
    "",
    "| policy | parsePolicy | lint, no catalogue | lint, catalogue | lint (catalogue) / parse |",
    "| --- | ---: | ---: | ---: | ---: |",
    ...rows.map(
      ([label, parse, bare, full]) => `| ${label} | ${fmt(parse)} | ${fmt(bare)} | ${fmt(full)} | ${(full / parse).toFixed(1)}x |`,
    ),
    "",
    machineLine(),
    "",
  ].join("\n"),
);
