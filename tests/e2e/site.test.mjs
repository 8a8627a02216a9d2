// The published site's pages (dist/site/, written by `caricc site`), read as a reader with
// JavaScript off and as a crawler (every event of the sample in full, every link leading to
// a page that exists, anchors included), and as a reader whose browser runs the app, which
// takes the page over without moving anything and then works at the pages' addresses.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BUNDLE, SUB_PATH, useBrowser, openPage, state, axeViolations, countryName, eventually, tabName, isFocused, isInViewport, holdRequests } from './harness.mjs';

useBrowser();

const issue = BUNDLE.issues[0];
const site = () => `${state.origin}${SUB_PATH}site/`;
const releasePage = (lang) => `${site()}${lang}/${issue.year}/${issue.number}/`;

test('with JavaScript off, the root shows the newest release with every event in full', async (t) => {
  const { page, done } = await openPage(t, { javaScriptEnabled: false });
  const response = await page.goto(site());
  assert.equal(response.status(), 200);
  await page.getByRole('heading', { level: 1, name: `Information Release #${issue.number}` }).waitFor();
  const main = page.getByRole('main');
  for (const event of issue.events) {
    const card = main.getByRole('article', { name: event.title });
    assert.equal(await card.count(), 1, event.title);
    // Each paragraph is a visible element of the card, with the whole paragraph's text.
    for (const paragraph of event.paragraphs) {
      const shown = card.locator('p').filter({ hasText: paragraph.slice(0, 60) });
      assert.equal(await shown.count(), 1, `${event.id}: ${paragraph.slice(0, 60)}`);
      // (Cards far down are laid out lazily, `content-visibility: auto`: no box to test yet.)
      assert.ok(await shown.evaluate((p) => !p.closest('[hidden]')), `${event.id}: a paragraph is hidden`);
      assert.equal((await shown.textContent()).replace(/\s+/g, ' '), paragraph.replace(/\s+/g, ' '));
    }
  }
  // No control that would need a script is shown (the search box and the citation buttons
  // wait for the app; where no script runs they are hidden).
  assert.equal(await page.locator('button:visible, select:visible, input:visible').count(), 0);
  // The country links, in the tabs' place, lead to each country's first event.
  const first = issue.events.find((event) => event.country === 'kz');
  const countries = page.getByRole('navigation', { name: 'Countries' });
  await countries.getByRole('link', { name: tabName(countryName('kz'), 4) }).click();
  assert.match(page.url(), /#country-kz$/);
  const target = page.locator('#country-kz');
  assert.ok((await target.textContent()).includes(first.title), 'the section link leads to the country');
  await done();
});

test('with JavaScript off, every link on every page leads to a page that exists', async (t) => {
  const { page, done } = await openPage(t, { javaScriptEnabled: false });
  const seen = new Set();
  const queue = [site()];
  let links = 0;
  while (queue.length > 0) {
    const url = queue.shift();
    const bare = url.split('#')[0];
    if (seen.has(bare)) continue;
    seen.add(bare);
    const response = await page.goto(url);
    assert.equal(response.status(), 200, url);
    const hrefs = await page.$$eval('a[href]', (anchors) => anchors.map((a) => a.href));
    for (const href of hrefs) {
      // Links to other sites are the sources': none to a host that cannot resolve.
      if (!href.startsWith(state.origin)) {
        assert.ok(!/xn--blaww|xn--plai/.test(href), `${url}: a link to a malformed host: ${href}`);
        continue;
      }
      const target = new URL(href);
      links += 1;
      if (target.hash) {
        // An anchor must name an element of its page.
        queue.push(target.href);
      }
      if (!seen.has(target.href.split('#')[0])) queue.push(target.href);
    }
    const hash = new URL(url).hash;
    if (hash) assert.equal(await page.locator(`[id="${decodeURIComponent(hash.slice(1))}"]`).count(), 1, url);
    assert.ok(seen.size < 100, 'the walk stays within the sample site');
  }
  // The root, two release pages and two year indexes.
  assert.equal(seen.size, 5, [...seen].join('\n'));
  assert.ok(links > 40, `${links} links`);
  await done();
});

test('with JavaScript off, a misprinted source is text, beside its corrected link, in both languages', async (t) => {
  const { page, done } = await openPage(t, { javaScriptEnabled: false });
  const broken = issue.events.flatMap((event) => event.sources.map((source) => ({ event, ...source }))).filter((s) => s.broken);
  assert.equal(broken.length, 3, 'the sample’s three mistyped мвд.рф links');
  for (const [lang, words] of [['en', 'corrected link: мвд.рф'], ['ru', 'исправленная ссылка: мвд.рф']]) {
    await page.goto(releasePage(lang));
    for (const { event, url, corrected } of broken) {
      const sources = page.locator(`[id="event-${event.id}"]`).getByRole('list');
      const printed = sources.getByText(url, { exact: true });
      assert.equal(await printed.count(), 1, `${lang}: ${url} is shown`);
      assert.equal(await printed.evaluate((e) => e.closest('a')), null, `${lang}: ${url} is not a link`);
      const link = sources.getByRole('link', { name: words, exact: true });
      assert.equal(await link.getAttribute('href'), corrected, `${lang}: ${event.id}`);
      assert.equal(await link.getAttribute('target'), '_blank');
      assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
    }
    assert.equal(await page.locator(`a[href="${broken[0].url}"]`).count(), 0);
  }
  await done();
});

test('the Russian page is in Russian, and the pages pass the accessibility audit', async (t) => {
  // The audit's script is injected: the pages' policy would refuse it.
  const { page, done } = await openPage(t, { bypassCSP: true });
  await page.goto(releasePage('ru'));
  assert.equal(await page.locator('html').getAttribute('lang'), 'ru');
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.match(await page.title(), /15/);
  assert.deepEqual(await axeViolations(page), []);
  await page.goto(releasePage('en'));
  // The structured data is a data block, not a script; the app starts from a module.
  const types = await page.evaluate(() => [...document.scripts].map((script) => script.type));
  assert.deepEqual(types, ['application/ld+json', 'module']);
  await page.locator('.app-host').waitFor({ state: 'attached' });
  assert.deepEqual(await axeViolations(page), []);
  await page.goto(`${site()}en/${issue.year}/`);
  await page.getByRole('link', { name: new RegExp(`#${issue.number},`) }).waitFor();
  assert.equal(await page.evaluate(() => document.scripts.length), 0);
  assert.deepEqual(await axeViolations(page), []);
  await done();
});

test('with JavaScript off, an event’s permalink opens the page at that event, and it stays there', async (t) => {
  const { page, done } = await openPage(t, { javaScriptEnabled: false });
  const last = issue.events[issue.events.length - 1];
  await page.goto(`${releasePage('en')}#event-${last.id}`);
  const card = page.locator(`[id="event-${last.id}"]`);
  const inView = async () => {
    const box = await card.boundingBox();
    return box !== null && box.y >= 0 && box.y < 200;
  };
  assert.ok(await inView(), 'scrolled to the event');
  // Nothing laid out later above it pushes it away.
  await page.waitForTimeout(500);
  assert.ok(await inView(), 'still at the event');
  await done();
});

// ---- With the app ----------------------------------------------------------------------

/** Holds the app's WebAssembly until the returned function is called: the page as drawn. */
const holdApp = (page) => holdRequests(page, '**/*_bg.wasm');

/** Where each heading, tab, card and block of the page is, and the text the page shows. */
function layout(page) {
  return page.evaluate(() => {
    const boxes = [...document.querySelectorAll('.app h1, .app h2, .app h3, .app p, .app li, .tab, .event, .search, .masthead, footer')].map(
      (element) => {
        const box = element.getBoundingClientRect();
        // A tab is a link on the drawn page and a button in the app: the same box.
        const kind = element.classList.contains('tab') ? 'tab' : `${element.tagName}.${element.className}`;
        return `${kind} ${[box.x, box.y, box.width, box.height].map(Math.round).join(',')}`;
      },
    );
    return { boxes, text: document.querySelector('.app').innerText, y: scrollY };
  });
}

/** Sums layout shifts from the page's start, as Lighthouse's CLS counts them. */
const countShifts = () => {
  window.__shifts = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shifts += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
};

for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 800 }]) {
  test(`at ${viewport.width}px the app takes the page over without moving anything, keeping focus and scroll`, async (t) => {
    const { page, done } = await openPage(t, { viewport, initScript: countShifts });
    const release = await holdApp(page);
    await page.goto(releasePage('en'));
    await page.locator('.app[data-prerendered]').waitFor();
    // The reader has scrolled to the third event and moved focus to its permalink.
    const third = issue.events[2];
    const permalink = page.locator(`[id="event-${third.id}"] .permalink`);
    await permalink.focus();
    await page.evaluate((id) => document.getElementById(id).scrollIntoView(), `event-${third.id}`);
    const before = await layout(page);
    assert.ok(before.y > 500, 'scrolled');
    release();
    await page.locator('.app-host').waitFor({ state: 'attached' });
    assert.equal(await page.locator('[data-prerendered]').count(), 0, 'the drawn page is replaced');
    const after = await layout(page);
    assert.equal(after.y, before.y, 'the scroll position is kept');
    assert.deepEqual(after.boxes, before.boxes, 'every block is where it was');
    assert.equal(after.text, before.text, 'the page shows the same text');
    assert.ok(await isFocused(page.locator(`[id="event-${third.id}"] .permalink`)), 'focus stays on the permalink');
    assert.ok((await page.evaluate(() => window.__shifts)) <= 0.02, 'cumulative layout shift ≤ 0.02');
    // The app's own controls are in place: tabs and the search box.
    await page.getByRole('tab', { name: tabName(countryName('kz'), 4) }).waitFor();
    await done();
  });
}

