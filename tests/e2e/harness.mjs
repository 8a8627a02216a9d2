// Shared by the browser tests: a throwaway server for dist/ under a sub-path (plus test
// bundles beside it), one headless Chromium per test file, pages that may talk to that
// server only, axe-core, and what the committed bundle says so tests follow the data.

import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile, stat, mkdir } from 'node:fs/promises';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { FIXTURES } from './fixtures.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '../..');
export const dist = path.join(root, 'dist');
const axePath = path.join(here, 'node_modules/axe-core/axe.min.js');
export const screenshots = path.join(root, 'target/e2e');
/** Chunked archives written by the tests, served under /archives/. */
export const archives = path.join(root, 'target/e2e-archives');

// Hosted below the site root, as on a real website, to prove nothing assumes `/`.
export const SUB_PATH = '/releases/';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
};

/** The bundle dist/ serves by default, parsed. */
export const BUNDLE = JSON.parse(readFileSync(path.join(root, 'static/bundle.json'), 'utf8'));

/** Test bundles by name, served as /fixtures/NAME; open one with `?bundle=../fixtures/NAME`. */
const SERVED = FIXTURES(BUNDLE);

export const state = { origin: '', browser: null, server: null, down: false, sites: null };

/** Serves dist/ under SUB_PATH and the test bundles under /fixtures/; nothing else. */
function startServer() {
  return new Promise((resolve) => {
    const server = createServer(async (request, response) => {
      // A server that has gone away: the connection drops without an answer.
      if (state.down) return request.socket.destroy();
      const { pathname } = new URL(request.url, 'http://127.0.0.1');
      const send = (status, type, body) => {
        response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
        response.end(body);
      };
      if (pathname === SUB_PATH.slice(0, -1)) {
        response.writeHead(301, { location: SUB_PATH });
        return response.end();
      }
      if (pathname.startsWith('/fixtures/')) {
        const body = SERVED[pathname.slice('/fixtures/'.length)];
        return body === undefined ? send(404, 'text/plain', 'not found') : send(200, TYPES['.json'], body);
      }
      const [base, prefix] = pathname.startsWith('/archives/')
        ? [archives, '/archives/']
        : pathname.startsWith('/sites/') && state.sites
          ? [state.sites, '/sites/']
          : [dist, SUB_PATH];
      if (!pathname.startsWith(prefix)) return send(404, 'text/plain', 'not found');
      // A folder's address serves its index.html, as web servers do (the published site's
      // pages are en/2025/15/index.html).
      const relative = decodeURIComponent(pathname.slice(prefix.length));
      const file = path.resolve(base, relative.endsWith('/') || relative === '' ? `${relative}index.html` : relative);
      // Stay inside the served folder whatever the request says.
      if (!file.startsWith(base + path.sep)) return send(403, 'text/plain', 'forbidden');
      try {
        if (!(await stat(file)).isFile()) return send(404, 'text/plain', 'not found');
        const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
        // A precompressed copy beside the file is sent instead, as a web server with
        // precompressed files does (the release build writes them for the app's files).
        if (/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
          const compressed = await readFile(`${file}.gz`).catch(() => null);
          if (compressed) {
            response.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', 'cache-control': 'no-store', vary: 'accept-encoding' });
            return response.end(compressed);
          }
        }
        send(200, type, await readFile(file));
      } catch {
        send(404, 'text/plain', 'not found');
      }
    });
    server.listen(0, '127.0.0.1', () => {
      state.server = server;
      state.origin = `http://127.0.0.1:${server.address().port}`;
      resolve();
    });
  });
}

/** Starts the server and the browser (done for each test file by `useBrowser`). */
export async function start() {
  await stat(path.join(dist, 'index.html')).catch(() => {
    throw new Error('dist/index.html is missing: run `trunk build --release --offline` first');
  });
  await mkdir(screenshots, { recursive: true });
  if (AT_SITE) state.sites = writeFixtureSites();
  await startServer();
  state.browser = await chromium.launch({
    executablePath: CHROMIUM,
    // Playwright gives each launch a fresh temporary profile (--user-data-dir) and removes it.
    args: CHROMIUM_ARGS,
  });
}

export async function stop() {
  await state.browser?.close();
  await new Promise((resolve) => (state.server ? state.server.close(resolve) : resolve()));
  if (state.sites) rmSync(state.sites, { recursive: true, force: true });
}

/**
 * Writes a site for each test bundle of SITE_FIXTURES with the release build's `caricc
 * site`, in a folder of this test file's own (test files run at once). Returns the folder.
 */
function writeFixtureSites() {
  const caricc = path.join(root, 'target/release/caricc');
  const folder = mkdtempSync(path.join(os.tmpdir(), 'caricc-e2e-sites-'));
  for (const name of SITE_FIXTURES) {
    const bundle = path.join(folder, name);
    writeFileSync(bundle, SERVED[name]);
    execFileSync(caricc, ['site', '--dist', dist, bundle, '-o', path.join(folder, name.replace(/\.json$/, ''))], { stdio: 'pipe' });
  }
  return folder;
}

