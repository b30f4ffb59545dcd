/// <reference types="node" />
/*
 * The progress line of `touchpoint analyze` on standard error: records read, rejected, rate, and
 * for files the bytes read and an estimated time left. Drawn by cli-progress (maintained, no
 * configuration, redraws at most every 200 ms) and only on a terminal: the caller passes no stream
 * otherwise, and every call is then free.
 */
import cliProgress from "cli-progress";

/** What the reading loop reports. */
export interface Progress {
  record(): void;
  rejected(n: number): void;
  bytes(n: number): void;
  stop(): void;
}

const units = ["B", "kB", "MB", "GB", "TB"];
function size(n: number): string {
  let i = 0;
  let v = n;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${v.toFixed(v < 10 && i > 0 ? 1 : 0)} ${units[i]}`;
}

const silent: Progress = { record() {}, rejected() {}, bytes() {}, stop() {} };

/** A progress line on `stream`, or one that draws nothing without a stream. */
export function progressBar(
  stream: NodeJS.WritableStream | undefined,
  phase: string,
  totalBytes: number | null,
): Progress {
  if (stream === undefined) return silent;
  const known = totalBytes !== null && totalBytes > 0;
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: known
        ? `${phase} {bar} {percentage}% | {records} records, {rejected} rejected, {rate}/s | {done} of {all} | ETA {eta_formatted}`
        : `${phase} | {records} records, {rejected} rejected, {rate}/s | {done}`,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  let records = 0;
  let rejected = 0;
  let read = 0;
  const payload = () => ({
    records: records.toLocaleString("en-US"),
    rejected: rejected.toLocaleString("en-US"),
    rate: Math.round(records / Math.max(0.001, (Date.now() - started) / 1000)).toLocaleString("en-US"),
    done: size(read),
    all: known ? size(totalBytes) : "",
  });
  bar.start(known ? totalBytes : 1, 0, payload());
  let last = 0;
  const update = () => {
    const now = Date.now();
    if (now - last < 100) return;
    last = now;
    bar.update(known ? read : 0, payload());
  };
  return {
    record() {
      records++;
      update();
    },
    rejected(n) {
      rejected += n;
    },
    bytes(n) {
      read += n;
      update();
    },
    stop() {
      bar.update(known ? read : 0, payload());
      bar.stop();
    },
  };
}
