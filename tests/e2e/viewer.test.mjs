// The whole viewer in a real browser: the release build in dist/, served under a sub-path
// by a throwaway local server, driven through headless Chromium. Elements are found by role
// and text, as a reader finds them. Run by scripts/test.sh after `trunk build --release`.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile, stat, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const dist = path.join(root, 'dist');
const axePath = path.join(here, 'node_modules/axe-core/axe.min.js');
const screenshots = path.join(root, 'target/e2e');

// Hosted below the site root, as on a real website, to prove nothing assumes `/`.
const SUB_PATH = '/releases/';

// Bundles the viewer must refuse with a clear message, served beside the app.
const BROKEN = {
  'format-99.json': '{"format": 99, "issues": []}',
  'not-json.json': '<!DOCTYPE html><p>Not found</p>',
};

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

let server;
let origin;
let browser;

/** Serves dist/ under SUB_PATH and the broken bundles under /broken/; nothing else. */
function startServer() {
  return new Promise((resolve) => {
    server = createServer(async (request, response) => {
      const { pathname } = new URL(request.url, 'http://127.0.0.1');
      const send = (status, type, body) => {
        response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
        response.end(body);
      };
      if (pathname === SUB_PATH.slice(0, -1)) {
        response.writeHead(301, { location: SUB_PATH });
        return response.end();
      }
      if (pathname.startsWith('/broken/') && BROKEN[pathname.slice('/broken/'.length)]) {
        return send(200, TYPES['.json'], BROKEN[pathname.slice('/broken/'.length)]);
      }
      if (!pathname.startsWith(SUB_PATH)) return send(404, 'text/plain', 'not found');
      const relative = decodeURIComponent(pathname.slice(SUB_PATH.length)) || 'index.html';
      const file = path.resolve(dist, relative);
      // Stay inside dist/ whatever the request says.
      if (!file.startsWith(dist + path.sep)) return send(403, 'text/plain', 'forbidden');
      try {
        if (!(await stat(file)).isFile()) return send(404, 'text/plain', 'not found');
        send(200, TYPES[path.extname(file)] ?? 'application/octet-stream', await readFile(file));
      } catch {
        send(404, 'text/plain', 'not found');
      }
    });
    server.listen(0, '127.0.0.1', () => {
      origin = `http://127.0.0.1:${server.address().port}`;
      resolve();
    });
  });
}

/**
 * A fresh page that may talk to the local server only. Console errors and uncaught
 * exceptions (a CSP violation is one) are collected for the test to check.
 */
async function openPage({ bypassCSP = false } = {}) {
  const context = await browser.newContext({ bypassCSP });
  const blocked = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') return route.continue();
    blocked.push(url.href);
    return route.abort();
  });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  return { context, page, errors, blocked };
}

/** Runs axe-core in the page; returns its violations, described for a failure message. */
async function axeViolations(page) {
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => (await globalThis.axe.run()).violations);
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`);
}

/** What the default bundle says, so the test follows the committed data. */
async function expectedRelease() {
  const bundle = JSON.parse(await readFile(path.join(dist, 'bundle.json'), 'utf8'));
  const issue = bundle.issues[0];
  const counts = new Map();
  for (const event of issue.events) counts.set(event.country, (counts.get(event.country) ?? 0) + 1);
  return { issue, counts };
}

before(async () => {
  await stat(path.join(dist, 'index.html')).catch(() => {
    throw new Error('dist/index.html is missing: run `trunk build --release --offline` first');
  });
  await mkdir(screenshots, { recursive: true });
  await startServer();
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    // Playwright gives each launch a fresh temporary profile (--user-data-dir) and removes it.
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
});

test('shows the releases of the built-in bundle, under a sub-path', async () => {
  const { issue, counts } = await expectedRelease();
  const { context, page, errors, blocked } = await openPage();
  const requested = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));

  // Hold the bundle back until the loading state has been seen.
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route('**/bundle.json', async (route) => {
    await held;
    await route.continue();
  });

  await page.goto(`${origin}${SUB_PATH}`);
  await page.getByRole('heading', { level: 1, name: 'CARICC Information Releases' }).waitFor();
  await page.getByRole('status').filter({ hasText: 'Loading' }).waitFor();
  release();

  const heading = `Information Release #${issue.number} · ${issue.period.from} – ${issue.period.to}`;
  const article = page.getByRole('article', { name: heading });
  await article.waitFor();
  assert.equal(issue.number, 15);
  assert.equal(await page.getByRole('status').count(), 0, 'the loading message is gone');
  await article.getByText(issue.title, { exact: true }).waitFor();

  const countItems = article.getByRole('list', { name: 'Events per country' }).getByRole('listitem');
  const shown = (await countItems.allInnerTexts()).map((text) => text.trim());
  const expected = [...counts].map(([country, n]) => `${country.toUpperCase()}: ${n} ${n === 1 ? 'event' : 'events'}`);
  assert.deepEqual(shown, expected);

  await page.screenshot({ path: path.join(screenshots, 'viewer.png'), fullPage: true });

  // Everything came from below the sub-path: the app works wherever it is hosted.
  assert.ok(requested.length > 0);
  for (const pathname of requested) assert.ok(pathname.startsWith(SUB_PATH), `requested ${pathname}`);
  assert.deepEqual(blocked, [], 'no request left 127.0.0.1');
  // The page's Content-Security-Policy let the app run: a violation would be logged here.
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [name, query, expected] of [
  ['an unsupported format', '?bundle=../broken/format-99.json', /unsupported bundle format 99 at \$\.format/],
  ['a file that is not JSON', '?bundle=../broken/not-json.json', /not valid JSON at line 1, column 1/],
  ['a missing file', '?bundle=no-such-bundle.json', /answered 404/],
]) {
  test(`a bundle that is ${name} gives an alert saying why`, async () => {
    const { context, page } = await openPage();
    await page.goto(`${origin}${SUB_PATH}${query}`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), expected);
    assert.match(await alert.innerText(), /could not be loaded/);
    await context.close();
  });
}

test('axe-core finds no accessibility violations', async () => {
  // axe is injected as an inline script, which the page's CSP rightly refuses; this context
  // lifts the CSP for the check only.
  const { context, page } = await openPage({ bypassCSP: true });

  await page.goto(`${origin}${SUB_PATH}`);
  await page.getByRole('article').first().waitFor();
  assert.deepEqual(await axeViolations(page), [], 'with releases');

  await page.goto(`${origin}${SUB_PATH}?bundle=../broken/format-99.json`);
  await page.getByRole('alert').waitFor();
  assert.deepEqual(await axeViolations(page), [], 'with an error');
  await page.screenshot({ path: path.join(screenshots, 'viewer-error.png'), fullPage: true });
  await context.close();
});
