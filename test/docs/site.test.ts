// The typedoc site in a real browser: docs/api served over loopback HTTP and opened in Debian's
// headless Chromium through playwright-core. It checks what a reader sees: the journey guide's Mermaid
// diagram drawn as an SVG from the bundled copy of mermaid (no request leaves the machine), no console
// errors, every guide page loading, and the search index answering.
//
// Run with `npm run test:site`, which builds the site first. It is not part of `npm test`: it needs
// Chromium (`apt-get install -y chromium`, which CI does not have unless it installs it), so without
// TOUCHPOINT_SITE_TEST=1 the suite is skipped, and with it a missing browser fails with a message.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, CHROMIUM_FLAGS } from "../chromium.js";

const site = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "docs", "api");
const enabled = process.env.TOUCHPOINT_SITE_TEST === "1";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".md": "text/markdown; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

/** A static file server for docs/api on 127.0.0.1, on a free port. */
function serve(root: string): Promise<{ server: http.Server; base: string }> {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    // Chromium asks every server for a favicon; the site has none, and that is not an error of its.
    if (url.pathname === "/favicon.ico") {
      response.writeHead(204).end();
      return;
    }
    let file = path.normalize(path.join(root, decodeURIComponent(url.pathname)));
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
    fs.readFile(file, (error, data) => {
      if (error) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
      response.end(data);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, base: `http://127.0.0.1:${port}/` });
    });
  });
}

/** What went wrong on a page while it was open: console errors, uncaught errors, failed requests. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => {
    // Requests the test itself aborted (anything off loopback) are reported by `external` instead.
    if (!request.url().startsWith("http://127.0.0.1:")) return;
    problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return problems;
}

describe.skipIf(!enabled)("the documentation site in Chromium (npm run test:site)", () => {
  let server: http.Server | undefined;
  let base = "";
  let context: BrowserContext | undefined;
  let profile = "";
  const external: string[] = [];

  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) {
      throw new Error(
        `test:site needs Chromium at ${CHROMIUM}, and it is missing. Install Debian's package with ` +
          "`apt-get install -y chromium` (as root; run `apt-get update` first), then run `npm run test:site` again.",
      );
    }
    if (!fs.existsSync(path.join(site, "index.html"))) {
      throw new Error(`test:site: ${site} has no index.html; build the site first with \`npx typedoc\``);
    }
    ({ server, base } = await serve(site));
    profile = fs.mkdtempSync(path.join(os.tmpdir(), "touchpoint-site-chromium-"));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_FLAGS,
    });
    // The site must work offline: anything not on the local server is refused and recorded.
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(base) || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
      external.push(url);
      return route.abort();
    });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
  });

  async function open(file: string): Promise<{ page: Page; problems: string[] }> {
    const page = await context!.newPage();
    const problems = watch(page);
    const response = await page.goto(new URL(file, base).href, { waitUntil: "load" });
    expect(response?.status(), file).toBe(200);
    return { page, problems };
  }

  it("draws the journey guide's Mermaid diagram as an SVG, with no console error", async () => {
    const { page, problems } = await open("documents/Journey.html");
    const svg = page.locator("pre.mermaid svg");
    await svg.first().waitFor({ state: "attached", timeout: 30_000 });
    expect(await svg.count()).toBe(1);
    // The diagram is the machine's: its states are drawn as labelled shapes.
    const labels = await page.locator("pre.mermaid svg").textContent();
    for (const state of ["awareness", "advocacy", "healthy", "atRisk", "churned"])
      expect(labels).toContain(state);
    const fitted = (await svg.first().boundingBox())?.width ?? 0;
    expect(fitted).toBeGreaterThan(200);
    // Drawn to the column's width; a click shows it at its natural size, where labels are readable.
    await page.locator("pre.mermaid").click();
    await expect
      .poll(async () => (await svg.first().boundingBox())?.width ?? 0)
      .toBeGreaterThan(fitted * 1.5);
    await page.locator("pre.mermaid").click();
    await expect
      .poll(async () => (await svg.first().boundingBox())?.width ?? 0)
      .toBeLessThanOrEqual(fitted + 1);
    // mermaid came from the site's own assets, not from a CDN.
    const scripts = await page
      .locator("script[src]")
      .evaluateAll((nodes) => nodes.map((n) => (n as HTMLScriptElement).src));
    expect(scripts.some((src) => src.startsWith(`${base}assets/mermaid.min.js`))).toBe(true);
    await page.waitForTimeout(200); // let late console messages arrive
    expect(problems).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  }, 60_000);

  it("loads every guide page, with its heading and no console error", async () => {
    const pages = fs.readdirSync(path.join(site, "documents")).filter((f) => f.endsWith(".html"));
    for (const expected of [
      "Getting_started",
      "Metrics",
      "Classify",
      "Journey",
      "Playbooks",
      "Command_line",
    ]) {
      expect(pages).toContain(`${expected}.html`);
    }
    for (const file of pages) {
      const { page, problems } = await open(`documents/${file}`);
      await page.locator(".tsd-typography h1").first().waitFor({ timeout: 10_000 });
      // The diagram pages of the journey models render their diagram too.
      if (file.startsWith("Journey."))
        await page.locator("pre.mermaid svg").first().waitFor({ timeout: 30_000 });
      // typedoc hides the body until its script has laid the page out.
      await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).display)).not.toBe("none");
      await page.waitForTimeout(100);
      expect(problems, file).toEqual([]);
      await page.close();
    }
    expect(external).toEqual([]);
  }, 180_000);

  it("loads the search index and finds guides and API pages", async () => {
    const { page, problems } = await open("index.html");
    await expect
      .poll(() => page.evaluate(() => typeof (window as { searchData?: unknown }).searchData))
      .toBe("string");
    await page.locator("#tsd-search-trigger").click();
    const input = page.locator("#tsd-search-input");
    await input.fill("businessSchedule");
    const results = page.locator("#tsd-search-results li a");
    await results.first().waitFor({ timeout: 10_000 });
    const apiHits = await results.evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    expect(apiHits.some((href) => href.includes("functions/metrics.businessSchedule.html"))).toBe(true);
    // searchInDocuments: the guides' text is indexed too.
    await input.fill("accumulators");
    await expect
      .poll(() => results.evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href)))
      .toContainEqual(expect.stringContaining("documents/Metrics.html"));
    expect(problems).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  }, 60_000);
});
