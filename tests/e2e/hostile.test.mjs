// The adversarial corpus (tests/corpus/bundles) in the real viewer: every bundle that decodes
// is opened and its text must stay text (no dialog, no navigation, no element, handler or
// script URL from the data, the hostile strings shown literally); every bundle that does not
// decode must give an alert naming the JSON path or the line and column. Bundles too large
// to commit (a 1 MB title, 100,000 events, 100,000-deep nesting) are generated here.
//
// Expected outcomes come from tests/corpus/expected-bundles.json, the table the native test
// (tests/adversarial.rs) checks too, so the browser and the CLI are held to the same messages.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { root, useBrowser, openPage, viewerUrl, state, SUB_PATH, eventually } from './harness.mjs';

useBrowser();

const corpus = path.join(root, 'tests/corpus/bundles');
const EXPECTED = JSON.parse(readFileSync(path.join(root, 'tests/corpus/expected-bundles.json'), 'utf8'));
const FILES = readdirSync(corpus).filter((name) => name.endsWith('.json')).sort();

/** Where the browser's reading would differ from the native one: none since the viewer
 *  decodes bytes itself, as the CLI does. */
const BROWSER_OPENS = {};

/** Serves `body` as /fixtures/corpus/NAME to this page only; returns the `?bundle=` query. */
async function serve(page, name, body) {
  await page.route(`**/fixtures/corpus/${name}`, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body }),
  );
  return `?bundle=${encodeURIComponent(`../fixtures/corpus/${name}`)}`;
}

/**
 * Fails the test on anything a hostile bundle could make the page do behind the reader's back:
 * a dialog, a new window, or the page navigating away from the viewer.
 */
function watch(page, context) {
  const seen = { dialogs: [], popups: [], away: [] };
  page.on('dialog', async (dialog) => {
    seen.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    await dialog.dismiss().catch(() => {});
  });
  context.on('page', (popup) => seen.popups.push(popup.url()));
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame() && !frame.url().startsWith(`${state.origin}${SUB_PATH}`)) seen.away.push(frame.url());
  });
  return {
    assertNothingHappened: async () => {
      // Give anything scheduled (an image error, a timer) a moment to run.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100))));
      assert.deepEqual(seen, { dialogs: [], popups: [], away: [] }, 'no dialog, no new window, no navigation away');
      assert.ok(page.url().startsWith(viewerUrl()), `still on the viewer: ${page.url()}`);
    },
  };
}

