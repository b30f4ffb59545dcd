// Runs every example program in examples/ (examples/*.ts) the way its header says to run it, with tsx
// and tsconfig.test.json (which maps touchpoint/* to src/*/index.ts), one after the other. Their
// output goes to the terminal; the exit status is 1 when any of them exits with a non-zero status or
// is killed, after every one has run.
//
//   npm run examples
//   node scripts/run-examples.mjs live-bot server-step   only the examples named
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

function main(argv) {
  const tsx = createRequire(import.meta.url).resolve("tsx/cli");
  const all = readdirSync(join(root, "examples"))
    .filter((name) => name.endsWith(".ts"))
    .sort();
  const wanted = argv.length === 0 ? all : all.filter((name) => argv.includes(name.replace(/\.ts$/, "")));
  const unknown = argv.filter((name) => !all.includes(`${name}.ts`));
  if (unknown.length > 0) {
    console.error(`run-examples: no example named ${unknown.join(", ")} (examples: ${all.join(", ")})`);
    process.exitCode = 2;
    return;
  }
  const failed = [];
  for (const name of wanted) {
    console.log(`\n=== examples/${name}`);
    const started = performance.now();
    const result = spawnSync(
      process.execPath,
      [tsx, "--tsconfig", "tsconfig.test.json", join("examples", name)],
      { cwd: root, stdio: "inherit" },
    );
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (result.error !== undefined || result.status !== 0) {
      const why =
        result.error?.message ??
        (result.signal ? `killed by ${result.signal}` : `exit status ${result.status}`);
      console.error(`=== examples/${name} failed (${why}) after ${seconds} s`);
      failed.push(name);
    } else {
      console.log(`=== examples/${name} ok in ${seconds} s`);
    }
  }
  if (failed.length > 0) {
    console.error(`\nrun-examples: ${failed.length} of ${wanted.length} failed: ${failed.join(", ")}`);
    process.exitCode = 1;
  } else {
    console.log(`\nrun-examples: all ${wanted.length} examples ran`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href)
  main(process.argv.slice(2));
