// The HTML report in a real browser: Debian's headless Chromium through playwright-core, as the docs
// site test does. The report of the sample export and of a generated year of data, each opened from
// a file at 1280 px and at a 390 px phone, in light and dark: every chart drawn, no console error, no
// request at all, no sideways scroll, the numbers the DOM draws equal to the JSON report's, the
// segment selector working with JavaScript off, and every panel shown in print.
//
// Screenshots go to test-results/report/ (the test's artefacts). With TOUCHPOINT_DOCS_SCREENSHOT=1
// the desktop view of the sample report is also written to docs/media/report.jpg, the picture in
// docs/command-line.md.
//
// Part of `npm run test:site` (TOUCHPOINT_SITE_TEST=1), not of `npm test`: it needs Chromium.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../../src/cli/main.js";
import type { TrendPoint } from "../../src/cli/trends.js";
import { yearOfConversations } from "./helpers/year-of-data.js";
import { memoryIo } from "./memory-io.js";
import { CHROMIUM, CHROMIUM_FLAGS } from "../chromium.js";

const enabled = process.env.TOUCHPOINT_SITE_TEST === "1";
const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.join(here, "..", "..");
const artefacts = path.join(repo, "test-results", "report");

/** Runs the command in memory on files given as text; returns standard output. */
async function analyze(files: Record<string, string>, args: string[]): Promise<string> {
  const sample = "examples/data/conversations.json";
  const t = memoryIo({ [sample]: fs.readFileSync(path.join(repo, sample), "utf8"), ...files });
  expect(await run(["analyze", ...args], t.io)).toBe(0);
  return t.out();
}

interface Built {
  name: string;
  file: string;
  json: { insights: { trend: { points: TrendPoint[] } }; total: { conversations: number } };
}

describe.skipIf(!enabled)("the HTML report in Chromium (npm run test:site)", () => {
  let browser: Browser | undefined;
  const reports: Built[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM))
      throw new Error(
        `test:site needs Chromium at ${CHROMIUM}; install Debian's package with \`apt-get install -y chromium\``,
      );
    fs.mkdirSync(artefacts, { recursive: true });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "touchpoint-report-"));
    const year = JSON.stringify(yearOfConversations());
    for (const [name, files, args] of [
      ["sample", {}, ["examples/data/conversations.json"]],
      ["year", { "year.json": year }, ["year.json", "--by", "priority"]],
    ] as const) {
      const html = await analyze(files, [...args, "--format", "html"]);
      const json = JSON.parse(await analyze(files, [...args, "--format", "json"]));
      const file = path.join(dir, `${name}.html`);
      fs.writeFileSync(file, html);
      fs.writeFileSync(path.join(artefacts, `${name}.html`), html);
      reports.push({ name, file, json });
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function open(
    report: Built,
    width: number,
    options: { dark?: boolean; javaScript?: boolean } = {},
  ): Promise<{ page: Page; problems: string[] }> {
    const context = await browser!.newContext({
      viewport: { width, height: 900 },
      colorScheme: options.dark ? "dark" : "light",
      javaScriptEnabled: options.javaScript ?? true,
    });
    // The report is one file: any request beyond it is refused and recorded.
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url === `file://${report.file}`) return route.continue();
      requests.push(url);
      return route.abort();
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(`console: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    await page.goto(`file://${report.file}`, { waitUntil: "load" });
    return { page, problems };
  }

  for (const name of ["sample", "year"])
    for (const [width, dark] of [
      [1280, false],
      [390, false],
      [390, true],
    ] as const) {
      it(`renders the ${name} report at ${width} px${dark ? " in dark" : ""}: every chart, no error, no sideways scroll`, async () => {
        const report = reports.find((r) => r.name === name)!;
        const { page, problems } = await open(report, width, { dark });
        const scroll = await page.evaluate(() => ({
          page: document.documentElement.scrollWidth,
          view: window.innerWidth,
        }));
        expect(scroll.page, "the page scrolls sideways").toBeLessThanOrEqual(scroll.view);
        // Every chart outside a closed panel has a real size; none overflows the viewport.
        const boxes = await page.locator("svg.chart").evaluateAll((svgs) =>
          svgs
            .filter(
              (s) =>
                s.closest(".panel") === null || getComputedStyle(s.closest(".panel")!).display !== "none",
            )
            .map((s) => {
              const r = s.getBoundingClientRect();
              return { id: s.getAttribute("data-chart"), width: r.width, height: r.height, right: r.right };
            }),
        );
        expect(boxes.length).toBeGreaterThan(25);
        for (const b of boxes) {
          expect(b.width, `${b.id} width`).toBeGreaterThan(50);
          expect(b.height, `${b.id} height`).toBeGreaterThan(20);
          expect(b.right, `${b.id} right edge`).toBeLessThanOrEqual(width);
        }
        // Dark follows the reader's preference.
        const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
        expect(background).toBe(dark ? "rgb(20, 23, 27)" : "rgb(255, 255, 255)");
        await page.screenshot({
          path: path.join(artefacts, `${name}-${width}${dark ? "-dark" : ""}.png`),
          fullPage: true,
        });
        if (name === "sample" && width === 1280 && !dark && process.env.TOUCHPOINT_DOCS_SCREENSHOT === "1")
          await page.screenshot({
            path: path.join(repo, "docs", "media", "report.jpg"),
            type: "jpeg",
            quality: 80,
          });
        expect(problems).toEqual([]);
        expect(requests).toEqual([]);
        await page.context().close();
      }, 60_000);
    }

  it("draws, in the DOM, the numbers of the JSON report", async () => {
    for (const report of reports) {
      const { page } = await open(report, 1280);
      const marks = await page
        .locator(
          'svg[data-chart="trend-volume"] [data-series="opened"], svg[data-chart="trend-frt"] [data-series="frt-median"]',
        )
        .evaluateAll((nodes) =>
          nodes.map((n) => [
            n.getAttribute("data-series"),
            n.getAttribute("data-x"),
            Number(n.getAttribute("data-value")),
          ]),
        );
      const points = report.json.insights.trend.points;
      expect(marks).toEqual([
        ...points.map((p) => ["opened", p.start, p.opened]),
        ...points
          .filter((p) => p.firstResponse !== null)
          .map((p) => ["frt-median", p.start, p.firstResponse?.median]),
      ]);
      // The hover title of a bucket reads its numbers.
      const title = await page.locator('svg[data-chart="trend-volume"] rect.hit title').first().textContent();
      expect(title).toContain(`opened ${points[0]?.opened}`);
      const kpi = await page.locator('[data-kpi="conversations"]').getAttribute("data-value");
      expect(Number(kpi)).toBe(report.json.total.conversations);
      await page.context().close();
    }
  }, 60_000);

  it("switches the small multiples without JavaScript, and prints every panel", async () => {
    const report = reports.find((r) => r.name === "year")!;
    const { page, problems } = await open(report, 390, { javaScript: false });
    const shown = async () =>
      page
        .locator(".panel")
        .evaluateAll((panels) =>
          panels.filter((p) => getComputedStyle(p).display !== "none").map((p) => p.id),
        );
    expect(await shown()).toEqual(["panel-opened"]);
    await page.locator('label[for="sm-sla"]').click();
    expect(await shown()).toEqual(["panel-sla"]);
    await page.emulateMedia({ media: "print" });
    expect(await shown()).toHaveLength(5);
    expect(problems).toEqual([]);
    await page.context().close();
  }, 60_000);
});
