// Importer benchmark: a generated vault of 10,000 notes / 100,000 blocks in the four formats the
// importer reads (markdown outlines, headed markdown with code and Q&A, Logseq pages, Obsidian
// notes), run through what `import --dry-run` does without the disk: byte validation, parsing and
// card extraction. Targets: under 5 s, peak RSS under 1 GB.
//
//   npx tsx bench/notes.ts            prints the markdown section
//   import { run, generateVault } from "./notes.ts"   (bench/run.ts, the database import benchmark)

import { pathToFileURL } from "node:url";
import { importPreview, readNoteBytes, type NoteFile } from "../lib/notes/index.ts";
import { floats, mulberry32 } from "../lib/random/index.ts";
import { machineLine } from "./support/machine.ts";

export interface VaultOptions {
  notes?: number;
  blocks?: number;
  seed?: number;
}

export interface Vault {
  files: NoteFile[];
  /** Outline items, paragraphs and code blocks written, summed over all notes. */
  blocks: number;
}

const APIS = [
  "AssumeRole",
  "AssumeRoleWithSAML",
  "AssumeRoleWithWebIdentity",
  "GetSessionToken",
  "GetFederationToken",
  "GetCallerIdentity",
  "DecodeAuthorizationMessage",
  "GetAccessKeyInfo",
];
const TOPICS = [
  "IAM Users",
  "IAM Groups",
  "IAM Roles",
  "Policies",
  "Permission boundaries",
  "SCPs",
  "Trust policies",
  "Session policies",
  "MFA",
  "Federation",
  "Access keys",
  "Policy evaluation",
];
const WORDS =
  "principal role policy session token trust boundary account user group permission condition resource action effect allow deny explicit implicit federated temporary credentials bucket key rotate audit least privilege identité politique compte rôle".split(
    " ",
  );

class Writer {
  lines: string[] = [];
  blocks = 0;
  constructor(readonly rand: () => number) {}
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.rand() * items.length)]!;
  }
  sentence(min = 4, max = 12): string {
    const n = min + Math.floor(this.rand() * (max - min + 1));
    const words = Array.from({ length: n }, () => this.pick(WORDS));
    return words.join(" ").replace(/^./, (c) => c.toUpperCase());
  }
}

type Format = (w: Writer, index: number, budget: number) => { path: string };

const policy = (w: Writer) => ["{", '  "Effect": "Allow",', `  "Action": "sts:${w.pick(APIS)}",`, '  "Resource": "*"', "}"];

const outline: Format = (w, i, budget) => {
  // Bilingual outline with tab indentation, like seed 000.
  let left = budget;
  while (left > 0) {
    w.lines.push(`# ${w.pick(TOPICS)} ${i % 97}`, "");
    const items = Math.min(left, 2 + Math.floor(w.rand() * 4));
    for (let k = 0; k < items && left > 0; k += 1) {
      const shape = k % 3;
      if (shape === 0) w.lines.push(`* ${w.pick(APIS)}: ${w.sentence()}`);
      else if (shape === 1) w.lines.push(`* Example ${k}: ${w.sentence(3, 6)} => ${w.pick(["allow", "deny"])}`);
      else w.lines.push(`* ${w.sentence(2, 5)}`);
      left -= 1;
      if (left > 0 && shape !== 1) {
        w.lines.push(`\t* ${w.sentence()}`);
        left -= 1;
      }
    }
    w.lines.push("");
  }
  w.blocks += budget;
  return { path: `notes/outline-${i}.md` };
};

