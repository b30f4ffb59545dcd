import { fileURLToPath } from "node:url";
import { mergeConfig } from "vitest/config";
import base from "./vitest.config.js";

// The unit suite against other versions of the peers (CI runs it at the lowest declared ones,
// .ci/run): TOUCHPOINT_PEERS names a node_modules folder holding them, and every import of xstate
// or zod, from src/ or test/, resolves there instead of to the lockfile's versions.
const peers = process.env.TOUCHPOINT_PEERS;
if (peers === undefined)
  throw new Error("vitest.peers.config.ts: set TOUCHPOINT_PEERS to a node_modules folder");
const dir = fileURLToPath(new URL(`${peers.replace(/\/?$/, "/")}`, `file://${process.cwd()}/`));

export default mergeConfig(base, {
  resolve: {
    alias: [
      { find: /^xstate$/, replacement: `${dir}xstate/dist/xstate.esm.js` },
      { find: /^xstate\/graph$/, replacement: `${dir}xstate/graph/dist/xstate-graph.esm.js` },
      { find: /^zod$/, replacement: `${dir}zod/index.js` },
    ],
  },
  // A second full run after `npm test`: the timing-sensitive property tests get room on a busy machine.
  test: { typecheck: { enabled: false }, testTimeout: 60_000 },
});