test('after the takeover, tabs, search and links change the view in place, at addresses', async (t) => {
  const { page, done } = await openPage(t);
  await page.goto(releasePage('en'));
  await page.locator('.app-host').waitFor({ state: 'attached' });
  // A marker that a page load would lose.
  await page.evaluate(() => (window.__samePage = true));
  await page.getByRole('tab', { name: tabName(countryName('kz'), 4) }).click();
  await eventually(async () => assert.equal(new URL(page.url()).search, '?country=kz'));
  assert.equal(await page.getByRole('tabpanel').getByRole('article').count(), 4);
  await page.getByRole('searchbox').fill('police');
  await eventually(async () => assert.equal(new URL(page.url()).search, '?country=kz&q=police'));
  // The other language keeps the view, in place.
  await page.getByRole('navigation', { name: 'Languages' }).getByRole('link', { name: 'Русский' }).click();
  await eventually(async () => assert.equal(new URL(page.url()).pathname.endsWith(`/ru/${issue.year}/${issue.number}/`), true));
  assert.equal(new URL(page.url()).search, '?country=kz&q=police');
  assert.equal(await page.locator('html').getAttribute('lang'), 'ru');
  await page.getByRole('searchbox', { name: 'Поиск по событиям' }).waitFor();
  // Back returns to the English view; a tab in the contents list is a link shown in place.
  await page.goBack();
  await eventually(async () => assert.equal(await page.locator('html').getAttribute('lang'), 'en'));
  // An event's permalink opens it at its address.
  const event = issue.events.find((e) => e.country === 'kz');
  await page.locator(`[id="event-${event.id}"]`).getByRole('link', { name: 'Link to this event' }).click();
  await eventually(async () => assert.equal(new URL(page.url()).hash, `#event-${event.id}`));
  assert.equal(new URL(page.url()).search, '');
  assert.ok(await isInViewport(page.locator(`[id="event-${event.id}"]`)));
  assert.equal(await page.evaluate(() => window.__samePage), true, 'no page was loaded');
  await done();
});