const headed: Format = (w, i, budget) => {
  // Headed markdown with code blocks and a Q&A section, like seed 002.
  let left = budget;
  w.lines.push(`# ${w.pick(TOPICS)} - notes ${i}`, "");
  while (left > 0) {
    w.lines.push(`  ## ${w.pick(TOPICS)}`);
    const kind = Math.floor(w.rand() * 3);
    if (kind === 0 && left >= 3) {
      w.lines.push(`* \`${w.pick(APIS)}\` - ${w.sentence()}`, "* Example:", "  ```json", ...policy(w).map((l) => `  ${l}`), "  ```");
      left -= 3;
    } else if (kind === 1 && left >= 2) {
      w.lines.push(`${w.sentence(6, 14)}?`, "", `**Ans** ${w.sentence()}`, "-----");
      left -= 2;
    } else if (left >= 2) {
      w.lines.push(`* ${w.sentence(2, 4)}`, `  * ${w.sentence()}`);
      left -= 2;
    } else {
      w.lines.push(`* ${w.sentence(2, 5)}`);
      left -= 1;
    }
    w.lines.push("");
  }
  w.blocks += budget - left;
  return { path: `notes/headed-${i}.txt` };
};

const logseq: Format = (w, i, budget) => {
  // A Logseq page with #card blocks, properties and nested children, like seed 003.
  let left = budget;
  w.lines.push("tags:: AWS, AWS-SIC");
  let n = 0;
  while (left > 0) {
    n += 1;
    const hex = (i * 1000 + n).toString(16).padStart(12, "0");
    w.lines.push(
      `- ${w.pick(TOPICS)} ${n} #card #AWS-IAM`,
      `  id:: 65d38321-d79c-4de6-b0eb-${hex}`,
      `  desc:: ${w.sentence(3, 8)}`,
      "  collapsed:: true",
    );
    left -= 1;
    const children = Math.min(left, 1 + Math.floor(w.rand() * 3));
    for (let k = 0; k < children; k += 1) {
      if (k === 2) {
        w.lines.push("\t- ```bash", `\t  aws sts ${w.pick(["assume-role", "get-caller-identity", "get-session-token"])}`, "\t  ```");
      } else {
        w.lines.push(`\t- ${w.sentence()}`, "\t  background-color:: red");
      }
      left -= 1;
    }
  }
  w.blocks += budget;
  return { path: `pages/aws___topic-${i}.md` };
};

const obsidian: Format = (w, i, budget) => {
  // An Obsidian note tagged for the Spaced Repetition plugin: highlights, inline cards and lists.
  let left = budget;
  w.lines.push("---", `tags: [aws, iam${i % 7}, flashcards]`, "---", "");
  while (left > 0) {
    w.lines.push(`## ${w.pick(TOPICS)}`);
    const kind = Math.floor(w.rand() * 3);
    if (kind === 0) w.lines.push(`The ==${w.pick(APIS)}== call returns ${w.sentence(3, 6)}.`);
    else if (kind === 1) w.lines.push(`What does ${w.pick(APIS)} return?::${w.sentence(3, 8)}`);
    else if (left >= 2) w.lines.push(`- ${w.sentence(2, 4)}`, `  - ${w.sentence()}`);
    else w.lines.push(`- ${w.sentence(2, 5)}`);
    left -= kind === 2 ? Math.min(2, left) : 1;
    w.lines.push("");
  }
  w.blocks += budget - left;
  return { path: `Vault/Topic ${i % 50}/Note ${i}.md` };
};

const FORMATS = [outline, headed, logseq, obsidian];

export function generateVault(options: VaultOptions = {}): Vault {
  const notes = options.notes ?? 10_000;
  const blocks = options.blocks ?? 100_000;
  const rand = floats(mulberry32(options.seed ?? 42));
  const files: NoteFile[] = [];
  let written = 0;
  for (let i = 0; i < notes; i += 1) {
    // Spread the block budget so the total lands on `blocks` exactly.
    const budget = Math.floor(((i + 1) * blocks) / notes) - Math.floor((i * blocks) / notes);
    const w = new Writer(rand);
    const { path } = FORMATS[i % FORMATS.length]!(w, i, budget);
    written += w.blocks;
    files.push({ path, text: `${w.lines.join("\n")}\n` });
  }
  return { files, blocks: written };
}

