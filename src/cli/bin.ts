#!/usr/bin/env node
/// <reference types="node" />
/*
 * The `touchpoint` executable: wires run() (main.ts) to the real file system and process.
 */
import { readFileSync, writeFileSync } from "node:fs";
import pkg from "../../package.json" with { type: "json" };
import { run } from "./main.js";

process.exitCode = run(process.argv.slice(2), {
  readFile: (path) => readFileSync(path, "utf8"),
  writeFile: (path, text) => writeFileSync(path, text),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  version: pkg.version,
  stdoutIsTerminal: process.stdout.isTTY === true && process.env.TERM !== "dumb",
  columns: process.stdout.columns,
});
