#!/usr/bin/env node
/// <reference types="node" />
/*
 * The `touchpoint` executable: wires run() (main.ts) to the real file system and process.
 */
import pkg from "../../package.json" with { type: "json" };
import { run } from "./main.js";
import { nodeIo } from "./node-io.js";

process.exitCode = await run(process.argv.slice(2), nodeIo(pkg.version));
