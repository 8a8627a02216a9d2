// The whole viewer in a real browser: the release build in dist/, served under a sub-path
// by a throwaway local server, driven through headless Chromium. Elements are found by role
// and accessible name, as a reader finds them. Run by scripts/test.sh after `trunk build`.
//
// This file: loading and failing, the release view, the release picker, layouts (phone,
// desktop, dark, print), hostile bundle text and axe-core. Tabs, cards and search have
// their own files.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import {
  BUNDLE, SUB_PATH, dist, useBrowser, openPage, openViewer, viewerUrl, fixtureQuery, axeViolations,
  eventually, route, formatPeriod, countsByCountry, countryName, literal, exactName, tabName, holdBundle, screenshots,
  AT_SITE, viewerAddressOnly, openFullText,
} from './harness.mjs';
import {
  russianRelease, HOSTILE_TITLE, HOSTILE_IMG_TITLE, HOSTILE_PARAGRAPH, HOSTILE_SOURCES,
} from './fixtures.mjs';

useBrowser();

const issue = BUNDLE.issues[0];
const squash = (text) => text.replace(/\s+/g, ' ').trim();

test('shows a loading state, then the release: header, summary, contents and publisher', viewerAddressOnly('a site page is drawn before the app runs: it has no loading state'), async (t) => {
  const { page, done } = await openPage(t);
  const requested = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));

  // Hold the bundle back until the loading state has been seen.
  const release = await holdBundle(page);
  await page.goto(viewerUrl());
  await page.getByRole('status').filter({ hasText: 'Loading releases' }).waitFor();
  release();

  const main = page.getByRole('main');
  await main.getByRole('heading', { level: 1, name: `Information Release #${issue.number}` }).waitFor();
  assert.equal(await page.getByRole('status').filter({ hasText: 'Loading' }).count(), 0, 'the loading message is gone');
  assert.equal(await page.getByRole('alert').count(), 0);
  await main.getByText(formatPeriod(issue.period), { exact: true }).first().waitFor();
  await main.getByText(issue.title).first().waitFor();
  if (issue.subtitle) await main.getByText(issue.subtitle).first().waitFor();

  // The masthead names the site (not as a heading) and holds the release picker.
  const banner = page.getByRole('banner');
  await banner.getByText(/CARICC/).first().waitFor();
  assert.equal(await banner.getByRole('heading').count(), 0, 'the site name is not a heading');
  await banner.getByRole('combobox', { name: 'Release' }).waitFor();

  // The summary, with the counts per country it states.
  const summary = main.getByRole('region', { name: 'Summary' });
  for (const paragraph of issue.summary.paragraphs) await summary.getByText(paragraph).waitFor();
  const stated = (await summary.getByRole('listitem').allInnerTexts()).map(squash);
  assert.deepEqual(stated, issue.summary.counts.map((c) => `${countryName(c.country)}: ${c.count}`));

  // The contents, one link per entry.
  const contents = main.getByRole('region', { name: 'Contents' });
  const links = contents.getByRole('link');
  assert.equal(await links.count(), issue.contents.length);
  for (const [index, entry] of issue.contents.entries()) {
    const text = await links.nth(index).innerText();
    const printed = new RegExp(literal(entry.title), 'i').test(text);
    const named = entry.country && text.includes(countryName(entry.country));
    assert.ok(printed || named, `contents entry ${index} reads “${text}”`);
  }

  // The publisher's address and contacts, in the footer.
  const footer = page.locator('footer').filter({ has: page.getByRole('heading', { name: 'Editorial address' }) });
  const publisher = issue.publisher;
  for (const text of [publisher.name, publisher.address, publisher.phone, publisher.fax, publisher.website]) {
    await footer.getByText(text).first().waitFor();
  }
  const email = footer.getByRole('link', { name: publisher.email });
  assert.equal(await email.getAttribute('href'), `mailto:${publisher.email}`);

  await page.screenshot({ path: path.join(screenshots, 'viewer.png'), fullPage: true });

  // Everything came from below the sub-path: the app works wherever it is hosted.
  assert.ok(requested.length > 0);
  for (const pathname of requested) assert.ok(pathname.startsWith(SUB_PATH), `requested ${pathname}`);
  // The page's Content-Security-Policy let the app run: a violation would be logged.
  await done();
});