test('an old viewer link opens the same view at its address', async (t) => {
  const { page, done } = await openPage(t);
  const event = issue.events.find((e) => e.country === 'kz' && e !== issue.events.find((f) => f.country === 'kz'));
  await page.goto(`${site()}#release=${issue.year}-${issue.number}&country=kz&event=${event.id}`);
  await page.locator('.app-host').waitFor({ state: 'attached' });
  const url = new URL(page.url());
  assert.equal(url.pathname + url.search + url.hash, `${SUB_PATH}site/en/${issue.year}/${issue.number}/?country=kz#event-${event.id}`);
  assert.equal(await page.getByRole('tab', { selected: true }).getAttribute('id'), 'tab-country-kz');
  await eventually(async () => assert.ok(await isInViewport(page.locator(`[id="event-${event.id}"]`))));
  await done();
});

test('words typed into the search box before the app runs are searched for once it does', async (t) => {
  const { page, done } = await openPage(t);
  const release = await holdApp(page);
  await page.goto(releasePage('en'));
  await page.locator('#search').fill('heroin');
  release();
  await page.locator('.app-host').waitFor({ state: 'attached' });
  await eventually(async () => assert.equal(new URL(page.url()).search, '?q=heroin'));
  assert.equal(await page.locator('#search').inputValue(), 'heroin');
  assert.ok(await isFocused(page.locator('#search')), 'the search box keeps focus');
  await done();
});

test('without its WebAssembly, a site page stays as drawn, quietly', async (t) => {
  const { page, errors } = await openPage(t);
  await page.route('**/*_bg.wasm', (route) => route.abort());
  await page.goto(releasePage('en'));
  await page.waitForTimeout(500);
  assert.equal(await page.locator('.app[data-prerendered]').count(), 1);
  assert.equal(await page.locator('[role="alert"]').count(), 0);
  assert.equal(await page.getByRole('article').count(), issue.events.length);
  // The failure is the browser's to report (the aborted request, the failed start).
  assert.ok(errors.length > 0);
});
