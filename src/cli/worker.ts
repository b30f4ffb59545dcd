/// <reference types="node" />
/*
 * A worker thread of `touchpoint analyze --jobs n`: folds the batches of records it is sent
 * (fold.ts) and, when told to finish, sends its report state back to be merged.
 */
import { parentPort, workerData } from "node:worker_threads";
import { type FoldConfig, Folder, type Item } from "./fold.js";

const folder = new Folder(workerData as FoldConfig);
const port = parentPort;
if (port === null) throw new Error("touchpoint: worker.ts runs only as a worker thread");
port.on("message", (message: { type: "batch"; items: Item[] } | { type: "finish" }) => {
  if (message.type === "batch") port.postMessage({ type: "done", output: folder.add(message.items) });
  else port.postMessage({ type: "result", result: folder.result() });
});
