// The command's surroundings in memory (CliIo, src/cli/main.ts): files as strings or bytes, read
// in chunks of a chosen size, standard input, outputs collected.
import type { CliIo } from "../../src/cli/main.js";

export interface MemoryIoOptions {
  /** Bytes per chunk when a file is read (default: the whole file at once). */
  chunk?: number;
  /** Standard input. */
  stdin?: string | Uint8Array;
  /** Worker threads by default. */
  cores?: number;
  /** Standard output is a terminal this wide (sparklines); piped when left out. */
  terminal?: { columns: number };
}

export function memoryIo(files: Record<string, string | Uint8Array>, options: MemoryIoOptions = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const written: Record<string, string> = {};
  const bytesOf = (v: string | Uint8Array) => (typeof v === "string" ? new TextEncoder().encode(v) : v);
  async function* chunks(bytes: Uint8Array): AsyncIterable<Uint8Array> {
    const size = options.chunk ?? Math.max(1, bytes.byteLength);
    for (let i = 0; i < bytes.byteLength; i += size) yield bytes.subarray(i, i + size);
  }
  let spools = 0;
  const value: CliIo = {
    readFile(path) {
      const v = files[path];
      if (v === undefined) throw new Error(`ENOENT: no such file, open '${path}'`);
      return typeof v === "string" ? v : new TextDecoder().decode(v);
    },
    openRead(path) {
      if (path === "-") return chunks(bytesOf(options.stdin ?? ""));
      const v = files[path];
      if (v === undefined) throw new Error(`ENOENT: no such file, open '${path}'`);
      return chunks(bytesOf(v));
    },
    fileInfo(path) {
      const v = files[path] ?? written[path];
      return v === undefined ? null : { size: bytesOf(v).byteLength, id: path };
    },
    checkWritable(path) {
      if (path.startsWith("/read-only/")) throw new Error("EACCES: permission denied");
    },
    writeFile(path, text) {
      written[path] = text;
    },
    openWrite(path) {
      const lines: string[] = [];
      return {
        write: (line) => lines.push(line),
        close: async () => {
          written[path] = lines.map((l) => `${l}\n`).join("");
        },
      };
    },
    async spoolStdin() {
      const path = `(stdin ${++spools})`;
      files[path] = bytesOf(options.stdin ?? "");
      return path;
    },
    remove(path) {
      delete files[path];
    },
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    cores: options.cores ?? 1,
    version: "9.9.9",
    ...(options.terminal ? { stdoutIsTerminal: true, columns: options.terminal.columns } : {}),
  };
  return { io: value, out: () => out.join(""), err: () => err.join(""), written };
}
