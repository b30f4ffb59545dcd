/**
 * `touchpoint analyze` end to end on a generated export (scripts/make-export.ts, about 2 KB of
 * JSON Lines per conversation), through the built command (dist/cli.js: run `npm run build`
 * first), as a user runs it: with one job (no worker thread) and with two worker threads, plain and
 * gzip, single pass (--as-of given) and two passes (the default). Each run is a child process
 * timed by /usr/bin/time: its CPU time (user + system, every thread) and its peak RSS (main thread
 * and workers together). Rounds are interleaved; the figures are medians. The wall clock is given
 * but means little on a shared machine: read the CPU time and the load average beside it.
 *
 * `TOUCHPOINT_BENCH_ANALYZE=100000 npm run bench -- analyze` sets the size (default 20,000).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Bench } from "./run.js";

const N = Number(process.env.TOUCHPOINT_BENCH_ANALYZE ?? 20_000);
const ROUNDS = 2;

interface Run {
  wall: number;
  cpu: number;
  rss: number;
}

function timed(args: string[]): Run {
  const r = spawnSync("/usr/bin/time", ["-f", "%e %U %S %M", process.execPath, "dist/cli.js", ...args], {
    encoding: "utf8",
  });
  const last = r.stderr.trim().split("\n").pop() ?? "";
  const [wall, user, sys, rss] = last.split(" ").map(Number) as [number, number, number, number];
  if (r.status !== 0 || !Number.isFinite(rss)) throw new Error(`analyze failed: ${r.stderr}`);
  return { wall, cpu: user + sys, rss: rss / 1024 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

export default {
  title: "touchpoint analyze: streaming, memory and jobs",
  run() {
    if (!fs.existsSync("dist/cli.js")) throw new Error("bench/analyze: run `npm run build` first");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "touchpoint-bench-"));
    try {
      const plain = path.join(dir, "export.jsonl");
      const gz = path.join(dir, "export.jsonl.gz");
      for (const file of [plain, gz])
        spawnSync(process.execPath, ["--import", "tsx", "scripts/make-export.ts", file, String(N)], {
          stdio: "inherit",
        });
      const size = fs.statSync(plain).size;
      const out = path.join(dir, "report.json");
      const cases = [
        ["JSON Lines, 1 job, --as-of", [plain, "--jobs", "1", "--as-of", "2027-01-01T00:00:00Z"]],
        ["JSON Lines, 2 jobs, --as-of", [plain, "--jobs", "2", "--as-of", "2027-01-01T00:00:00Z"]],
        ["gzip, 1 job, --as-of", [gz, "--jobs", "1", "--as-of", "2027-01-01T00:00:00Z"]],
        ["gzip, 2 jobs, --as-of", [gz, "--jobs", "2", "--as-of", "2027-01-01T00:00:00Z"]],
        ["JSON Lines, 2 jobs, two passes", [plain, "--jobs", "2"]],
      ] as const;
      const runs = new Map<string, Run[]>(cases.map(([name]) => [name, []]));
      const load = [os.loadavg()[0]];
      for (let round = 0; round < ROUNDS; round++)
        for (const [name, args] of cases)
          runs
            .get(name)
            ?.push(timed(["analyze", ...args, "--format", "json", "--out", out, "--force", "--quiet"]));
      load.push(os.loadavg()[0]);
      const rows = cases.map(([name]) => {
        const rs = runs.get(name) as Run[];
        const cpu = median(rs.map((r) => r.cpu));
        const wall = median(rs.map((r) => r.wall));
        return `| ${name} | ${cpu.toFixed(1)} | ${Math.round(N / cpu).toLocaleString("en-US")} | ${wall.toFixed(1)} | ${Math.round(N / wall).toLocaleString("en-US")} | ${Math.round(Math.max(...rs.map((r) => r.rss)))} |`;
      });
      const medianOf = (name: string, key: "wall" | "cpu") =>
        median((runs.get(name) as Run[]).map((r) => r[key]));
      const scaling = (one: string, two: string) =>
        `${(medianOf(one, "wall") / medianOf(two, "wall")).toFixed(2)}× (CPU ${(medianOf(two, "cpu") / medianOf(one, "cpu")).toFixed(2)}× one job's)`;
      return [
        `${N.toLocaleString("en-US")} conversations, ${(size / 1e6).toFixed(0)} MB of JSON Lines; load average ${load.map((l) => (l ?? 0).toFixed(1)).join(" → ")} on ${os.cpus().length} cores.`,
        "",
        "| run | CPU s | conversations per CPU-second | wall s | conversations/s (wall) | peak RSS MB |",
        "|---|---:|---:|---:|---:|---:|",
        ...rows,
        "",
        `Two jobs against one, wall clock: JSON Lines ${scaling("JSON Lines, 1 job, --as-of", "JSON Lines, 2 jobs, --as-of")}; gzip ${scaling("gzip, 1 job, --as-of", "gzip, 2 jobs, --as-of")}.`,
      ].join("\n");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
} satisfies Bench;