test('the sub-path without its trailing slash redirects and still works', viewerAddressOnly('the viewer\'s own address'), async (t) => {
  const { page, done } = await openPage(t);
  await page.goto(viewerUrl().slice(0, -1));
  await page.getByRole('tabpanel').waitFor();
  await page.getByRole('heading', { level: 1, name: `Information Release #${issue.number}` }).waitFor();
  await done();
});

test('the app arrives as the precompressed copies the build wrote, which hold the same bytes', async (t) => {
  // Each copy must be its file exactly: a server sends the copy in place of the file. The
  // site has the app's (its pages carry their stylesheet).
  const folder = AT_SITE ? path.join(dist, 'site') : dist;
  const names = readdirSync(folder).filter((name) => name.endsWith('.gz'));
  assert.deepEqual(names.map((name) => name.replace(/-[0-9a-f]+(_bg)?\./, '-HASH$1.')).sort(),
    ['app-HASH.js.gz', 'app-HASH_bg.wasm.gz', ...(AT_SITE ? [] : ['viewer-HASH.css.gz'])]);
  for (const name of names) {
    assert.ok(gunzipSync(readFileSync(path.join(folder, name))).equals(readFileSync(path.join(folder, name.slice(0, -3)))), name);
  }
  const { page, done } = await openPage(t);
  const encodings = new Map();
  page.on('response', async (response) => {
    encodings.set(new URL(response.url()).pathname.split('/').pop(), (await response.allHeaders())['content-encoding']);
  });
  await openViewer(page);
  for (const name of names) assert.equal(encodings.get(name.slice(0, -3)), 'gzip', name.slice(0, -3));
  await done();
});

for (const [name, query, expected, setup] of [
  ['an unsupported format', fixtureQuery('format-99.json'), /unsupported bundle format 99 at \$\.format/],
  ['a file that is not JSON', fixtureQuery('not-json.json'), /not valid JSON at line 1, column 1/],
  ['invalid (a title that is a number)', fixtureQuery('invalid-title.json'), /\$\.issues\[0\]\.events\[3\]\.title/],
  ['a missing file', '?bundle=no-such-bundle.json', /answered 404/],
  ['cut off by the network', '?bundle=unreachable.json', /Could not fetch/, (page) => page.route('**/unreachable.json', (route) => route.abort())],
  ['on another site', `?bundle=${encodeURIComponent('http://127.0.0.1:9/bundle.json')}`, /another site/],
]) {
  test(`a bundle that is ${name} gives an alert saying why`, viewerAddressOnly('a bundle named by ?bundle='), async (t) => {
    const { page } = await openPage(t);
    await setup?.(page);
    await page.goto(viewerUrl({ query }));
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const text = await alert.innerText();
    assert.match(text, expected);
    assert.match(text, /could not be loaded/);
    await alert.getByRole('heading').waitFor();
    // Never a blank page: the masthead is still there, and no half-drawn release.
    await page.getByRole('banner').waitFor();
    assert.equal(await page.getByRole('tabpanel').count(), 0);
  });
}