/** What the page's DOM holds that data must never create, gathered inside the page. */
function inventory(page) {
  return page.evaluate(() => {
    const all = [...document.querySelectorAll('*')];
    const SCRIPT_URL = /^(javascript|data|vbscript):/i;
    // Browsers ignore leading spaces and C0 controls and any tab or newline in a URL.
    const asBrowserReads = (url) => url.replace(/^[\u0000-\u0020]+/, '').replace(/[\t\n\r]/g, '');
    return {
      scripts: document.querySelectorAll('script').length,
      // Elements that would load, run or restyle something, in the app's own markup only.
      active: [...document.querySelectorAll('body :is(script, img, svg, iframe, frame, object, embed, style, link, meta, base, form, video, audio, source, template, math)')].map((e) => e.outerHTML.slice(0, 120)),
      handlers: all.flatMap((e) => e.getAttributeNames().filter((n) => /^on/i.test(n)).map((n) => `<${e.localName} ${n}="${e.getAttribute(n)}">`)),
      scriptUrls: all.flatMap((e) =>
        ['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'poster', 'srcdoc']
          .map((name) => e.getAttribute(name))
          .filter((value) => value !== null && SCRIPT_URL.test(asBrowserReads(value))),
      ),
      scriptLinks: document.querySelectorAll('a[href^="javascript:" i], a[href^="data:" i], a[href^="vbscript:" i]').length,
    };
  });
}

/** True when `text` is in a visible element's own text (its text nodes, unnormalised). */
function shown(page, text) {
  return page.evaluate((wanted) => {
    for (const element of document.body.querySelectorAll('*')) {
      const own = [...element.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.data).join('');
      if (own.includes(wanted) && element.checkVisibility() && element.getClientRects().length > 0) return true;
    }
    return false;
  }, text);
}

/** Clicks the visible element whose own text is exactly `text` (which Playwright's text
 *  matching would normalise: control characters, tabs, leading spaces). */
function clickText(page, text) {
  return page.evaluate((wanted) => {
    for (const element of document.body.querySelectorAll('*')) {
      const own = [...element.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.data).join('');
      if (own === wanted && element.checkVisibility()) {
        element.click();
        return true;
      }
    }
    return false;
  }, text);
}

/** A source URL the viewer may link: http(s) with a host (an independent reading of the rule). */
function isWebUrl(url) {
  // The viewer's rule: http(s), a host a browser can reach (letters, digits, "-" and "." in
  // non-empty labels, or a bracketed IPv6 address), nothing blank, control or invisible.
  if (/[\s\p{Cc}\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/u.test(url)) return false;
  const match = /^https?:\/\/([^/?#]*)/i.exec(url);
  if (!match) return false;
  const authority = match[1].replace(/^.*@/, '');
  if (authority.startsWith('[')) return /^\[[0-9a-f:.]+\]/i.test(authority);
  const host = authority.split(':')[0];
  return host.length > 0 && host.split('.').every((label) => /^[\p{L}\p{N}-]+$/u.test(label));
}

/** What a clean load of the default bundle holds, to compare hostile loads with (once). */
let cleanLoad;
function clean() {
  cleanLoad ??= (async () => {
    const context = await state.browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(viewerUrl());
    await page.getByRole('tabpanel').waitFor();
    const found = await inventory(page);
    await context.close();
    assert.ok(found.scripts >= 1, 'the clean page has its own boot script');
    assert.deepEqual({ ...found, scripts: 0 }, { scripts: 0, active: [], handlers: [], scriptUrls: [], scriptLinks: 0 });
    return found;
  })();
  return cleanLoad;
}

/** Cards on the first page of a list (CARDS_PER_PAGE in the viewer). */
const FIRST_PAGE = 20;

/** The texts of an issue a reader must see as written, on the release view. */
function visibleTexts(issue) {
  const publisher = issue.publisher ?? {};
  const texts = [issue.title];
  if (issue.subtitle) texts.push(issue.subtitle);
  if (issue.place) texts.push(issue.place);
  if (publisher.name || publisher.address) {
    for (const field of ['name', 'address', 'phone', 'fax', 'email', 'website']) if (publisher[field]) texts.push(publisher[field]);
    texts.push(...(publisher.imprint ?? []));
  }
  texts.push(...(issue.summary?.paragraphs ?? []));
  // A contents entry without a recognised country is shown as printed.
  texts.push(...(issue.contents ?? []).filter((entry) => !entry.country).map((entry) => entry.title));
  for (const event of issue.events.slice(0, FIRST_PAGE)) {
    texts.push(event.title, ...(event.paragraphs ?? []).slice(0, 1));
    if (event.outlet) texts.push(event.outlet);
    texts.push(...event.sources.filter((s) => s.broken || !isWebUrl(s.url)).map((s) => s.url));
  }
  return texts.filter((text) => text.trim() !== '');
}

/** Asserts the data stayed data in the current state of the page. */
async function assertTextStaysText(page, issue, where) {
  const found = await inventory(page);
  assert.deepEqual(found, await clean(), `${where}: no script, element, handler or script URL came from the bundle`);
  if (!issue) return;
  for (const text of visibleTexts(issue)) assert.ok(await shown(page, text), `${where}: “${text}” is shown as text`);
  // Non-web and broken sources are text, never inside a link; other web ones are links to
  // exactly their URL, and so is a broken one's correction.
  const links = await page.evaluate(() => [...document.querySelectorAll('main a[href]')].map((a) => a.getAttribute('href')));
  for (const event of issue.events.slice(0, FIRST_PAGE)) {
    for (const { url, broken, corrected } of event.sources) {
      if (isWebUrl(url) && !broken) assert.ok(links.includes(url), `${where}: ${JSON.stringify(url)} is a link`);
      else assert.ok(!links.includes(url), `${where}: ${JSON.stringify(url)} is not a link`);
      if (broken && corrected) assert.ok(links.includes(corrected), `${where}: ${JSON.stringify(corrected)} is a link`);
    }
  }
}

const decoding = FILES.filter((name) => EXPECTED[name]?.problems || BROWSER_OPENS[name]);
const failing = FILES.filter((name) => EXPECTED[name]?.error && !BROWSER_OPENS[name]);

test('the corpus and its table of expected outcomes list the same files', () => {
  assert.deepEqual(Object.keys(EXPECTED).sort(), FILES);
  assert.ok(decoding.length >= 5 && failing.length >= 30, `${decoding.length} decode, ${failing.length} do not`);
});

for (const name of decoding) {
  for (const bypassCSP of name === 'html-in-every-field.json' ? [false, true] : [false]) {
    const csp = bypassCSP ? ', with the Content-Security-Policy lifted' : '';
    test(`${name}: bundle text stays text${csp}`, async (t) => {
      // With the CSP lifted only the viewer's own escaping stands between the data and the page.
      const { page, context, done } = await openPage(t, { bypassCSP });
      const guard = watch(page, context);
      const body = readFileSync(path.join(corpus, name));
      const bundle = JSON.parse(body.toString('utf8').replace(/^\uFEFF/, ''));
      await page.goto(viewerUrl({ query: await serve(page, name, body) }));
      const main = page.getByRole('main');
      if (bundle.issues.length === 0) {
        await main.getByText('This bundle holds no releases.').waitFor();
        assert.equal(await page.getByRole('alert').count(), 0);
        await assertTextStaysText(page, null, 'no releases');
        await guard.assertNothingHappened();
        return done();
      }
      await page.getByRole('tabpanel').waitFor();
      // The release on screen is the newest one (the viewer's order: year, number, end date).
      const issue = [...bundle.issues].sort((a, b) => b.year - a.year || b.number - a.number || (b.period.to > a.period.to) - (b.period.to < a.period.to))[0];
      await assertTextStaysText(page, issue, 'the release view');

      // Every card opened, its headings and the non-web sources clicked: still nothing runs.
      const cards = page.getByRole('tabpanel').getByRole('article');
      for (let index = 0; index < (await cards.count()); index += 1) {
        const card = cards.nth(index);
        const more = card.getByRole('button', { name: 'Show full text' });
        if (await more.count()) {
          await more.click();
          await card.getByRole('button', { name: 'Show less' }).waitFor();
        }
        await card.getByRole('heading', { level: 3 }).click();
        for (const paragraph of issue.events[index].paragraphs.filter((p) => p.trim())) {
          assert.ok(await shown(page, paragraph), `opened card ${index}: “${paragraph}” is shown as text`);
        }
      }
      for (const { url } of issue.events.flatMap((e) => e.sources).filter((s) => (s.broken || !isWebUrl(s.url)) && s.url.trim())) {
        assert.ok(await clickText(page, url), `clicked the source ${JSON.stringify(url)}`);
      }
      await assertTextStaysText(page, issue, 'every card opened');

      // Each country tab (a hostile code included), with its topic line.
      const tabs = page.getByRole('tab');
      for (let index = 1; index < (await tabs.count()); index += 1) {
        await tabs.nth(index).click();
        await eventually(async () => assert.equal(await tabs.nth(index).getAttribute('aria-selected'), 'true'));
        const code = new URLSearchParams(new URL(page.url()).hash.slice(1)).get('country');
        const topic = issue.summary?.topics?.find((tp) => tp.country === code);
        if (topic) assert.ok(await shown(page, `In this release: ${topic.text}.`), `topic for ${code} is text`);
        await assertTextStaysText(page, null, `tab ${index}`);
      }

      // A search that hits inside the markup-like text: the hits are marked, the rest is text.
      await page.getByRole('tab').first().click();
      await page.getByRole('searchbox', { name: 'Search events' }).fill('script alert');
      await page.getByRole('status').filter({ hasText: /match “script alert”/ }).waitFor();
      const marks = await page.getByRole('tabpanel').locator('mark').allTextContents();
      for (const mark of marks) assert.match(mark, /^(script|alert)$/i, 'only the query words are marked');
      await assertTextStaysText(page, null, 'search results');

      await guard.assertNothingHappened();
      await done();
    });
  }
}

test('html-in-every-field.json: hostile ids and language tags stay inside their attributes', async (t) => {
  const { page, done } = await openPage(t);
  const body = readFileSync(path.join(corpus, 'html-in-every-field.json'));
  const bundle = JSON.parse(body);
  await page.goto(viewerUrl({ query: await serve(page, 'html-in-every-field.json', body) }));
  await page.getByRole('tabpanel').waitFor();
  const issue = bundle.issues[0];
  const found = await page.evaluate(() => ({
    ids: [...document.querySelectorAll('article[id]')].map((a) => a.id),
    langs: [...new Set([...document.querySelectorAll('[lang]')].map((e) => e.getAttribute('lang')))],
    autofocus: document.querySelectorAll('[autofocus]').length,
  }));
  // Element ids are made of safe characters; a language "tag" that is not one is not used.
  for (const id of found.ids) assert.match(id, /^[A-Za-z0-9_-]+$/, `article id ${id}`);
  assert.ok(!found.langs.includes(issue.lang), `the bundle's lang ${JSON.stringify(issue.lang)} is not an attribute`);
  for (const lang of found.langs) assert.match(lang, /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/, `lang="${lang}"`);
  assert.equal(found.autofocus, 0);
  // The link to the event carries its id percent-encoded in the fragment, and opens it.
  const permalink = page.getByRole('link', { name: 'Link to this event' }).first();
  const href = await permalink.getAttribute('href');
  assert.ok(href.startsWith(viewerUrl({ query: `?bundle=${encodeURIComponent('../fixtures/corpus/html-in-every-field.json')}` })), href);
  assert.ok(!/["<> ]/.test(href.split('#')[1]), `fragment is encoded: ${href}`);
  await permalink.click();
  await eventually(async () => assert.equal(new URLSearchParams(new URL(page.url()).hash.slice(1)).get('event'), issue.events[0].id));
  await done();
});

test('bidi-and-invisible.json: overrides and zero-width characters are kept, code point for code point', async (t) => {
  const { page, done } = await openPage(t);
  const body = readFileSync(path.join(corpus, 'bidi-and-invisible.json'));
  const issue = JSON.parse(body).issues[0];
  await page.goto(viewerUrl({ query: await serve(page, 'bidi-and-invisible.json', body) }));
  await page.getByRole('tabpanel').waitFor();
  const headings = await page.getByRole('tabpanel').getByRole('article').getByRole('heading', { level: 3 }).allTextContents();
  assert.deepEqual(headings, issue.events.map((e) => e.title));
  assert.ok(headings[0].includes('\u202e') && headings[1] === '\u200b');
  const first = page.getByRole('tabpanel').getByRole('article').first();
  await first.getByRole('button', { name: 'Show full text' }).click();
  await first.getByRole('button', { name: 'Show less' }).waitFor();
  for (const paragraph of issue.events[0].paragraphs) assert.ok(await shown(page, paragraph), JSON.stringify(paragraph));
  assert.ok(await shown(page, issue.title), 'the release title keeps its override');
  await done();
});

test('bundles that do not decode: each gives an alert saying what is wrong and where', async (t) => {
  // One page for all of them, reloaded with each bundle: a fresh browser context per file
  // would cost a second each and test nothing more.
  const { page, context, done } = await openPage(t);
  const guard = watch(page, context);
  await page.route('**/fixtures/corpus/*', (route) => {
    const name = decodeURIComponent(new URL(route.request().url()).pathname.split('/').pop());
    return route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body: readFileSync(path.join(corpus, name)) });
  });
  for (const name of failing) {
    const expected = EXPECTED[name];
    await t.test(name, async () => {
      await page.goto(viewerUrl({ query: `?bundle=${encodeURIComponent(`../fixtures/corpus/${name}`)}` }));
      const alert = page.getByRole('alert');
      await alert.waitFor();
      const text = await alert.innerText();
      assert.match(text, /could not be loaded/);
      assert.ok(text.includes(`../fixtures/corpus/${name} is not a bundle this viewer can read: ${expected.error}`), text);
      if (expected.path) assert.ok(text.includes(expected.path), `names ${expected.path}: ${text}`);
      else assert.ok(text.includes(`line ${expected.line}, column ${expected.column}`), `names the line and column: ${text}`);
      assert.equal(await page.getByRole('tabpanel').count(), 0, 'no half-drawn release');
      assert.deepEqual(await inventory(page), await clean());
    });
  }
  await guard.assertNothingHappened();
  await done();
});

test('byte-order-mark.json: the viewer, like the CLI, reads past a byte-order mark', async (t) => {
  assert.deepEqual(EXPECTED['byte-order-mark.json'].problems, []);
  const { page, done } = await openPage(t);
  const body = readFileSync(path.join(corpus, 'byte-order-mark.json'));
  assert.deepEqual([...body.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  await page.goto(viewerUrl({ query: await serve(page, 'byte-order-mark.json', body) }));
  await page.getByRole('main').getByText('This bundle holds no releases.').waitFor();
  await done();
});

test('a bundle with bytes that are not UTF-8 is refused, as the CLI refuses it, with line and byte', async (t) => {
  const { page } = await openPage(t);
  const body = Buffer.from(JSON.stringify({ format: 1, issues: [release([{ id: 'a', country: 'kz', title: 'Bishkek \u00e9t\u00e9', sources: [] }])] }), 'latin1');
  assert.equal(body.indexOf(0xe9) > 0 && body.toString('utf8').includes('\ufffd'), true, 'the body is Latin-1, not UTF-8');
  await page.goto(viewerUrl({ query: await serve(page, 'latin1.json', body) }));
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), new RegExp(`latin1\\.json: line 1: not UTF-8 text \\(byte ${body.indexOf(0xe9)} is invalid\\)`));
});

// ---- Found with this corpus (faults since fixed), kept as regression tests ----------------

test('a country code that collides with the viewer\'s own ids does not duplicate them', async (t) => {
  const { page, done } = await openPage(t);
  const event = (id, country) => ({ id, country, title: `EVENT ${id}`, paragraphs: ['Text.'], sources: [] });
  const body = JSON.stringify({ format: 1, issues: [release([event('a', 'kz'), event('b', 'all')])] });
  await page.goto(viewerUrl({ query: await serve(page, 'tab-all.json', body) }));
  await page.getByRole('tabpanel').waitFor();
  const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((e) => e.id));
  assert.deepEqual(ids.filter((id, index) => ids.indexOf(id) !== index), [], 'no id is used twice');
  await page.getByRole('tab').first().focus();
  await page.keyboard.press('End');
  const tab = page.getByRole('tab', { selected: true });
  assert.equal(await tab.evaluate((element) => element === document.activeElement), true, 'focus is on the selected tab');
  await done();
});

test('a source URL the browser cannot parse is not a link', async (t) => {
  const { page, done } = await openPage(t);
  const dead = [];
  for (const name of ['bidi-and-invisible.json', 'hostile-sources.json']) {
    await page.goto(viewerUrl({ query: await serve(page, name, readFileSync(path.join(corpus, name))) }));
    await page.getByRole('tabpanel').waitFor();
    dead.push(...await page.evaluate(() =>
      [...document.querySelectorAll('main a[href]')].filter((a) => !/^https?:$/.test(a.protocol)).map((a) => `${a.getAttribute('href')} shown as ${a.textContent}`),
    ));
  }
  assert.deepEqual(dead, []);
  await done();
});

// ---- Generated: too large to commit ------------------------------------------------------

function release(events, extra = {}) {
  return { number: 15, year: 2025, period: { from: '2025-08-01', to: '2025-08-15' }, title: 'Generated release', events, ...extra };
}

for (const [what, make, expected] of [
  [
    'a 1 MB title',
    () => JSON.stringify({ format: 1, issues: [release([{ id: '2025-15-kz-1', country: 'kz', title: '<b>x</b>'.repeat(131_072), sources: [] }])] }),
    /\$\.issues\[0\]\.events\[0\]\.title: the title is 1048576 characters long; the limit is 2000/,
  ],
  [
    '100,001 paragraphs',
    () => JSON.stringify({ format: 1, issues: [release([{ id: '2025-15-kz-1', country: 'kz', title: 'T', paragraphs: Array(100_001).fill('p') }])] }),
    /\$\.issues\[0\]\.events\[0\]\.paragraphs: 100001 paragraphs; an event has at most 1000/,
  ],
  [
    'a title nested 100,000 arrays deep',
    () => `{"format":1,"issues":[{"number":15,"year":2025,"period":{"from":"2025-08-01","to":"2025-08-15"},"title":"t","events":[{"id":"a","country":"kz","title":${'['.repeat(100_000)}${']'.repeat(100_000)}}]}]}`,
    /\$\.issues\[0\]\.events\[0\]\.title: invalid type: sequence, expected a string/,
  ],
]) {
  test(`generated, ${what}: an alert names the JSON path`, async (t) => {
    const { page, done } = await openPage(t);
    await page.goto(viewerUrl({ query: await serve(page, 'generated.json', make()) }));
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 15_000 });
    assert.match(await alert.innerText(), expected);
    await done();
  });
}

test('generated, an unknown field nested 100,000 objects deep: ignored, the release opens', async (t) => {
  const { page, done } = await openPage(t);
  const deep = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
  const text = `{"format":1,"extension":${deep},"issues":[{"number":15,"year":2025,"period":{"from":"2025-08-01","to":"2025-08-15"},"title":"t","extension":${deep},"events":[{"id":"a","country":"kz","title":"STILL HERE","sources":[]}]}]}`;
  await page.goto(viewerUrl({ query: await serve(page, 'generated.json', text) }));
  await page.getByRole('article').getByRole('heading', { name: 'STILL HERE' }).waitFor();
  await done();
});

test('generated, 100,000 events: a page of 20 cards, and search stays responsive', async (t) => {
  const { page, done } = await openPage(t);
  const countries = ['kz', 'kg', 'ru', 'tj', 'uz'];
  const events = Array.from({ length: 100_000 }, (_, i) => ({
    id: `2025-15-${countries[i % 5]}-${i + 1}`,
    country: countries[i % 5],
    title: `EVENT ${i + 1}`,
    paragraphs: [i % 1000 === 7 ? `A needle in event ${i + 1}.` : 'Text.'],
    sources: [{ url: `https://polisia.kz/${i + 1}` }],
  }));
  const text = JSON.stringify({ format: 1, issues: [release(events)] });
  const query = await serve(page, 'many-events.json', text);

  const started = performance.now();
  await page.goto(viewerUrl({ query }));
  const panel = page.getByRole('tabpanel');
  await panel.getByRole('article').first().waitFor({ timeout: 30_000 });
  const loaded = performance.now() - started;
  assert.equal(await panel.getByRole('article').count(), 20);
  await panel.getByText('Showing 20 of 100,000 events.', { exact: true }).waitFor();
  await panel.getByRole('button', { name: 'Show 20 more' }).waitFor();

  // Typed a key at a time, as a reader types: each keystroke searches all 100,000 events.
  const box = page.getByRole('searchbox', { name: 'Search events' });
  const typing = performance.now();
  await box.pressSequentially('needle');
  await page.getByRole('status').filter({ hasText: '100 events match “needle”.' }).waitFor({ timeout: 15_000 });
  const typed = performance.now() - typing;
  assert.equal(await panel.getByRole('article').count(), 20);
  for (let shown = 40; shown <= 100; shown += 20) {
    await panel.getByRole('button', { name: 'Show 20 more' }).click();
    await eventually(async () => assert.equal(await panel.getByRole('article').count(), shown));
  }
  assert.equal(await panel.getByRole('button', { name: /^Show \d+ more$/ }).count(), 0, 'all 100 results drawn, no more to show');

  // One more change of the whole query, timed from the input to the new count.
  const refining = performance.now();
  await box.fill('event 100000');
  await page.getByRole('status').filter({ hasText: '1 event matches “event 100000”.' }).waitFor({ timeout: 15_000 });
  const refined = performance.now() - refining;
  t.diagnostic(`100,000 events (${(text.length / 1e6).toFixed(1)} MB): first card after ${Math.round(loaded)} ms; “needle” typed (6 keystrokes) to count ${Math.round(typed)} ms; a replaced query to count ${Math.round(refined)} ms`);
  await done();
});

test('the harness fails a test on a console error (a CSP violation is one)', async (t) => {
  const { page, done } = await openPage(t);
  await page.goto(viewerUrl());
  await page.getByRole('tabpanel').waitFor();
  await done();
  // An inline script, as injected markup would carry: the page's CSP refuses it and says so.
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.ran = true';
    document.body.append(script);
  });
  await eventually(async () => assert.rejects(done(), /no console errors/));
  assert.equal(await page.evaluate(() => window.ran === true), false, 'the CSP kept the inline script from running');
});
