// The archive-scale benchmark's measuring half (bench/run.sh builds and generates first).
// Not a test: it asserts nothing about speed, it prints figures.
//
//   node bench/run.mjs --sample static/bundle.json --archive target/bench/archive.json \
//        --texts target/bench/texts [--runs 5] [--out target/bench/results.json] \
//        [--chunked target/bench/chunked-1000,target/bench/chunked-10000] [--search-runs 3]
//        [--site target/bench/site-10000.json]
//
// It serves dist/ on 127.0.0.1 as a static web server with precompressed files sends it: the
// app's files as the copies the build compressed (`*.gz`, zopfli), every other file gzip -9
// compressed (`bundle.json` is the bundle under test, so the viewer
// takes the path a reader's visit takes, no `?bundle=`), and drives Debian's Chromium
// headless. Every page load is a fresh browser context with the HTTP cache disabled, so no
// run reuses anything of another. Figures are medians over the runs; keystroke and tab
// latencies are p50/p95 within a run, then the median of those over the runs.
//
// Chunked archives (`caricc synth N --split DIR`, the folders given to --chunked) are served
// beside the viewer as /releases/DIR-NAME/… and opened as a reader's link opens them,
// `?bundle=DIR-NAME/manifest.json`: the viewer fetches the manifest, then the one release it
// shows. Measured: first card and the bytes received before it; and, with
// `#q=police&scope=all`, an all-releases search (index shards, then the candidate releases)
// to a settled page, with every request the server answered.

import { createServer } from 'node:http';
import { readFileSync, readdirSync, rmSync, mkdirSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { gzipSync, constants as zlib } from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import os from 'node:os';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/e2e/chromium.mjs';
import { siteRows } from './site.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
// Playwright's driver is installed for the browser tests (scripts/setup.sh).
const { chromium } = createRequire(path.join(root, 'tests/e2e/package.json'))('playwright-core');

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const RUNS = Number(args.runs ?? 5);
const IMPORT_RUNS = Number(args['import-runs'] ?? 3);
const SAMPLE = path.resolve(root, args.sample ?? 'static/bundle.json');
const ARCHIVE = path.resolve(root, args.archive ?? 'target/bench/archive.json');
const TEXTS = path.resolve(root, args.texts ?? 'target/bench/texts');
const OUT = path.resolve(root, args.out ?? 'target/bench/results.json');
const CHUNKED = (args.chunked ?? '').split(',').filter(Boolean).map((folder) => path.resolve(root, folder));
const SEARCH_RUNS = Number(args['search-runs'] ?? Math.min(RUNS, 3));
// The figures of `caricc site` on the largest chunked archive, as bench/site.mjs collected them.
const SITE = args.site ? path.resolve(root, args.site) : null;

// Everything is bounded: a page that never shows a card, a keystroke that never settles, a
// whole run that hangs. The watchdog ends the process (and so the browser and the server).
const WATCHDOG_MS = Number(args['time-limit'] ?? 25 * 60) * 1000;
const watchdog = setTimeout(() => {
  console.error(`bench: gave up after ${WATCHDOG_MS / 1000} s`);
  process.exit(3);
}, WATCHDOG_MS);
watchdog.unref();
const LOAD_LIMIT_MS = 120_000;
const SETTLE_LIMIT_MS = 15_000;
/// No DOM change for this long after the last one: the page has settled.
const QUIET_MS = 150;
/// A search across a chunked archive may fetch thousands of files: it has longer to settle,
/// and must be quiet (no DOM change, no request) for longer, since it waits on the network.
const SEARCH_LIMIT_MS = 300_000;
const NETWORK_QUIET_MS = 500;

// ---- Serving --------------------------------------------------------------------------------

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};
const SUB_PATH = '/releases/';

function entry(file) {
  const raw = readFileSync(file);
  const precompressed = existsSync(`${file}.gz`) ? readFileSync(`${file}.gz`) : null;
  const gzip = precompressed ?? gzipSync(raw, { level: zlib.Z_BEST_COMPRESSION });
  return { raw, gzip, precompressed: precompressed !== null, type: TYPES[path.extname(file)] ?? 'application/octet-stream' };
}

// The viewer's files (dist/ also holds the published site's folder, measured on its own).
const files = new Map(readdirSync(dist, { withFileTypes: true })
  .filter((item) => item.isFile() && item.name !== 'bundle.json' && !item.name.endsWith('.gz'))
  .map(({ name }) => [name, entry(path.join(dist, name))]));
const bundles = { sample: entry(SAMPLE), archive: entry(ARCHIVE) };
// `log`: what the server answered (path, kind, bytes sent), for the chunked runs; `inflight`
// and `lastDone`: whether the network has gone quiet.
const served = { bundle: 'sample', requests: [], log: [], inflight: 0, lastDone: 0 };

// Chunked archives by folder name. Thousands of files: each is compressed on its first
// request and kept, and an unmeasured warm-up run requests them first, so that measured runs
// get them as a static server with precompressed files sends them.
const archives = new Map(CHUNKED.map((folder) => [path.basename(folder), { folder, cache: new Map() }]));

function archiveFile(name) {
  const slash = name.indexOf('/');
  const archive = slash > 0 ? archives.get(name.slice(0, slash)) : undefined;
  const relative = name.slice(slash + 1);
  if (!archive || !/^[A-Za-z0-9._/-]+$/.test(relative) || relative.split('/').some((part) => ['', '.', '..'].includes(part))) {
    return undefined;
  }
  if (!archive.cache.has(relative)) {
    const full = path.join(archive.folder, relative);
    if (!existsSync(full) || !statSync(full).isFile()) return undefined;
    archive.cache.set(relative, entry(full));
  }
  return archive.cache.get(relative);
}