test('the release picker lists releases newest first and switches between them', viewerAddressOnly('a site page links its releases (site.test.mjs)'), async (t) => {
  const { page, done } = await openPage(t);
  const russian = russianRelease(BUNDLE);
  await openViewer(page, { query: fixtureQuery('two-releases.json') });

  // The file lists #15 first; the newest release (#16) is what opens.
  const main = page.getByRole('main');
  await main.getByRole('heading', { level: 1, name: `Information Release #${russian.number}` }).waitFor();
  const picker = page.getByRole('combobox', { name: 'Release' });
  const options = (await picker.locator('option').allTextContents()).map(squash);
  assert.deepEqual(options, [russian, issue].map((i) => `#${i.number} · ${formatPeriod(i.period)}`));
  assert.match(squash(await picker.locator('option:checked').innerText()), /^#16 /);
  await eventually(async () => assert.equal(await page.getByRole('tab', { selected: true }).innerText().then(squash), tabName('All', russian.events.length)));

  // Choosing #15 shows it, with its own tabs, and says so in the URL.
  await picker.selectOption({ label: options[1] });
  await main.getByRole('heading', { level: 1, name: `Information Release #${issue.number}` }).waitFor();
  await eventually(() => assert.equal(route(page).get('release'), `${issue.year}-${issue.number}`));
  await page.getByRole('tab', { name: exactName(tabName('All', issue.events.length)) }).waitFor();
  assert.equal(await page.getByRole('tabpanel').getByRole('article').count(), issue.events.length);

  // Back returns to #16; Forward to #15 again.
  await page.goBack({ waitUntil: 'commit' });
  await main.getByRole('heading', { level: 1, name: `Information Release #${russian.number}` }).waitFor();
  await eventually(async () => assert.match(squash(await picker.locator('option:checked').innerText()), /^#16 /));
  await page.goForward({ waitUntil: 'commit' });
  await main.getByRole('heading', { level: 1, name: `Information Release #${issue.number}` }).waitFor();

  // A reload keeps the release chosen.
  await page.reload();
  await main.getByRole('heading', { level: 1, name: `Information Release #${issue.number}` }).waitFor();
  await done();
});

/** Asserts that nothing is wider than the screen (no sideways scrolling). */
async function assertNoHorizontalScroll(page, what) {
  const [scrollWidth, innerWidth] = await page.evaluate(() => [document.scrollingElement.scrollWidth, innerWidth]);
  assert.ok(scrollWidth <= innerWidth, `${what}: page is ${scrollWidth}px wide on a ${innerWidth}px screen`);
}

for (const width of [320, 375]) {
  test(`fits a ${width} px phone: no sideways scrolling, every tab reachable`, async (t) => {
    const { page, done } = await openPage(t, { viewport: { width, height: 740 } });
    await openViewer(page);
    await assertNoHorizontalScroll(page, 'release view');

    // Tabs wrap onto rows, or scroll within their own strip; never off the page.
    const tabs = page.getByRole('tab');
    const strip = await page.getByRole('tablist').evaluate((list) => list.scrollWidth > list.clientWidth);
    for (let index = 0; index < (await tabs.count()); index += 1) {
      const box = await tabs.nth(index).boundingBox();
      assert.ok(strip || box.x + box.width <= width, `tab ${index} ends at ${box.x + box.width}px`);
    }

    // The country with the widest text, one card opened, then a search.
    await page.getByRole('tab', { name: /^Russia/ }).click();
    await openFullText(page.getByRole('tabpanel').getByRole('article').first());
    await assertNoHorizontalScroll(page, 'a card opened');
    await page.getByRole('searchbox', { name: 'Search events' }).fill('police');
    await page.getByRole('status').filter({ hasText: /police/ }).waitFor();
    await assertNoHorizontalScroll(page, 'search results');
    await page.screenshot({ path: path.join(screenshots, `viewer-${width}.png`) });
    await done();
  });
}

test('on a desktop the text keeps a comfortable line length', async (t) => {
  const { page, done } = await openPage(t, { viewport: { width: 1600, height: 900 } });
  await openViewer(page);
  const card = page.getByRole('article').first();
  const ems = await card.locator('.event-text').getByText(issue.events[0].paragraphs[0]).evaluate((p) => {
    const size = parseFloat(getComputedStyle(p).fontSize);
    return p.getBoundingClientRect().width / size;
  });
  // About 75–90 characters a line: 45em of average text.
  assert.ok(ems <= 46, `paragraphs are ${ems.toFixed(1)}em wide`);
  await done();
});

/** The relative luminance (0 black – 1 white) of a CSS rgb() colour. */
function luminance(color) {
  const [r, g, b] = color.match(/[\d.]+/g).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

test('follows the system dark mode, and axe-core still finds nothing', async (t) => {
  // axe is injected as an inline script, which the page's CSP rightly refuses; this context
  // lifts the CSP for the check only.
  const { page, done } = await openPage(t, { bypassCSP: true, colorScheme: 'dark' });
  await openViewer(page);
  const [paper, ink] = await page.evaluate(() => {
    const style = getComputedStyle(document.body);
    return [style.backgroundColor, style.color];
  });
  assert.ok(luminance(paper) < 0.1, `dark background, got ${paper}`);
  assert.ok(luminance(ink) > 0.6, `light text, got ${ink}`);
  assert.deepEqual(await axeViolations(page), [], 'dark: release view');

  await page.getByRole('searchbox', { name: 'Search events' }).fill('police');
  await page.getByRole('status').filter({ hasText: /police/ }).waitFor();
  await openFullText(page.getByRole('tabpanel').getByRole('article').first());
  assert.deepEqual(await axeViolations(page), [], 'dark: search results with a card opened');
  await page.screenshot({ path: path.join(screenshots, 'viewer-dark.png') });

  // And back to light when the system changes.
  await page.emulateMedia({ colorScheme: 'light' });
  const light = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.ok(luminance(light) > 0.9, `light background, got ${light}`);
  await done();
});

test('prints the country on screen: no controls, every paragraph, source URLs written out', async (t) => {
  const { page, done } = await openPage(t);
  await openViewer(page, { hash: '#country=kz' });
  const panel = page.getByRole('tabpanel');
  const events = issue.events.filter((e) => e.country === 'kz');
  await eventually(async () => assert.equal(await panel.getByRole('article').count(), events.length));

  await page.emulateMedia({ media: 'print' });
  for (const [what, locator] of [
    ['tab list', page.getByRole('tablist')],
    ['search box', page.getByRole('searchbox', { name: 'Search events' })],
    ['release picker', page.getByRole('combobox', { name: 'Release' })],
  ]) {
    assert.equal(await locator.isVisible(), false, `the ${what} is not printed`);
  }
  const buttons = page.getByRole('button', { includeHidden: true });
  for (let index = 0; index < (await buttons.count()); index += 1) {
    assert.equal(await buttons.nth(index).isVisible(), false, `button “${await buttons.nth(index).textContent()}” is not printed`);
  }

  // The selected country's events only, each with all its text.
  const articles = panel.getByRole('article');
  assert.equal(await articles.count(), events.length);
  for (const event of events) {
    const card = page.getByRole('article', { name: exactName(event.title) });
    assert.equal(await card.isVisible(), true);
    for (const paragraph of event.paragraphs) {
      assert.equal(await card.locator(".event-text").getByText(paragraph).isVisible(), true, `${event.id} prints “${paragraph.slice(0, 40)}…”`);
    }
  }

  // Each source link is followed by its URL.
  const source = panel.getByRole('link', { name: 'polisia.kz' }).first();
  const after = await source.evaluate((a) => getComputedStyle(a, '::after').content);
  const href = await source.getAttribute('href');
  assert.ok(after.includes(href) || after.includes('attr(href)'), `::after content is ${after}`);
  const paper = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.ok(luminance(paper) > 0.95, `prints on white, got ${paper}`);
  await page.screenshot({ path: path.join(screenshots, 'viewer-print.png'), fullPage: true });

  // Back on screen, the cards are collapsed again (at a site page they show in full).
  await page.emulateMedia({ media: 'screen' });
  const last = events[0].paragraphs.at(-1);
  assert.equal(await page.getByRole('article', { name: exactName(events[0].title) }).getByText(last).isVisible(), AT_SITE);
  await done();
});

test('text from a hostile bundle stays text: no markup, no script, no javascript: links', async (t) => {
  // With the CSP lifted, so that only the viewer's own escaping stands between the bundle
  // text and the page.
  const { page, done } = await openPage(t, { bypassCSP: true });
  const dialogs = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await openViewer(page, { query: fixtureQuery('hostile.json') });

  const card = page.getByRole('article', { name: HOSTILE_TITLE });
  await card.getByRole('heading', { level: 3, name: HOSTILE_TITLE }).waitFor();
  await card.getByText(HOSTILE_PARAGRAPH).waitFor();
  await openFullText(card);
  await card.getByText('Second paragraph <script>alert("second")</script>').waitFor();
  await card.getByText('<svg onload=alert("outlet")>').waitFor();

  // The card with one paragraph has nothing to expand.
  const single = page.getByRole('article', { name: HOSTILE_IMG_TITLE });
  await single.getByRole('heading', { name: HOSTILE_IMG_TITLE }).waitFor();
  assert.equal(await single.getByRole('button', { name: /Show full text|Show less/ }).count(), 0);

  // Non-web sources are shown as text, not links; the web one is a link.
  for (const url of HOSTILE_SOURCES) {
    const text = card.getByText(url, { exact: true });
    await text.waitFor();
    assert.equal(await text.evaluate((node) => node.closest('a')), null, `${url} is not a link`);
  }
  await card.getByRole('link', { name: 'example.org' }).waitFor();

  // Nothing the bundle said became an element, an event handler or a script URL.
  const found = await page.evaluate(() => ({
    elements: [...document.querySelectorAll(':is(main, footer) :is(script, img, svg, iframe, object, embed, b)')].map((e) => e.outerHTML),
    handlers: [...document.querySelectorAll('body *')].flatMap((e) => e.getAttributeNames().filter((n) => n.startsWith('on'))),
    hrefs: [...document.querySelectorAll('[href], [src]')]
      .map((e) => (e.getAttribute('href') ?? e.getAttribute('src')).trim())
      .filter((url) => /^(javascript|data|vbscript):/i.test(url)),
  }));
  assert.deepEqual(found, { elements: [], handlers: [], hrefs: [] });

  // Hover and click where handlers would have been; still nothing runs.
  await card.getByRole('heading').hover();
  await card.getByRole('heading').click();
  await page.getByText(/A release title/).first().hover();
  for (const url of HOSTILE_SOURCES) await card.getByText(url, { exact: true }).click();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100))));
  assert.deepEqual(dialogs, []);
  assert.match(page.url(), new RegExp(`^${literal(viewerUrl({ query: fixtureQuery('hostile.json') }))}`), 'still on the viewer');
  await done();
});

