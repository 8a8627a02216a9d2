// How the browser tests and the benchmark start Debian's Chromium, in one place. As root
// it needs --no-sandbox; without the background-networking flags it keeps trying to reach
// Google's services, which this project's machines (and tests) must not.

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
