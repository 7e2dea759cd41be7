// The policy playground in Chromium with the CPU throttled 4x (a phone-class CPU): time from each
// keystroke's input event to the frame that shows the re-evaluated decision (the page records it in
// window.__playgroundTimings), and the JavaScript the page ships, gzipped.
// Standalone: `npx tsx --conditions=react-server bench/playground.ts` (honours NEXT_DIST_DIR).
import { rmSync } from "node:fs";
import { cpus } from "node:os";
import type { Page } from "playwright-core";
import { launchBrowser, newPage } from "../tests/e2e/support/browser.ts";
import { encodeState, PRESETS, type PlaygroundState } from "../lib/playground/index.ts";
import { buildReviewFixture } from "./support/review-fixture.ts";
import { ensureBuild, startServer } from "./support/server.ts";
import { pageJavaScript } from "./support/page-javascript.ts";

const THROTTLE = 4;
const KEYSTROKES = 40;

/** A long identity policy (60 statements, 1,265 lines) next to the preset's bucket policy. */
function largeState(): PlaygroundState {
  const base = structuredClone(PRESETS.find((p) => p.id === "bucket-denies-role")!.state);
  const statements = Array.from({ length: 60 }, (_, i) => ({
    Sid: `Statement${i}`,
    Effect: "Allow",
    Action: [`s3:GetObject`, `s3:PutObject`, `s3:ListBucket`],
    Resource: [`arn:aws:s3:::bucket-${i}/*`, `arn:aws:s3:::bucket-${i}`],
    Condition: { StringEquals: { "aws:RequestedRegion": ["us-east-1", "eu-west-1"] } },
  }));
  base.policies[0]!.text = JSON.stringify({ Version: "2012-10-17", Statement: statements }, null, 2);
  return base;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Types into the first policy's first Sid (the policy stays valid), one key at a time. */
async function typeAndTime(page: Page): Promise<{ painted: number[]; committed: number[] }> {
  const editor = page.locator("#policy-0-json");
  await editor.evaluate((el: HTMLTextAreaElement) => {
    const at = el.value.indexOf('"Sid": "') + '"Sid": "'.length;
    el.focus();
    el.setSelectionRange(at, at);
  });
  await page.evaluate(() => {
    window.__playgroundTimings = [];
    window.__playgroundCommitTimings = [];
  });
  for (let i = 0; i < KEYSTROKES; i++) {
    // Type thirty letters, then take ten back: both kinds of edit re-evaluate everything.
    await page.keyboard.press(i < 30 ? "x" : "Backspace");
    await page.waitForFunction((n) => (window.__playgroundTimings?.length ?? 0) >= n, i + 1);
    await page.waitForTimeout(60);
  }
  return page.evaluate(() => ({ painted: window.__playgroundTimings ?? [], committed: window.__playgroundCommitTimings ?? [] }));
}

export async function run(): Promise<string> {
  ensureBuild();
  const fixture = await buildReviewFixture({
    learners: 1,
    cardsPerLearner: 5,
    studiedPerLearner: 0,
    duePerLearner: 0,
    logsPerLearner: 0,
    decksPerLearner: 1,
    now: new Date(),
  });
  const server = await startServer(fixture.url);
  const browser = await launchBrowser();
  try {
    const js = await pageJavaScript(server.baseUrl);
    const rows: string[] = [];
    const cases: [string, string][] = [
      ["preset: role policy + bucket policy (26 lines)", "/playground"],
      ["60-statement identity policy (1,265 lines) + bucket policy", `/playground#${encodeState(largeState())}`],
    ];
    for (const [label, path] of cases) {
      const { context, page } = await newPage(browser, server.baseUrl, "phone");
      const cdp = await context.newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: THROTTLE });
      await page.goto(path);
      await page.locator("[data-testid=playground][data-ready=true]").waitFor();
      await page.waitForFunction(() => document.querySelector("[data-testid=decision]")?.getAttribute("data-decision") !== "none");
      const { painted, committed } = await typeAndTime(page);
      const stats = (values: number[]) => {
        const sorted = [...values].sort((a, b) => a - b);
        return `${percentile(sorted, 50).toFixed(1)} | ${percentile(sorted, 95).toFixed(1)} | ${sorted.at(-1)!.toFixed(1)}`;
      };
      rows.push(`| ${label} | ${painted.length} | ${stats(painted)} | ${stats(committed)} |`);
      await context.close();
    }
    const version = browser.version();
    const cpu = cpus();
    return [
      "## Playground",
      "",
      `Run ${new Date().toISOString().slice(0, 10)} on ${cpu.length} cores, ${cpu[0]?.model ?? "unknown CPU"}, node ${process.version}, Chromium ${version} (headless, phone viewport 375×812).`,
      `\`npx tsx --conditions=react-server bench/playground.ts\` (production build; CPU throttled ${THROTTLE}x through CDP \`Emulation.setCPUThrottlingRate\`).`,
      "",
      `Keystroke to updated decision: from the input event's timestamp to the task after the next animation frame once React has committed the evaluation (decision, deciding statement, explanation), i.e. after that frame is painted (this includes waiting for the next frame, up to 16.7 ms); and to React's commit of the new decision (the evaluation and render, before layout and paint). ${KEYSTROKES} keystrokes each (30 letters typed into a Sid, 10 backspaces), one at a time.`,
      "",
      "| state | keystrokes | painted: median ms | p95 | max | committed: median ms | p95 | max |",
      "| --- | --: | --: | --: | --: | --: | --: | --: |",
      ...rows,
      "",
      `JavaScript of /playground: ${js.files} script files + inline scripts, ${(js.gzipped / 1024).toFixed(1)} kB gzipped (${(js.raw / 1024).toFixed(1)} kB raw), editor and evaluator included. Budget: 200 kB gzipped, 50 ms per keystroke at 4x.`,
      "",
    ].join("\n");
  } finally {
    await browser.close();
    server.stop();
    rmSync(fixture.dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  run().then(
    (section) => console.log(section),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