/**
 * `BENCH_NOTES_BASELINE=<path to another checkout's lib/notes/index.ts>` times that importer on the
 * same files, alternating with this one, so a change is judged as a ratio measured in one run on a
 * shared, noisy machine rather than against a figure from another day.
 */
async function compareWithBaseline(files: readonly NoteFile[]): Promise<string[]> {
  const baselinePath = process.env.BENCH_NOTES_BASELINE;
  if (!baselinePath) return [];
  const baseline = (await import(pathToFileURL(baselinePath).href)) as { importPreview: typeof importPreview };
  // Five alternating rounds each, after the timed run above has warmed this importer up; the
  // baseline's own first round is its cold one, so the medians compare warm runs.
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let round = 0; round < 5; round += 1) {
    let at = performance.now();
    baseline.importPreview(files);
    theirs.push(performance.now() - at);
    at = performance.now();
    importPreview(files);
    ours.push(performance.now() - at);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const ratio = median(ours) / median(theirs);
  return [
    `| parse + extraction, median of ${ours.length} (this checkout) | ${(median(ours) / 1000).toFixed(2)} s | | |`,
    `| parse + extraction, median of ${theirs.length} (baseline \`${baselinePath}\`) | ${(median(theirs) / 1000).toFixed(2)} s | | |`,
    `| ratio this / baseline, same run | ${ratio.toFixed(2)} | ≤ 1.10 | ${ratio <= 1.1 ? "yes" : "**no**"} |`,
  ];
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

export async function run(): Promise<string> {
  let peakRss = process.memoryUsage().rss;
  const sample = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));

  const generatedAt = performance.now();
  const vault = generateVault();
  const generateMs = performance.now() - generatedAt;
  const encoder = new TextEncoder();
  const bytes = vault.files.map((f) => ({ path: f.path, bytes: encoder.encode(f.text) }));
  const totalBytes = bytes.reduce((n, f) => n + f.bytes.length, 0);
  sample();

  const start = performance.now();
  const files: NoteFile[] = [];
  for (let i = 0; i < bytes.length; i += 1) {
    const read = readNoteBytes(bytes[i]!.path, bytes[i]!.bytes);
    if (read.ok) files.push(read.file);
    if (i % 1000 === 0) sample();
  }
  const readMs = performance.now() - start;
  sample();
  const preview = importPreview(files);
  const totalMs = performance.now() - start;
  sample();
  // The OS's own high-water mark also sees the peak inside importPreview, between samples.
  const maxRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
  const comparison = await compareWithBaseline(files);
  const ok = (good: boolean) => (good ? "yes" : "**no**");
  return [
    "## Importer",
    "",
    `Dry-run import of a generated vault (\`bench/notes.ts\`, seed 42): ${vault.files.length.toLocaleString("en")} notes, ` +
      `${vault.blocks.toLocaleString("en")} blocks, ${(totalBytes / 1024 / 1024).toFixed(1)} MB in four formats ` +
      "(markdown outlines, headed markdown with code and Q&A, Logseq pages with #card and properties, Obsidian notes with front matter, highlights and inline cards).",
    "",
    "| measure | result | target | met |",
    "| --- | --- | --- | --- |",
    `| byte checks + parse + card extraction | ${(totalMs / 1000).toFixed(2)} s (bytes ${(readMs / 1000).toFixed(2)} s) | < 5 s | ${ok(totalMs < 5000)} |`,
    `| cards drafted | ${preview.drafts.length.toLocaleString("en")} in ${preview.decks.length.toLocaleString("en")} decks | | |`,
    `| peak RSS (whole process) | ${mb(maxRss)} | < 1 GB | ${ok(maxRss < 1024 ** 3)} |`,
    `| vault generation (not timed above) | ${(generateMs / 1000).toFixed(2)} s | | |`,
    ...comparison,
    "",
    machineLine(),
    "",
  ].join("\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(await run());
}
