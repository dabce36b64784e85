// Debian's Chromium as every browser test launches it (playwright-core, headless): the flags keep
// it off the network this machine does not have (background updates, QUIC, sync).
// OBLIVIA_CHROMIUM only exists to exercise the missing-browser path; CI uses Debian's chromium.
export const CHROMIUM = process.env.OBLIVIA_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
