// The published site's first screen: how soon a release page paints its first event card
// from its own HTML, before any WebAssembly (issue goal: 120 ms on the 2-core machine),
// and how soon the app has taken the page over. Headless Chromium, the site served from
// 127.0.0.1 gzip-compressed (as a real web server would), no cache between runs.
//
//   node bench/first-card.mjs [--runs N] [--out FILE.json] SITE PAGE...
//
// PAGE is a path in the site ("" for the root, "en/2025/15/"). Each page is opened RUNS
// times with the app and RUNS times with its WebAssembly blocked (the card must not need
// it). Printed: median and slowest time from navigation start to the frame after the first
// card entered the DOM, and to the app's takeover.

import { createServer } from 'node:http';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import path from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/e2e/chromium.mjs';

const require = createRequire(new URL('../tests/e2e/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const at = argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const [, value] = argv.splice(at, 2);
  return value;
};
const runs = Number(option('runs', 5));
const out = option('out', null);
const [site, ...pages] = argv;
if (!site || pages.length === 0) {
  console.error('usage: node bench/first-card.mjs [--runs N] [--out FILE.json] SITE PAGE...');
  process.exit(2);
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml' };
const server = createServer((request, response) => {
  let file = path.join(site, decodeURIComponent(new URL(request.url, 'http://x').pathname));
  try {
    if (statSync(file).isDirectory()) file = path.join(file, 'index.html');
    const body = gzipSync(readFileSync(file));
    response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'content-encoding': 'gzip', 'cache-control': 'no-store' });
    response.end(body);
  } catch {
    response.writeHead(404);
    response.end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}/`;

// Runs before the page's own scripts (and is allowed by its policy: it is not in the page).
const PROBE = `(() => {
  const bench = (window.__bench = { card: null, takeover: null });
  new MutationObserver((_, observer) => {
    if (bench.card === null && document.querySelector('article')) {
      const seen = performance.now();
      requestAnimationFrame(() => setTimeout(() => (bench.card = performance.now()), 0));
      bench.cardInDom = seen;
    }
    if (bench.takeover === null && document.querySelector('.app-host')) {
      bench.takeover = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
})();`;

const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const median = (values) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)];
const results = [];
for (const page of pages) {
  for (const app of [true, false]) {
    const cards = [];
    const takeovers = [];
    for (let run = 0; run < runs; run += 1) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.addInitScript(PROBE);
      if (!app) await context.route('**/*.wasm', (route) => route.abort());
      const tab = await context.newPage();
      await tab.goto(origin + page);
      await tab.waitForFunction(() => window.__bench.card !== null);
      if (app) await tab.waitForFunction(() => window.__bench.takeover !== null, null, { timeout: 20_000 });
      const bench = await tab.evaluate(() => window.__bench);
      cards.push(bench.card);
      if (app) takeovers.push(bench.takeover);
      await context.close();
    }
    const row = {
      page: page || '(root)',
      app,
      firstCardMs: { median: Math.round(median(cards)), max: Math.round(Math.max(...cards)) },
      ...(app ? { takeoverMs: { median: Math.round(median(takeovers)), max: Math.round(Math.max(...takeovers)) } } : {}),
      runs,
    };
    results.push(row);
    console.log(
      `${row.page}${app ? '' : ' (WebAssembly blocked)'}: first card ${row.firstCardMs.median} ms median, ${row.firstCardMs.max} ms slowest` +
        (app ? `; app took over at ${row.takeoverMs.median} ms median, ${row.takeoverMs.max} ms slowest` : ''),
    );
  }
}
await browser.close();
server.close();
if (out) writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