/** What an archive path is: the manifest, an index shard, a release, or the viewer's own. */
const kindOf = (name) => (/\/manifest(-older)?\.json$/.test(name) ? 'manifest' : /\/search\//.test(name) ? 'shard' : /\/releases\//.test(name) ? 'release' : 'app');

const server = createServer((request, response) => {
  const { pathname } = new URL(request.url, 'http://127.0.0.1');
  served.requests.push(pathname);
  const name = decodeURIComponent(pathname.slice(SUB_PATH.length)) || 'index.html';
  const file = pathname.startsWith(SUB_PATH)
    ? name === 'bundle.json' ? bundles[served.bundle] : (files.get(name) ?? archiveFile(name))
    : undefined;
  served.inflight += 1;
  response.on('close', () => {
    served.inflight -= 1;
    served.lastDone = Date.now();
  });
  if (!file) {
    served.log.push({ name, kind: kindOf(name), status: 404, bytes: 0 });
    response.writeHead(404, { 'content-type': 'text/plain', 'cache-control': 'no-store' });
    return response.end('not found');
  }
  const gzip = /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
  const body = gzip ? file.gzip : file.raw;
  served.log.push({ name, kind: kindOf(name), status: 200, bytes: body.length });
  response.writeHead(200, {
    'content-type': file.type,
    'content-length': body.length,
    'cache-control': 'no-store',
    vary: 'accept-encoding',
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
  });
  response.end(request.method === 'HEAD' ? undefined : body);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;
const viewerUrl = `${origin}${SUB_PATH}`;

// ---- In the page ----------------------------------------------------------------------------

// Installed before any of the page's scripts. Records when the first event card (an
// `article`) enters the DOM and the frame after it, long tasks, and, once armed, one
// interaction: its start (the event's own timestamp: keydown, or beforeinput for text
// typed without a key, or mousedown) and the frame after the last DOM change it caused.
const PROBE = `(() => {
  // Room for every file a search across a chunked archive fetches (the default is 250).
  performance.setResourceTimingBufferSize?.(1000000);
  const bench = (window.__bench = { appMounted: null, firstCard: null, firstCardFrame: null, longTasks: [] });
  let resolveReady;
  bench.ready = new Promise((resolve) => (resolveReady = resolve));
  const load = new MutationObserver(() => {
    if (bench.appMounted === null && document.querySelector('.app')) bench.appMounted = performance.now();
    if (bench.firstCard === null && document.querySelector('article')) {
      bench.firstCard = performance.now();
      load.disconnect();
      requestAnimationFrame(() => setTimeout(() => {
        bench.firstCardFrame = performance.now();
        resolveReady();
      }, 0));
    }
  });
  load.observe(document, { childList: true, subtree: true });
  try {
    new PerformanceObserver((list) => {
      for (const task of list.getEntries()) bench.longTasks.push({ start: task.startTime, duration: task.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}

  const probe = (window.__probe = { armed: false });
  probe.arm = () => Object.assign(probe, { armed: true, start: null, last: null, painted: null, seq: 0, status: false, panel: false, mutations: 0 });
  // A heartbeat that notices the main thread being busy: a long task (parsing a manifest or
  // a batch of release files) changes nothing in the DOM and may make no request, so without
  // it a page still working looks settled once the task ends. Started by the chunked search
  // runs only, to keep its timer out of the other measurements.
  probe.watchBusy = () => {
    probe.beat = performance.now();
    probe.busy = 0;
    setInterval(() => {
      const now = performance.now();
      if (now - probe.beat > 100) probe.busy = now;
      probe.beat = now;
    }, 25);
  };
  probe.lastBusy = () => {
    const now = performance.now();
    return Math.max(probe.busy ?? 0, now - (probe.beat ?? now) > 100 ? now : 0);
  };
  const started = (event) => { if (probe.armed && probe.start === null) probe.start = event.timeStamp; };
  for (const type of ['keydown', 'beforeinput', 'input', 'mousedown']) addEventListener(type, started, true);
  new MutationObserver((records) => {
    if (!probe.armed) return;
    probe.last = performance.now();
    probe.mutations += records.length;
    const seq = ++probe.seq;
    for (const record of records) {
      const element = record.target.nodeType === 1 ? record.target : record.target.parentElement;
      if (element?.closest('[role=status].result-count')) probe.status = true;
      if (element?.closest('[role=tabpanel]')) probe.panel = true;
    }
    // The frame that shows this change: requestAnimationFrame runs before it is painted,
    // the task queued from there runs after.
    requestAnimationFrame(() => setTimeout(() => { if (probe.seq === seq) probe.painted = performance.now(); }, 0));
  }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
  // Resolves once nothing has changed for quietMs after the last change has been painted.
  probe.settled = (quietMs, limitMs) => new Promise((resolve) => {
    const begun = performance.now();
    const tick = () => {
      const now = performance.now();
      const quiet = probe.last === null ? now - begun >= quietMs : probe.painted !== null && now - probe.last >= quietMs;
      if (quiet || now - begun > limitMs) {
        probe.armed = false;
        resolve({ start: probe.start, last: probe.last, painted: probe.painted, status: probe.status, panel: probe.panel,
                  mutations: probe.mutations, timedOut: !quiet });
      } else setTimeout(tick, 10);
    };
    tick();
  });
})();`;

// ---- Helpers --------------------------------------------------------------------------------

const median = (values) => {
  const sorted = values.filter((v) => v != null && !Number.isNaN(v)).sort((a, b) => a - b);
  if (!sorted.length) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
/// Nearest-rank percentile.
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : null;
};
const log = (...parts) => console.error('bench:', ...parts);

let browser;
async function launch() {
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      ...CHROMIUM_ARGS,
      '--enable-precise-memory-info',
      // Nothing but 127.0.0.1 is reachable, without intercepting requests (interception
      // would add a round trip to this process to every request).
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
}

/** A fresh context and page (nothing shared with earlier runs), the HTTP cache disabled. */
async function freshPage({ serviceWorkers = 'allow' } = {}) {
  const context = await browser.newContext({ serviceWorkers, locale: 'en-US', viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(SETTLE_LIMIT_MS);
  await context.addInitScript(PROBE);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const errors = [];
  const offsite = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('request', (request) => {
    if (!request.url().startsWith(origin)) offsite.push(request.url());
  });
  return { context, page, cdp, errors, offsite };
}

/** Loads the viewer with the named bundle as bundle.json; returns load figures. */
async function loadViewer(name, options = {}) {
  served.bundle = name;
  const run = await freshPage(options);
  const { page, cdp } = run;
  await page.goto(viewerUrl, { waitUntil: 'commit', timeout: LOAD_LIMIT_MS });
  await Promise.race([
    page.evaluate(() => window.__bench.ready),
    new Promise((_, reject) => setTimeout(() => reject(new Error(`no event card within ${LOAD_LIMIT_MS} ms`)), LOAD_LIMIT_MS)),
  ]);
  const load = await page.evaluate(() => {
    const resources = performance.getEntriesByType('resource').map((r) => ({
      name: new URL(r.name).pathname.split('/').pop(),
      start: r.startTime,
      responseStart: r.responseStart,
      end: r.responseEnd,
      transfer: r.transferSize,
      encoded: r.encodedBodySize,
      decoded: r.decodedBodySize,
    }));
    const { appMounted, firstCard, firstCardFrame, longTasks } = window.__bench;
    return { appMounted, firstCard, firstCardFrame, longTasks, resources, cards: document.querySelectorAll('article').length };
  });
  const bundle = load.resources.find((r) => r.name === 'bundle.json');
  // The main thread's longest task after the bundle arrived: decoding, indexing, drawing.
  const task = load.longTasks.filter((t) => bundle && t.start + t.duration >= bundle.end).sort((a, b) => b.duration - a.duration)[0];
  return {
    ...run,
    load: {
      appMounted: load.appMounted,
      firstCard: load.firstCard,
      firstCardFrame: load.firstCardFrame,
      bundleRequested: bundle?.start,
      bundleReceived: bundle?.end,
      bundleTransfer: bundle?.transfer,
      afterBundle: bundle ? load.firstCard - bundle.end : null,
      longestTaskAfterBundle: task?.duration ?? null,
      cards: load.cards,
      transfers: Object.fromEntries(load.resources.map((r) => [r.name, r.transfer])),
    },
  };
}

async function settle(page) {
  await page.evaluate(() => window.__probe.arm());
  return page.evaluate(([quiet, limit]) => window.__probe.settled(quiet, limit), [QUIET_MS, SETTLE_LIMIT_MS]);
}

/** Memory after the load (garbage collected first), and DOM size. */
async function memory({ page, cdp }) {
  await settle(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  return page.evaluate(async () => {
    const tag = document.querySelector('script[data-app-js]');
    let wasm = null;
    try {
      // The same module instance boot.js started: its init returns the running instance's exports.
      const app = await import(new URL(tag.dataset.appJs, document.baseURI).href);
      // The release build renames the exports (scripts/minify-glue.mjs): find the memory by type.
      const exports = Object.values(await app.default());
      wasm = exports.find((value) => value instanceof WebAssembly.Memory).buffer.byteLength;
    } catch {}
    return { heap: performance.memory?.usedJSHeapSize ?? null, wasm, nodes: document.getElementsByTagName('*').length };
  });
}

/** The same bytes, fetched again in the same page, through JSON.parse. */
async function jsonParse(page) {
  return page.evaluate(async () => {
    const text = await (await fetch('bundle.json', { cache: 'no-store' })).text();
    const started = performance.now();
    const value = JSON.parse(text);
    const ms = performance.now() - started;
    return { ms, chars: text.length, releases: value.issues.length };
  });
}

/** Types each query a key at a time into an empty search box; one latency per keystroke
 *  that changed the result count, and the most DOM nodes any keystroke left. */
async function typing(page, queries) {
  const box = page.getByRole('searchbox');
  const result = { latencies: [], unchanged: 0, timedOut: 0, mostNodes: 0 };
  for (const query of queries) {
    await box.fill('');
    await settle(page);
    await box.focus();
    for (const key of query) {
      await page.evaluate(() => window.__probe.arm());
      await page.keyboard.type(key);
      const r = await page.evaluate(([quiet, limit]) => window.__probe.settled(quiet, limit), [QUIET_MS, SETTLE_LIMIT_MS]);
      if (r.timedOut || r.start === null) result.timedOut += 1;
      else if (!r.status) result.unchanged += 1;
      else result.latencies.push(r.painted - r.start);
      const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
      result.mostNodes = Math.max(result.mostNodes, nodes);
    }
  }
  await box.fill('');
  await settle(page);
  return result;
}

/** Clicks the country tabs in turn; one latency per click that changed the panel. */
async function tabbing(page, clicks) {
  const tabs = page.getByRole('tab');
  const count = await tabs.count();
  const result = { latencies: [], unchanged: 0, timedOut: 0, tabs: count };
  for (let i = 1; i <= clicks; i += 1) {
    const tab = tabs.nth(i % count);
    await tab.scrollIntoViewIfNeeded();
    await page.evaluate(() => window.__probe.arm());
    await tab.click();
    const r = await page.evaluate(([quiet, limit]) => window.__probe.settled(quiet, limit), [QUIET_MS, SETTLE_LIMIT_MS]);
    if (r.timedOut || r.start === null) result.timedOut += 1;
    else if (!r.panel) result.unchanged += 1;
    else result.latencies.push(r.painted - r.start);
  }
  await tabs.first().click();
  await settle(page);
  return result;
}

/** Chooses a drug, then a kind, in turn (each time the next choice of its list), across all
 *  releases with no search: one latency per choice that changed the panel. Each choice is
 *  undone (unmeasured) before the next, so every one filters the whole archive. */
async function filtering(page, rounds) {
  const result = { latencies: [], unchanged: 0, timedOut: 0 };
  const selects = [page.getByLabel('Drug', { exact: true }), page.getByLabel('Kind of event')];
  for (let i = 0; i < rounds; i += 1) {
    const select = selects[i % 2];
    const values = await select.locator('option').evaluateAll((options) => options.map((o) => o.value));
    if (values.length < 2) throw new Error('no facts to filter by: is the archive imported with facts?');
    const value = values[1 + (Math.floor(i / 2) % (values.length - 1))];
    await page.evaluate(() => window.__probe.arm());
    await select.selectOption(value);
    const r = await page.evaluate(([quiet, limit]) => window.__probe.settled(quiet, limit), [QUIET_MS, SETTLE_LIMIT_MS]);
    if (r.timedOut || r.start === null) result.timedOut += 1;
    else if (!r.panel) result.unchanged += 1;
    else result.latencies.push(r.painted - r.start);
    await select.selectOption('');
    await settle(page);
  }
  return result;
}

const summary = (result) => ({
  latencies: result.latencies.map((ms) => Math.round(ms * 10) / 10),
  p50: percentile(result.latencies, 50),
  p95: percentile(result.latencies, 95),
  n: result.latencies.length,
  unchanged: result.unchanged,
  timedOut: result.timedOut,
  mostNodes: result.mostNodes,
});

// Latin, Latin finding Cyrillic, Cyrillic, a word that matches nothing, two words.
const QUERIES = ['police', 'almaty', 'полиция', 'наркотик', 'zqxw', 'drug courier'];

/** One full run on the archive: load, memory, JSON.parse, search, tabs, "Show N more". */
async function archiveRun() {
  const run = await loadViewer('archive');
  const { page } = run;
  try {
    // A reader's first visit also installs the service worker, which fetches the page, the
    // app and the bundle again to keep them: let it finish before timing interactions.
    await page.evaluate(() => Promise.race([navigator.serviceWorker?.ready, new Promise((r) => setTimeout(r, 60_000))]));
    const afterLoad = await memory(run);
    const parse = await jsonParse(page);
    const searchRelease = summary(await typing(page, QUERIES));
    const tabsRelease = summary(await tabbing(page, 30));
    // With the search box empty the box shows unchecked (the scope is kept, and applies
    // from the first letter typed), so click rather than check(), then verify the scope.
    await page.getByRole('checkbox', { name: 'Search all releases' }).click();
    await settle(page);
    const searchAll = summary(await typing(page, QUERIES));
    await page.getByRole('searchbox').fill('police');
    await settle(page);
    const status = await page.locator('[role=status].result-count').textContent();
    if (!/in all releases/.test(status)) throw new Error(`not searching all releases: “${status}”`);
    const tabsAll = summary(await tabbing(page, 30));
    const searchAllNodes = (await memory(run)).nodes;
    await page.evaluate(() => window.__probe.arm());
    await page.getByRole('button', { name: /^Show \d+ more/ }).click();
    const more = await page.evaluate(([quiet, limit]) => window.__probe.settled(quiet, limit), [QUIET_MS, SETTLE_LIMIT_MS]);
    const afterMore = await memory(run);
    const cardsAfterMore = await page.locator('article').count();
    // The facet filters over every event of the archive: all releases, no search.
    await page.getByRole('searchbox').fill('');
    await settle(page);
    const facets = summary(await filtering(page, 20));
    return {
      load: run.load,
      afterLoad,
      parse,
      searchRelease,
      searchAll,
      tabsRelease,
      tabsAll,
      searchAllNodes,
      showMore: more.painted - more.start,
      afterMore,
      cardsAfterMore,
      facets,
      errors: run.errors,
      offsite: run.offsite,
    };
  } finally {
    await run.context.close();
  }
}

async function sampleRun() {
  const run = await loadViewer('sample');
  try {
    await run.page.evaluate(() => Promise.race([navigator.serviceWorker?.ready, new Promise((r) => setTimeout(r, 30_000))]));
    return { load: run.load, afterLoad: await memory(run), parse: await jsonParse(run.page), errors: run.errors, offsite: run.offsite };
  } finally {
    await run.context.close();
  }
}

/** First card only, service worker blocked: how much the worker's install costs the first visit. */
async function loadOnly(name) {
  const run = await loadViewer(name, { serviceWorkers: 'block' });
  await run.context.close();
  return { load: run.load, errors: run.errors };
}

// ---- Chunked archives -------------------------------------------------------------------------

// A word in nearly every release, and one in none (the shards alone).
const CHUNKED_QUERIES = ['police', 'zqxw'];

/** A chunked archive's files, and how long `caricc synth --split` took (bench/run.sh writes
 *  FOLDER.synth.json beside it). */
function chunkedSizes(folder) {
  const sizes = [];
  const walk = (dir) => {
    for (const item of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, item.name);
      if (item.isDirectory()) walk(full);
      else sizes.push({ name: path.relative(folder, full), bytes: statSync(full).size });
    }
  };
  walk(folder);
  // The newest year's manifest, read before the first card, and the older releases' one.
  const manifestText = readFileSync(path.join(folder, 'manifest.json'));
  const manifest = JSON.parse(manifestText);
  const olderText = manifest.older ? readFileSync(path.join(folder, manifest.older)) : Buffer.alloc(0);
  const releases = [...manifest.releases, ...(manifest.older ? JSON.parse(olderText).releases : [])];
  const shardFolder = path.dirname(manifest.search.files) + path.sep;
  const shards = sizes.filter((file) => file.name.startsWith(shardFolder)).map((file) => file.bytes);
  const timing = path.join(path.dirname(folder), `${path.basename(folder)}.synth.json`);
  return {
    name: path.basename(folder),
    releases: releases.length,
    events: releases.reduce((sum, release) => sum + release.events, 0),
    files: sizes.length,
    bytes: sizes.reduce((sum, file) => sum + file.bytes, 0),
    manifest: { bytes: manifestText.length, gzip: gzipSync(manifestText, { level: zlib.Z_BEST_COMPRESSION }).length },
    olderManifest: { bytes: olderText.length, gzip: gzipSync(olderText, { level: zlib.Z_BEST_COMPRESSION }).length },
    shards: manifest.search.shards,
    largestShard: shards.reduce((largest, bytes) => Math.max(largest, bytes), 0),
    synth: existsSync(timing) ? JSON.parse(readFileSync(timing, 'utf8')) : null,
  };
}

/** The viewer opening a chunked archive, as a reader's link would. */
const chunkedUrl = (name, fragment = '') => `${viewerUrl}?bundle=${encodeURIComponent(`${name}/manifest.json`)}${fragment}`;

/** Requests the server answered, by kind: count and bytes sent. */
function byKind(log) {
  const kinds = Object.fromEntries(['manifest', 'shard', 'release', 'app'].map((kind) => [kind, { count: 0, bytes: 0, missing: 0 }]));
  for (const { kind, status, bytes } of log) {
    kinds[kind].count += 1;
    kinds[kind].bytes += bytes;
    if (status !== 200) kinds[kind].missing += 1;
  }
  return kinds;
}

/** Waits for the first event card; the viewer's error message or the time limit ends the
 *  wait with an error, so a viewer that cannot open the archive fails at once. */
async function firstCardOrError(page) {
  const card = page.evaluate(() => window.__bench.ready).then(() => null, (error) => String(error));
  const alert = page.waitForSelector('[role=alert]', { timeout: LOAD_LIMIT_MS }).then(
    async (element) => `the viewer says: ${(await element.textContent())?.replace(/\s+/g, ' ').trim()}`,
    () => `no event card within ${LOAD_LIMIT_MS} ms`,
  );
  const problem = await Promise.race([card, alert]);
  if (problem) throw new Error(problem);
}

/** First card of a chunked archive and what had been received by then. The service worker is
 *  blocked, so every byte counted is the page's own (compare with the single bundle's
 *  “service worker blocked” row). */
async function chunkedLoad(name) {
  served.log = [];
  const run = await freshPage({ serviceWorkers: 'block' });
  try {
    await run.page.goto(chunkedUrl(name), { waitUntil: 'commit', timeout: LOAD_LIMIT_MS });
    await firstCardOrError(run.page);
    const load = await run.page.evaluate(() => {
      const { appMounted, firstCard } = window.__bench;
      const navigation = performance.getEntriesByType('navigation')[0];
      const resources = performance
        .getEntriesByType('resource')
        .map((r) => ({ name: new URL(r.name).pathname, end: r.responseEnd, transfer: r.transferSize }));
      return { appMounted, firstCard, navigation: navigation?.transferSize ?? 0, resources };
    });
    // The DOM goal holds whatever the archive's size: counted once the page has settled.
    await settle(run.page);
    const nodes = await run.page.evaluate(() => document.getElementsByTagName('*').length);
    const folder = `${SUB_PATH}${name}/`;
    const before = load.resources.filter((r) => r.end <= load.firstCard);
    const archiveBefore = before.filter((r) => r.name.startsWith(folder));
    const sum = (list) => list.reduce((total, r) => total + r.transfer, 0);
    return {
      appMounted: load.appMounted,
      firstCard: load.firstCard,
      nodes,
      bytesBeforeFirstCard: load.navigation + sum(before),
      archiveBytesBeforeFirstCard: sum(archiveBefore),
      archiveFilesBeforeFirstCard: archiveBefore.map((r) => r.name.slice(folder.length)),
      served: byKind(served.log),
      errors: run.errors,
      offsite: run.offsite,
    };
  } finally {
    await run.context.close();
  }
}

/** Resolves once the page has not changed for NETWORK_QUIET_MS (its last change painted),
 *  its main thread has not been busy for as long, and no request has been open for as
 *  long; `at`: when the last change was painted, in ms after navigation. */
async function networkSettled(page) {
  const begun = Date.now();
  for (;;) {
    const probe = await page.evaluate(() => ({
      last: window.__probe.last, painted: window.__probe.painted, busy: window.__probe.lastBusy(), now: performance.now(),
    }));
    const pageQuiet = probe.last !== null && probe.painted !== null && probe.now - Math.max(probe.last, probe.busy) >= NETWORK_QUIET_MS;
    const networkQuiet = served.inflight === 0 && Date.now() - served.lastDone >= NETWORK_QUIET_MS;
    if (pageQuiet && networkQuiet) return { at: probe.painted, timedOut: false };
    if (Date.now() - begun > SEARCH_LIMIT_MS) return { at: probe.painted, timedOut: true };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A link to an all-releases search of a chunked archive (`#q=QUERY&scope=all`), from
 *  navigation to a settled page, with every request made. */
async function chunkedSearch(name, query) {
  served.log = [];
  const run = await freshPage({ serviceWorkers: 'block' });
  const { page } = run;
  try {
    await page.goto(chunkedUrl(name, `#q=${encodeURIComponent(query)}&scope=all`), { waitUntil: 'commit', timeout: LOAD_LIMIT_MS });
    await page.evaluate(() => { window.__probe.arm(); window.__probe.watchBusy(); });
    const settled = await networkSettled(page);
    const shown = await page.evaluate(() => {
      const text = (selector) => document.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
      return { status: text('[role=status].result-count'), alert: text('[role=alert]'), cards: document.querySelectorAll('article').length, firstCard: window.__bench.firstCard };
    });
    const sent = byKind(served.log);
    return { settled: settled.at, timedOut: settled.timedOut, ...shown, served: sent, afterSearch: await memory(run), errors: run.errors, offsite: run.offsite };
  } finally {
    await run.context.close();
  }
}

/** Every chunked archive: first card (RUNS runs); for the largest, the all-releases searches
 *  (SEARCH_RUNS runs each). Each kind of run is done once unmeasured first (see `archives`).
 *  An archive the viewer cannot open is reported as not measured, and the rest goes on. */
async function chunkedRuns() {
  const measured = CHUNKED.map((folder) => ({ ...chunkedSizes(folder), loads: [], searches: {} }));
  const largest = [...measured].sort((a, b) => b.releases - a.releases)[0]?.name;
  for (const entry of measured) {
    try {
      log(`chunked ${entry.name}: warm-up load (not measured)`);
      await chunkedLoad(entry.name);
      for (let i = 0; i < RUNS; i += 1) {
        log(`chunked ${entry.name}: first card, run ${i + 1} of ${RUNS}`);
        entry.loads.push(await chunkedLoad(entry.name));
      }
      if (entry.name !== largest) continue;
      for (const query of CHUNKED_QUERIES) {
        log(`chunked ${entry.name}: warm-up search “${query}” (not measured)`);
        await chunkedSearch(entry.name, query);
        entry.searches[query] = [];
        for (let i = 0; i < SEARCH_RUNS; i += 1) {
          log(`chunked ${entry.name}: search “${query}”, run ${i + 1} of ${SEARCH_RUNS}`);
          entry.searches[query].push(await chunkedSearch(entry.name, query));
        }
      }
    } catch (error) {
      entry.error = String(error?.message ?? error);
      log(`chunked ${entry.name}: not measured: ${entry.error}`);
    }
  }
  return measured;
}

/** Where the main thread's time goes while the archive loads: one profiled load (not timed). */
async function profileLoad() {
  served.bundle = 'archive';
  const run = await freshPage();
  const { page, cdp } = run;
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.goto(viewerUrl, { waitUntil: 'commit', timeout: LOAD_LIMIT_MS });
  await page.evaluate(() => window.__bench.ready);
  const { profile } = await cdp.send('Profiler.stop');
  await run.context.close();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  for (let i = 0; i < profile.samples.length; i += 1) {
    const frame = byId.get(profile.samples[i]).callFrame;
    const url = frame.url ?? '';
    const kind =
      url.endsWith('.wasm') || /^(\$|wasm-function)/.test(frame.functionName) ? 'WebAssembly'
        : /\/app-[^/]*\.js$/.test(url) ? 'JS glue (wasm-bindgen: DOM calls, strings)'
          : ['(garbage collector)', '(idle)', '(program)'].includes(frame.functionName) ? frame.functionName
            : 'other JavaScript';
    self.set(kind, (self.get(kind) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  }
  return Object.fromEntries([...self].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, Math.round(v)]));
}

/** `caricc import` of the synthetic release texts into a fresh bundle, wall time. */
function importTimes() {
  const texts = readdirSync(TEXTS).filter((name) => name.endsWith('.txt')).map((name) => path.join(TEXTS, name));
  const out = path.join(os.tmpdir(), `caricc-bench-import-${process.pid}.json`);
  const times = [];
  for (let i = 0; i < IMPORT_RUNS; i += 1) {
    rmSync(out, { force: true });
    const started = process.hrtime.bigint();
    const result = spawnSync(path.join(root, 'target/release/caricc'), ['import', ...texts, '-o', out], {
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 300_000,
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (result.status !== 0) throw new Error(`caricc import failed: ${result.error ?? result.stderr}`);
    times.push(seconds);
  }
  rmSync(out, { force: true });
  return { files: texts.length, seconds: times, median: median(times) };
}

function gzipSizes() {
  const names = [...files.keys()];
  const pick = (re) => names.find((name) => re.test(name));
  const app = { wasm: pick(/\.wasm$/), js: pick(/^app-.*\.js$/), css: pick(/\.css$/) };
  const sizes = {};
  for (const [kind, name] of Object.entries(app)) {
    const gz = spawnSync('sh', ['-c', 'gzip -9 -c "$1" | wc -c', 'sh', path.join(dist, name)], { encoding: 'utf8' });
    const file = files.get(name);
    // `served`: what the server sends, the build's precompressed copy when there is one.
    sizes[kind] = { name, raw: file.raw.length, gzip: Number(gz.stdout.trim()), served: file.gzip.length, precompressed: file.precompressed };
  }
  return sizes;
}

function nativeSplit() {
  const result = spawnSync(path.join(root, 'target/wasm-release/examples/bench-native'), [ARCHIVE, String(RUNS)], {
    encoding: 'utf8',
    timeout: 300_000,
  });
  return result.status === 0 ? JSON.parse(result.stdout) : null;
}

// ---- Run ------------------------------------------------------------------------------------

const results = { started: new Date().toISOString(), runs: RUNS };
try {
  results.machine = {
    cores: os.cpus().length,
    cpu: (readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m) ?? [])[1] ?? os.cpus()[0]?.model,
    memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    node: process.version,
    // Anything else running on the machine makes every figure worse: say how busy it was.
    loadAverageBefore: os.loadavg().map((n) => n.toFixed(2)).join(' '),
  };
  results.sizes = gzipSizes();
  results.bundles = {
    sample: { bytes: bundles.sample.raw.length, gzip: bundles.sample.gzip.length },
    archive: { bytes: bundles.archive.raw.length, gzip: bundles.archive.gzip.length },
  };
  log(`caricc import of the texts in ${TEXTS}, ${IMPORT_RUNS} times`);
  results.import = importTimes();
  log('native timing of decoding, indexing and the view');
  results.native = nativeSplit();

  await launch();
  results.machine.chromium = browser.version();
  results.sample = [];
  results.archive = [];
  results.archiveNoWorker = [];
  // Alternating, so that a machine getting slower or faster during the runs affects both alike.
  for (let i = 0; i < RUNS; i += 1) {
    log(`run ${i + 1} of ${RUNS}: sample`);
    results.sample.push(await sampleRun());
    log(`run ${i + 1} of ${RUNS}: archive`);
    results.archive.push(await archiveRun());
    log(`run ${i + 1} of ${RUNS}: archive, service worker blocked`);
    results.archiveNoWorker.push(await loadOnly('archive'));
  }
  log('one profiled load of the archive');
  results.profile = await profileLoad();
  results.chunked = await chunkedRuns();
  results.site = SITE && existsSync(SITE) ? JSON.parse(readFileSync(SITE, 'utf8')) : null;
} finally {
  await browser?.close();
  await new Promise((resolve) => server.close(resolve));
}
results.machine.loadAverageAfter = os.loadavg().map((n) => n.toFixed(2)).join(' ');
const chunkedPages = (results.chunked ?? []).flatMap((c) => [...c.loads, ...Object.values(c.searches).flat()]);
const offsite = [...results.sample, ...results.archive, ...chunkedPages].flatMap((run) => run.offsite);
const errors = [...results.sample, ...results.archive, ...results.archiveNoWorker, ...chunkedPages].flatMap((run) => run.errors);
results.offsite = offsite;
results.errors = errors;
mkdirSync(path.dirname(OUT), { recursive: true });
writeFileSync(OUT, JSON.stringify(results, null, 2));

// ---- Report ---------------------------------------------------------------------------------

const m = (runs, pick) => median(runs.map(pick));
const ms = (value) => (value == null ? 'n/a' : `${Math.round(value)} ms`);
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
const mb = (bytes) => (bytes == null ? 'n/a' : `${(bytes / 2 ** 20).toFixed(1)} MiB`);
const count = (n) => n.toLocaleString('en-US');
const { sizes } = results;
const app = sizes.wasm.served + sizes.js.served + sizes.css.served;
const appGzip9 = sizes.wasm.gzip + sizes.js.gzip + sizes.css.gzip;
const allPrecompressed = ['wasm', 'js', 'css'].every((kind) => sizes[kind].precompressed);
const transferred = (run) => ['wasm', 'js', 'css'].reduce((sum, kind) => sum + (run.load.transfers[sizes[kind].name] ?? 0), 0);
const archiveCard = m(results.archive, (r) => r.load.firstCard);
const sampleCard = m(results.sample, (r) => r.load.firstCard);
const parseMs = m(results.archive, (r) => r.parse.ms);
const events = results.native?.events;
const rows = [
  [`App transfer, ${allPrecompressed ? 'precompressed by the build (zopfli)' : 'gzip -9'} (wasm + JS + CSS)`, `${kb(app)} (${kb(sizes.wasm.served)} + ${kb(sizes.js.served)} + ${kb(sizes.css.served)})`, '≤ 150 KB', app <= 150_000],
  ['  the same files gzip -9 (a server compressing as it sends)', `${kb(appGzip9)} (${kb(sizes.wasm.gzip)} + ${kb(sizes.js.gzip)} + ${kb(sizes.css.gzip)})`, '', null],
  ['  as Chromium transferred them (headers included)', kb(m(results.sample, transferred)), '', null],
  ['Sample bundle (1 release, 10 events)', `${kb(results.bundles.sample.bytes)}, ${kb(results.bundles.sample.gzip)} gzip`, '', null],
  [`Archive bundle (${results.archive[0]?.parse.releases} releases${events == null ? '' : `, ${count(events)} events`})`, `${mb(results.bundles.archive.bytes)}, ${mb(results.bundles.archive.gzip)} gzip`, '', null],
  ['First card, sample', ms(sampleCard), '≤ 400 ms', sampleCard <= 400],
  ['  app started (wasm running, loading state shown)', ms(m(results.sample, (r) => r.load.appMounted)), '', null],
  ['  sample received (bundle responseEnd)', ms(m(results.sample, (r) => r.load.bundleReceived)), '', null],
  ['First card, archive', ms(archiveCard), '≤ 1.5 s', archiveCard <= 1500],
  ['  app started (wasm running, loading state shown)', ms(m(results.archive, (r) => r.load.appMounted)), '', null],
  ['  archive received (bundle responseEnd)', ms(m(results.archive, (r) => r.load.bundleReceived)), '', null],
  ['  received → first card (decode, parse, draw)', ms(m(results.archive, (r) => r.load.afterBundle)), '', null],
  ['  first card painted (a task after the frame that shows it)', ms(m(results.archive, (r) => r.load.firstCardFrame)), '', null],
  ['  longest main-thread task after it arrived (the search index is built after the paint)', ms(m(results.archive, (r) => r.load.longestTaskAfterBundle)), '', null],
  ['First card, archive, service worker blocked', ms(m(results.archiveNoWorker, (r) => r.load.firstCard)), '', null],
  ['JSON.parse of the same archive text, same page', ms(parseMs), '', null],
  ['  ratio first card / JSON.parse', parseMs ? `${(archiveCard / parseMs).toFixed(1)} ×` : 'n/a', '', null],
  ['  ratio (received → first card) / JSON.parse', parseMs ? `${(m(results.archive, (r) => r.load.afterBundle) / parseMs).toFixed(1)} ×` : 'n/a', '', null],
];
const latencyRow = (label, key, goal, limit = 100) => {
  const p50 = m(results.archive, (r) => r[key].p50);
  const p95 = m(results.archive, (r) => r[key].p95);
  const n = results.archive[0]?.[key].n;
  const skipped = m(results.archive, (r) => r[key].unchanged + r[key].timedOut);
  return [`${label} (${n} per run${skipped ? `, ${skipped} without a change` : ''})`, `p50 ${ms(p50)}, p95 ${ms(p95)}`, goal, p95 <= limit];
};
rows.push(
  latencyRow('Search keystroke → settled DOM, this release', 'searchRelease', '≤ 100 ms p95 (50)'),
  latencyRow('Search keystroke → settled DOM, all releases', 'searchAll', '≤ 100 ms p95 (50)'),
  latencyRow('Tab switch, release view', 'tabsRelease', '≤ 100 ms p95 (50)'),
  latencyRow('Tab switch, searching all releases (“police”)', 'tabsAll', '≤ 100 ms p95 (50)'),
  latencyRow('Drug or kind filter → settled DOM, all releases, no search', 'facets', '≤ 50 ms p95', 50),
  ['“Show more” click → settled DOM', ms(m(results.archive, (r) => r.showMore)), '', null],
);
const nodes = {
  sample: m(results.sample, (r) => r.afterLoad.nodes),
  archive: m(results.archive, (r) => r.afterLoad.nodes),
  search: m(results.archive, (r) => r.searchAllNodes),
  typing: m(results.archive, (r) => r.searchAll.mostNodes),
  more: m(results.archive, (r) => r.afterMore.nodes),
};
rows.push(
  ['DOM nodes after load, sample', count(nodes.sample), '< 4,000', nodes.sample < 4000],
  ['DOM nodes after load, archive', count(nodes.archive), '< 4,000', nodes.archive < 4000],
  ['DOM nodes, archive, searching all releases (a page of cards)', count(nodes.search), '< 4,000', nodes.search < 4000],
  ['DOM nodes, most after any keystroke of the queries, all releases', count(nodes.typing), '< 4,000', nodes.typing < 4000],
  [`DOM nodes after “Show more” (${m(results.archive, (r) => r.cardsAfterMore)} cards)`, count(nodes.more), '< 4,000', nodes.more < 4000],
  ['JS heap after load (after GC), sample', mb(m(results.sample, (r) => r.afterLoad.heap)), '', null],
  ['JS heap after load (after GC), archive', mb(m(results.archive, (r) => r.afterLoad.heap)), '', null],
  ['wasm memory after load, sample', mb(m(results.sample, (r) => r.afterLoad.wasm)), '', null],
  ['wasm memory after load, archive', mb(m(results.archive, (r) => r.afterLoad.wasm)), '', null],
  ['wasm memory after the interactions, archive', mb(m(results.archive, (r) => r.afterMore.wasm)), '', null],
  [`caricc import of ${count(results.import.files)} release texts (median of ${IMPORT_RUNS})`, `${results.import.median.toFixed(2)} s`, '≤ 5 s', results.import.median <= 5],
);
if (results.native) {
  rows.push([
    'Native, same code: parse / index / view / one all-releases search / one drug or kind filter of all releases',
    `${results.native.parse_ms} / ${results.native.index_ms} / ${results.native.view_ms} / ${results.native.search_all_ms} / ${results.native.facet_all_ms} ms`,
    '',
    null,
  ]);
}
const size = (bytes) => (bytes >= 2 ** 20 ? mb(bytes) : kb(bytes));
for (const c of results.chunked ?? []) {
  const releases = count(c.releases);
  const synth = c.synth ? `${c.synth.seconds} s${c.synth.maxRssKb ? `, peak RSS ${mb(c.synth.maxRssKb * 1024)}` : ''}` : 'n/a';
  rows.push(
    [`Chunked archive, ${releases} releases (${count(c.events)} events): caricc synth --split`, synth, '', null],
    [
      '  files; manifest; search index',
      `${mb(c.bytes)} in ${count(c.files)} files; manifest ${size(c.manifest.bytes)} (${size(c.manifest.gzip)} gzip), older releases' ${size(c.olderManifest.bytes)} (${size(c.olderManifest.gzip)} gzip); ${c.shards} shards, largest ${size(c.largestShard)}`,
      '',
      null,
    ],
  );
  if (c.error) {
    rows.push([`  in the browser (?bundle=${c.name}/manifest.json)`, `not measured: ${c.error}`, '', null]);
    continue;
  }
  rows.push(
    [`First card, chunked ${releases} (?bundle=…/manifest.json, service worker blocked)`, ms(m(c.loads, (r) => r.firstCard)), '', null],
    [
      '  received before the first card: in all / archive files',
      `${size(m(c.loads, (r) => r.bytesBeforeFirstCard))} / ${size(m(c.loads, (r) => r.archiveBytesBeforeFirstCard))} (${c.loads[0]?.archiveFilesBeforeFirstCard.join(', ')})`,
      '',
      null,
    ],
    (() => {
      const nodes = m(c.loads, (r) => r.nodes);
      return ['  DOM nodes after load', nodes == null ? 'n/a' : count(nodes), '< 4,000', nodes == null ? null : nodes < 4000];
    })(),
  );
  for (const [query, runs] of Object.entries(c.searches)) {
    const timedOut = runs.filter((r) => r.timedOut).length;
    const sent = runs[0]?.served;
    rows.push(
      [
        `All-releases search “${query}”, chunked ${releases} (#q=${query}&scope=all): navigation → settled DOM${timedOut ? ` (${timedOut} of ${runs.length} timed out)` : ''}`,
        ms(m(runs, (r) => r.settled)),
        '',
        null,
      ],
      [
        '  requests: manifest + shards + releases (bytes sent, gzip); shown',
        sent
          ? `${sent.manifest.count} + ${sent.shard.count} + ${count(sent.release.count)} (${size(sent.manifest.bytes + sent.shard.bytes + sent.release.bytes)}); ${runs[0].status ?? runs[0].alert ?? 'no result count'}, ${runs[0].cards} cards`
          : 'n/a',
        '',
        null,
      ],
      ['  wasm memory after the search', mb(m(runs, (r) => r.afterSearch.wasm)), '', null],
    );
  }
}
if (results.site) rows.push(...siteRows(results.site));

const verdict = (met) => (met === null ? '' : met ? 'met' : 'NOT met');
const table = [
  '| measure | result | goal | |',
  '| --- | ---: | --- | --- |',
  ...rows.map(([label, value, goal, met]) => `| ${label} | ${value} | ${goal} | ${verdict(met)} |`),
].join('\n');
console.log(`\nMachine: ${results.machine.cores} cores, ${results.machine.cpu}, ${results.machine.memory}; Chromium ${results.machine.chromium}; Node ${results.machine.node}`);
console.log(`Load average (1, 5, 15 min) before: ${results.machine.loadAverageBefore}; after: ${results.machine.loadAverageAfter}`);
console.log(`Medians of ${RUNS} runs (fresh browser context each, HTTP cache disabled, files gzip -9 from 127.0.0.1).\n`);
console.log(table);
console.log(`\nMain thread during one profiled archive load, self time (ms): ${JSON.stringify(results.profile)}`);
if (offsite.length) console.log(`\nWARNING: requests left 127.0.0.1: ${offsite.join(', ')}`);
if (errors.length) console.log(`\nPage errors: ${[...new Set(errors)].join(' | ')}`);
console.log(`\nAll figures: ${path.relative(root, OUT)}`);
process.exit(0);
