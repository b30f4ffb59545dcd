/// <reference types="node" />
/*
 * The real surroundings of the command (CliIo, main.ts): files, standard streams, a temporary
 * file for standard input when it must be read twice.
 */
import {
  createReadStream,
  createWriteStream,
  accessSync,
  constants,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pipeline } from "node:stream/promises";
import type { CliIo, LineWriter } from "./main.js";

/** The command's io on this process, with the package's version. */
export function nodeIo(version: string): CliIo {
  return {
    readFile: (path) => readFileSync(path, "utf8"),
    openRead: (path) => (path === "-" ? process.stdin : createReadStream(path, { highWaterMark: 1 << 20 })),
    fileInfo(path) {
      try {
        const s = statSync(path);
        return { size: s.size, id: `${s.dev}:${s.ino}` };
      } catch {
        return null;
      }
    },
    checkWritable(path) {
      let exists = true;
      try {
        statSync(path);
      } catch {
        exists = false;
      }
      accessSync(exists ? path : dirname(path) || ".", constants.W_OK);
      if (exists && statSync(path).isDirectory()) throw new Error("it is a directory");
    },
    writeFile: (path, text) => writeFileSync(path, text),
    openWrite(path): LineWriter {
      const stream = createWriteStream(path);
      let failure: Error | null = null;
      stream.on("error", (error) => {
        failure = error;
      });
      return {
        write(line) {
          stream.write(`${line}\n`);
        },
        close: () =>
          new Promise<void>((resolve, reject) => {
            if (failure) reject(failure);
            else stream.end(() => (failure ? reject(failure) : resolve()));
          }),
      };
    },
    async spoolStdin() {
      const dir = mkdtempSync(join(tmpdir(), "touchpoint-"));
      const path = join(dir, "stdin");
      await pipeline(process.stdin, createWriteStream(path));
      return path;
    },
    remove(path) {
      rmSync(dirname(path), { recursive: true, force: true });
    },
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stderrIsTTY: process.stderr.isTTY === true,
    stdoutIsTerminal: process.stdout.isTTY === true && process.env.TERM !== "dumb",
    columns: process.stdout.isTTY === true ? process.stdout.columns : undefined,
    progressStream: process.stderr,
    cores: availableParallelism(),
    version,
  };
}
