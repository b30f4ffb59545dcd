/// <reference types="node" />
/*
 * Where the records go: one folder in this thread (one job), or a pool of worker threads, each
 * folding the batches it is given. Batches go to the least busy worker, at most two in flight per
 * worker, so reading waits for folding and memory stays bounded whatever the input's size. Which
 * worker gets which record does not matter: the states merge to the same report (analyze.ts).
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { type BatchOutput, type FoldConfig, type FoldResult, Folder, type Item } from "./fold.js";

/** Takes batches of records and, at the end, the fold results to merge. */
export interface Sink {
  add(items: Item[]): Promise<void>;
  finish(): Promise<FoldResult[]>;
  /** Stops the workers (after a failure). */
  stop(): Promise<void>;
}

/** One job, in this thread. */
export function localSink(config: FoldConfig, onOutput: (out: BatchOutput) => void): Sink {
  const folder = new Folder(config);
  return {
    async add(items) {
      onOutput(folder.add(items));
    },
    async finish() {
      return [folder.result()];
    },
    async stop() {},
  };
}

/**
 * A new worker thread: the built file beside dist/cli.js, or, from the sources (tsx, vitest),
 * worker.ts loaded through tsx's API (Node 20 does not pass --import hooks to a worker's entry).
 */
function newWorker(config: FoldConfig): Worker {
  // A worker holds one batch and its aggregates: a small young generation makes V8 collect often
  // instead of growing each thread's heap to its defaults (about 100 MB more per worker); the old
  // generation is capped well above what the aggregates need (a few MB, more with --by agent).
  const resourceLimits = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 192 };
  if (!import.meta.url.endsWith(".ts"))
    return new Worker(new URL("./cli-worker.js", import.meta.url), { workerData: config, resourceLimits });
  // The ES module build of tsx's API (its CommonJS build loads the other from a path that only
  // resolves inside tsx's own process).
  const root = dirname(createRequire(import.meta.url).resolve("tsx/package.json"));
  const tsx = pathToFileURL(join(root, "dist/esm/api/index.mjs")).href;
  const entry = new URL("./worker.ts", import.meta.url).href;
  const code = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(code, { eval: true, workerData: config, resourceLimits });
}

const IN_FLIGHT = 2;

/** `jobs` worker threads. */
export function workerSink(config: FoldConfig, jobs: number, onOutput: (out: BatchOutput) => void): Sink {
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const workers = Array.from({ length: jobs }, () => {
    const worker = newWorker(config);
    const slot = { worker, busy: 0, result: null as FoldResult | null, exited: false };
    worker.on(
      "message",
      (message: { type: "done"; output: BatchOutput } | { type: "result"; result: FoldResult }) => {
        if (message.type === "done") {
          slot.busy--;
          onOutput(message.output);
        } else slot.result = message.result;
        notify();
      },
    );
    worker.on("error", (error) => {
      failure ??= error;
      notify();
    });
    worker.on("exit", () => {
      slot.exited = true;
      notify();
    });
    return slot;
  });
  const waitFor = async (ready: () => boolean) => {
    while (!ready()) {
      if (failure) throw failure;
      if (workers.some((w) => w.exited && w.result === null)) throw new Error("a worker thread stopped");
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
    if (failure) throw failure;
  };
  return {
    async add(items) {
      await waitFor(() => workers.some((w) => w.busy < IN_FLIGHT));
      let best = workers[0]!;
      for (const w of workers) if (w.busy < best.busy) best = w;
      best.busy++;
      best.worker.postMessage({ type: "batch", items });
    },
    async finish() {
      for (const w of workers) w.worker.postMessage({ type: "finish" });
      await waitFor(() => workers.every((w) => w.result !== null));
      await Promise.all(workers.map((w) => w.worker.terminate()));
      return workers.map((w) => w.result as FoldResult);
    },
    async stop() {
      await Promise.all(workers.map((w) => w.worker.terminate()));
    },
  };
}
