// Debian's Chromium for the browser tests (npm run test:site), with the flags the machine's probe
// used: headless, and none of Chromium's background connections, which a closed network refuses.
export const CHROMIUM = "/usr/bin/chromium";
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
