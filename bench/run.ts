/**
 * `npm run bench [-- name ...]`: runs every bench/*.bench.ts (or those whose file name contains one
 * of the given names), in one process, and writes their sections to bench/RESULTS.md.
 *
 * A bench file default-exports `{ title: string, run(): Promise<string> | string }`; `run` returns
 * the section's markdown (tables with ratios against the alternatives measured in the same run).
 * Sections of benches not run this time are kept from the previous RESULTS.md.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { machine } from "./lib/measure.js";

export interface Bench {
  title: string;
  run(): Promise<string> | string;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const files = fs
  .readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts"))
  .sort();
const resultsFile = path.join(here, "RESULTS.md");
const previous = fs.existsSync(resultsFile) ? fs.readFileSync(resultsFile, "utf8") : "";

const sections = new Map<string, string>();
for (const m of previous.matchAll(/<!-- bench:(\S+) -->\n([\s\S]*?)<!-- \/bench:\1 -->/g)) {
  sections.set(m[1] as string, m[2] as string);
}

for (const file of files) {
  const key = file.replace(/\.bench\.ts$/, "");
  if (filters.length > 0 && !filters.some((f) => key.includes(f))) continue;
  const mod = (await import(pathToFileURL(path.join(here, file)).href)) as { default: Bench };
  console.log(`\n## ${mod.default.title}`);
  const started = Date.now();
  const markdown = await mod.default.run();
  console.log(markdown);
  console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
  sections.set(
    key,
    `## ${mod.default.title}\n\n_Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}._\n\n${markdown.trim()}\n`,
  );
}

const body = [...sections.keys()]
  .filter((k) => files.includes(`${k}.bench.ts`))
  .sort()
  .map((k) => `<!-- bench:${k} -->\n${sections.get(k)}<!-- /bench:${k} -->`)
  .join("\n\n");
fs.writeFileSync(
  resultsFile,
  `# Benchmark results\n\nWritten by \`npm run bench\`; each section is replaced when its bench runs again. Ratios compare implementations measured in the same process and run.\n\n${body}\n`,
);
console.log(`\nwrote ${path.relative(process.cwd(), resultsFile)}`);