// axe is injected as an inline script, which the page's CSP rightly refuses; these contexts
// lift the CSP for the check only. One test per state, so one finding does not hide another.
for (const [state, reach] of [
  ['the release view', async () => {}],
  ['a country tab with a card opened', async (page) => {
    await page.getByRole('tab', { name: /^Kazakhstan/ }).click();
    await openFullText(page.getByRole('tabpanel').getByRole('article').first());
  }],
  ['search results', async (page) => {
    await page.getByRole('searchbox', { name: 'Search events' }).fill('police');
    await page.getByRole('status').filter({ hasText: /police/ }).waitFor();
    await page.locator('mark').filter({ visible: true }).first().waitFor();
  }],
  ['no search results', async (page) => {
    await page.getByRole('searchbox', { name: 'Search events' }).fill('zzzqqq');
    await page.getByRole('status').filter({ hasText: /zzzqqq/ }).waitFor();
  }],
  ['a search across releases, in two languages', async (page) => {
    await page.goto(viewerUrl({ query: fixtureQuery('two-releases.json'), hash: '#q=topnews&scope=all' }));
    await page.getByRole('tabpanel').getByRole('article').nth(1).waitFor();
  }],
  ['links to things the bundle lacks', async (page) => {
    // (A release the site lacks has no page there: its links name a country and an event.)
    await page.goto(viewerUrl({ hash: `${AT_SITE ? '#' : '#release=2019-3&'}country=tm&event=no-such-event` }));
    await page.getByRole('tabpanel').waitFor();
    await page.locator('.notice').first().waitFor();
  }],
]) {
  test(`axe-core finds no accessibility violations: ${state}`, async (t) => {
    const { page, done } = await openPage(t, { bypassCSP: true });
    await openViewer(page);
    await reach(page);
    assert.deepEqual(await axeViolations(page), []);
    await done();
  });
}

test('axe-core finds no accessibility violations: loading, and a bundle that cannot be read', viewerAddressOnly('loading, and a bundle named by ?bundle='), async (t) => {
  const { page, done } = await openPage(t, { bypassCSP: true });
  const release = await holdBundle(page);
  await page.goto(viewerUrl());
  await page.getByRole('status').filter({ hasText: 'Loading releases' }).waitFor();
  const loading = await axeViolations(page);
  release();

  await page.goto(viewerUrl({ query: fixtureQuery('format-99.json') }));
  await page.getByRole('alert').waitFor();
  await page.screenshot({ path: path.join(screenshots, 'viewer-error.png'), fullPage: true });
  assert.deepEqual({ loading, error: await axeViolations(page) }, { loading: [], error: [] });
  await done();
});