/** Registers the server and browser for the calling test file. */
export function useBrowser() {
  before(start);
  after(stop);
}

/**
 * Where the suites open the viewer. By default at its own address, `index.html#…`. With
 * `E2E_AT=site`, at the published site's pages (`site/en/2025/15/?country=kz#event-…`,
 * written by `caricc site` into dist/site/), where the app takes the drawn page over: the
 * same tests, read at the new addresses. A test that cannot apply there says why.
 */
export const AT_SITE = process.env.E2E_AT === 'site';

/** Test options for a test of the viewer's own address only: skipped at the site's pages. */
export function viewerAddressOnly(why) {
  return { skip: AT_SITE ? `the viewer's address only: ${why}` : false };
}

/**
 * The test bundles that get a site of their own at E2E_AT=site, written by the real
 * `caricc site` when the tests start and served under /sites/NAME/ (the sample's is
 * dist/site/, which the build writes).
 */
const SITE_FIXTURES = ['bilingual.json', 'two-releases.json', 'hostile.json'];

/**
 * Opens a card's full text as a reader does (“Show full text”, after which “Show less” is
 * offered). At the site's pages every card shows in full, as their drawn form does: there
 * is no control to press.
 */
export async function openFullText(card) {
  if (AT_SITE) {
    assert.equal(await card.locator('button[aria-expanded]').count(), 0, 'a site page shows every card in full');
    return;
  }
  await card.getByRole('button', { name: 'Show full text' }).click();
  await card.getByRole('button', { name: 'Show less' }).waitFor();
}

/** A site's root as the test server serves it: the sample's, or a test bundle's. */
export function siteRoot(fixture) {
  return fixture ? `${state.origin}/sites/${fixture.replace(/\.json$/, '')}/` : `${state.origin}${SUB_PATH}site/`;
}

/** The viewer's address: `query` like `?bundle=…`, `hash` like `#country=kz`. */
export function viewerUrl({ query = '', hash = '' } = {}) {
  if (AT_SITE) {
    // A test bundle is opened as its own site; a bundle that is no site's (broken, missing,
    // elsewhere) has no pages: a test that opens one is the viewer's alone.
    const fixture = query === '' ? null : decodeURIComponent(query).match(/^\?bundle=\.\.\/fixtures\/(.+)$/)?.[1];
    assert.ok(fixture !== undefined && (fixture === null || SITE_FIXTURES.includes(fixture)), `no site has ${query}`);
    const bundle = fixture ? JSON.parse(SERVED[fixture]) : BUNDLE;
    return siteRoot(fixture) + siteAddress(hash, bundle);
  }
  return `${state.origin}${SUB_PATH}${query}${hash}`;
}

/**
 * The site's address of a view the viewer writes as a fragment (`#release=2025-15&country=kz
 * &event=…`): the release's page in its language (the newest release's, when none is
 * named; the root when neither is), the view's parts as the query, the event as an anchor.
 */
function siteAddress(hash, bundle) {
  const view = new URLSearchParams(hash.replace(/^#/, ''));
  const newest = bundle.issues.reduce((a, b) => (b.year * 1000 + b.number > a.year * 1000 + a.number ? b : a));
  const [year, number] = view.get('release')?.split('-') ?? [newest.year, newest.number];
  const path = view.has('release') || view.has('lang') ? `${view.get('lang') ?? 'en'}/${year}/${number}/` : '';
  const parts = new URLSearchParams();
  for (const key of ['country', 'q', 'scope', 'drug', 'kind', 'from', 'to']) if (view.has(key)) parts.set(key, view.get(key));
  const query = parts.size > 0 ? `?${parts}` : '';
  return `${path}${query}${view.has('event') ? `#event-${view.get('event')}` : ''}`;
}

/** A bundle served by the test server, as the `?bundle=` query that loads it. */
export function fixtureQuery(name) {
  return `?bundle=${encodeURIComponent(`../fixtures/${name}`)}`;
}

/**
 * A fresh page that may talk to the local server only. Console errors and uncaught
 * exceptions (a CSP violation is one) are collected; `done()` asserts there were none and
 * that nothing tried to leave 127.0.0.1. The context is closed when the test ends.
 */
export async function openPage(t, { bypassCSP = false, viewport, colorScheme, permissions, initScript, serviceWorkers, locale, javaScriptEnabled = true } = {}) {
  const context = await state.browser.newContext({
    bypassCSP,
    javaScriptEnabled,
    locale: locale ?? 'en-US',
    // The viewer registers a service worker for reading offline. Requests it answers would
    // bypass the routes below (which hold, fail and block requests), so tests that are not
    // about it block it.
    serviceWorkers: serviceWorkers ?? 'block',
    viewport: viewport ?? { width: 1280, height: 900 },
    colorScheme: colorScheme ?? 'light',
  });
  context.setDefaultTimeout(10_000);
  if (permissions) await context.grantPermissions(permissions, { origin: state.origin });
  if (initScript) await context.addInitScript(initScript);
  t.after(() => context.close().catch(() => {}));
  const blocked = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.protocol === 'file:') return route.continue();
    blocked.push(url.href);
    return route.abort();
  });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  t.after(() => {
    state.down = false;
  });
  const done = async () => {
    assert.deepEqual(blocked, [], 'no request left 127.0.0.1');
    assert.deepEqual(errors, [], 'no console errors or uncaught exceptions');
  };
  return { context, page, errors, blocked, done };
}

