// The review screen on a phone-class device: Chromium at the phone viewport with the CPU throttled
// 4x, time from each grade's key event to the painted next card (the screen records it in
// window.__reviewTimings: the task after the animation frame that follows React's commit), and the
// JavaScript the /review route ships, gzipped, with the service worker counted on its own.
// Standalone: `npx tsx --conditions=react-server bench/review-device.ts` (honours NEXT_DIST_DIR).
import { rmSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { gzipSync } from "node:zlib";
import bcrypt from "bcryptjs";
import type { Page } from "playwright-core";
import { launchBrowser, newPage } from "../tests/e2e/support/browser.ts";
import { signIn } from "../tests/e2e/support/accounts.ts";
import { buildReviewFixture } from "./support/review-fixture.ts";
import { ensureBuild, signInOverHttp, startServer } from "./support/server.ts";
import { pageJavaScript } from "./support/page-javascript.ts";

const THROTTLE = 4;
const GRADES = 60;
const PASSWORD = "bench-password-for-review";
/** Between the answer showing and the grade key: shorter than anyone reads an answer. */
const READ_MS = 300;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Grades GRADES cards by key and returns each grade's key-to-painted-card time (ms). */
async function gradeCards(page: Page, readMs: number): Promise<number[]> {
  await page.evaluate(() => (window.__reviewTimings = []));
  for (let i = 0; i < GRADES; i++) {
    await page.keyboard.press("Space");
    await page.getByTestId("back").waitFor();
    if (readMs > 0) await page.waitForTimeout(readMs);
    // The grade key goes down and, like a finger's, comes up after the next card is painted: a
    // press that sends both at once puts the release into the very frame being measured.
    const key = i % 6 === 5 ? "1" : "3";
    await page.keyboard.down(key);
    // Polled by timer, not every animation frame: a frame callback of the harness would run inside the frames it measures.
    await page.waitForFunction((n) => (window.__reviewTimings?.length ?? 0) >= n, i + 1, { polling: 100 });
    await page.keyboard.up(key);
    await page.waitForTimeout(30);
  }
  return page.evaluate(() => window.__reviewTimings ?? []);
}

function row(label: string, timings: number[]): string {
  const sorted = [...timings].sort((a, b) => a - b);
  return `| ${label} | ${timings.length} | ${percentile(sorted, 50).toFixed(1)} | ${percentile(sorted, 95).toFixed(1)} | ${sorted.at(-1)!.toFixed(1)} |`;
}

export async function run(): Promise<string> {
  ensureBuild();
  const now = new Date();
  // 2,000 cards, 300 of them due: a realistic day, and a queue rebuilt over all of them per grade.
  const fixture = await buildReviewFixture({
    learners: 1,
    cardsPerLearner: 2_000,
    studiedPerLearner: 1_500,
    duePerLearner: 300,
    logsPerLearner: 3_000,
    decksPerLearner: 5,
    passwordHash: await bcrypt.hash(PASSWORD, 10),
    now,
  });
  const server = await startServer(fixture.url);
  const browser = await launchBrowser();
  try {
    const email = fixture.learners[0]!.email;
    const cookie = await signInOverHttp(server.baseUrl, email, PASSWORD);
    const js = await pageJavaScript(`${server.baseUrl}/review`, cookie);
    const worker = Buffer.from(await (await fetch(`${server.baseUrl}/serwist/sw.js`, { headers: { cookie } })).arrayBuffer());

    const { context, page } = await newPage(browser, server.baseUrl, "phone");
    await page.goto("/signin");
    await signIn(page, email, PASSWORD);
    await page.waitForURL(/\/decks/);
    await page.goto("/review");
    await page.locator("[data-testid=review-screen][data-ready=true]").waitFor();
    await page.getByTestId("review-card").waitFor();
    const cards = await page.evaluate(() => document.querySelector("[data-testid=progress]")?.textContent ?? "");
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: THROTTLE });
    // A learner reads the answer before grading it; the second pass grades as soon as the answer is
    // in the page, while the reveal's own work (layout, scrolling, focus) may still be running.
    const read = await gradeCards(page, READ_MS);
    const hurried = await gradeCards(page, 0);
    // Every script the page fetched by now: the first load and the chunks loaded later (the check
    // of the server's answers comes with the first sync), so nothing hides behind a dynamic import.
    const scripts = await page.evaluate(() =>
      performance
        .getEntriesByType("resource")
        .map((entry) => entry.name)
        .filter((name) => new URL(name).pathname.endsWith(".js") && !name.includes("/serwist/")),
    );
    let sessionGzipped = 0;
    for (const src of new Set(scripts))
      sessionGzipped += gzipSync(Buffer.from(await (await fetch(src)).arrayBuffer()), { level: 9 }).length;
    await context.close();
    const cpu = cpus();
    const load = loadavg().map((l) => l.toFixed(2));
    return [
      "## Review on the device (grade → next card, route JavaScript)",
      "",
      `Run ${now.toISOString().slice(0, 10)} on ${cpu.length} cores, ${cpu[0]?.model ?? "unknown CPU"}, load ${load.join(" ")}, node ${process.version}, Chromium ${browser.version()} (headless, phone viewport 375×812, CPU throttled ${THROTTLE}x through CDP \`Emulation.setCPUThrottlingRate\`).`,
      "`npm run bench -- review-device` (production build).",
      "",
      `One learner with 2,000 cards (1,500 studied, 300 due) in 5 decks; the screen opened with "${cards}". ${GRADES} grades by key in each row (Space to reveal, then 3, or 1 every sixth, released after the next card is painted), one at a time: first with ${READ_MS} ms between the answer showing and the grade key (a learner reads the answer; the target's figure), then with the grade key pressed as soon as the answer is in the page. Measured from the grade's keydown timestamp to the task after the animation frame in which the next card shows (the staged card swapped in, components/review/card-swap.ts; without a staged card, the frame after React's commit), so the frame is painted; this includes waiting for the next frame, up to 16.7 ms.`,
      "",
      "| grade | grades | median ms | p95 ms | max ms |",
      "| --- | --: | --: | --: | --: |",
      row(`after reading the answer (${READ_MS} ms)`, read),
      row("as soon as the answer shows", hurried),
      "",
      `JavaScript of /review: ${js.files} script files + inline scripts, ${(js.gzipped / 1024).toFixed(1)} kB gzipped (${(js.raw / 1024).toFixed(1)} kB raw). Target: under 170 kB gzipped.`,
      `Every script the page had fetched after the ${2 * GRADES} grades (the first load's files and chunks loaded later, inline scripts not counted): ${new Set(scripts).size} files, ${(sessionGzipped / 1024).toFixed(1)} kB gzipped.`,
      `Service worker (/serwist/sw.js, counted separately): ${(gzipSync(worker, { level: 9 }).length / 1024).toFixed(1)} kB gzipped (${(worker.length / 1024).toFixed(1)} kB raw).`,
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