/**
 * Opens the viewer and waits until a release is on screen (its tab panel); at the site's
 * pages, until the app has taken the page over (the drawn page has no tab panel).
 */
export async function openViewer(page, where = {}) {
  await page.goto(viewerUrl(where));
  await page.getByRole('tabpanel').waitFor();
  if (AT_SITE) await page.locator('.app-host').waitFor({ state: 'attached' });
}

/** Runs axe-core in the page; returns its violations, described for a failure message. */
export async function axeViolations(page) {
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => (await globalThis.axe.run()).violations);
  return violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => `${n.target} ${n.failureSummary ?? ''}`).join('; ')})`,
  );
}

/**
 * Retries an assertion until it passes or `timeout` ms pass: the page updates after events
 * asynchronously, and this waits for the state a reader would see, not for a fixed time.
 */
export async function eventually(assertion, timeout = 5_000) {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() > end) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/**
 * The view's state as the page's address holds it, in the fragment's terms (`release`,
 * `lang`, `country`, `q`, `scope`, `event`): from the fragment, or at the site's pages from
 * the page's path, query and anchor.
 */
export function route(page) {
  return routeOf(page.url());
}

/** The view's state as an address holds it (see `route`). */
export function routeOf(address) {
  const url = new URL(address);
  if (!AT_SITE) return new URLSearchParams(url.hash.replace(/^#/, ''));
  const view = new URLSearchParams(url.search);
  const [lang, year, number] = url.pathname.replace(/^\/(releases\/site|sites\/[^/]+)\//, '').split('/');
  if (number) {
    view.set('release', `${year}-${number}`);
    view.set('lang', lang);
  }
  const anchor = decodeURIComponent(url.hash.replace(/^#/, ''));
  if (anchor.startsWith('event-')) view.set('event', anchor.slice('event-'.length));
  return view;
}

/** Whether an element is the focused one. */
export function isFocused(locator) {
  return locator.evaluate((element) => element === document.activeElement);
}

/** Whether an element is at least partly inside the viewport. */
export function isInViewport(locator) {
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth;
  });
}

// ---- What the data says ------------------------------------------------------------------

const COUNTRY_NAMES = { az: 'Azerbaijan', kz: 'Kazakhstan', kg: 'Kyrgyzstan', ru: 'Russia' };

/** The country's name in full, as the tabs show it. */
export function countryName(code) {
  return COUNTRY_NAMES[code] ?? code.toUpperCase();
}

/** A release's period as the releases print it: `1–15.08.2025`. */
export function formatPeriod({ from, to }) {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  const two = (n) => String(n).padStart(2, '0');
  if (fy === ty && fm === tm) return `${fd}–${two(td)}.${two(tm)}.${ty}`;
  if (fy === ty) return `${two(fd)}.${two(fm)}–${two(td)}.${two(tm)}.${ty}`;
  return `${two(fd)}.${two(fm)}.${fy}–${two(td)}.${two(tm)}.${ty}`;
}

/** Events per country in the order the release prints them. */
export function countsByCountry(issue) {
  const counts = new Map();
  for (const event of issue.events) counts.set(event.country, (counts.get(event.country) ?? 0) + 1);
  return counts;
}

/** Case-folds as a reader expects search to: any case, any script, `ё` as `е`. */
export function fold(text) {
  return text.toLowerCase().replaceAll('ё', 'е');
}

/** The events a query should find: every word must occur in the title, outlet or text. */
export function matching(events, query) {
  const terms = fold(query)
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter(Boolean);
  return events.filter((event) => {
    const text = fold([event.title, event.outlet ?? '', ...(event.paragraphs ?? [])].join('\n'));
    return terms.every((term) => text.includes(term));
  });
}

/** Holds back requests for bundle.json until the returned function is called, so a test
 *  can see the loading state. */
export async function holdBundle(page) {
  return holdRequests(page, '**/bundle.json');
}

/** Holds requests for URLs matching `pattern` until the returned function is called. */
export async function holdRequests(page, pattern) {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(pattern, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** A country tab's accessible name: "Kazakhstan 4 events" (the word is for screen readers). */
export function tabName(name, count) {
  return `${name} ${count} ${count === 1 ? 'event' : 'events'}`;
}

/** Escapes text for use inside a RegExp. */
export function literal(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A regular expression matching exactly this accessible name, whitespace-tolerant. */
export function exactName(text) {
  return new RegExp(`^\\s*${literal(text).replace(/\s+/g, '\\s*')}\\s*$`);
}
