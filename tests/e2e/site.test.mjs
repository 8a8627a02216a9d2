// The published site's static pages (dist/site/, written by `caricc site`), read as a
// reader with JavaScript off and as a crawler: every event of the sample in full, and every
// link leading to a page that exists, anchors included.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BUNDLE, SUB_PATH, useBrowser, openPage, state, axeViolations, countryName } from './harness.mjs';

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
  // No control that would need a script.
  assert.equal(await page.locator('button, select, input').count(), 0);
  // The country links lead to each country's first event.
  const first = issue.events.find((event) => event.country === 'kz');
  await page.getByRole('navigation', { name: 'Countries' }).getByRole('link', { name: countryName('kz') }).click();
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
  // The pages run no script: the structured data is a data block, not a script.
  const types = await page.evaluate(() => [...document.scripts].map((script) => script.type));
  assert.deepEqual(types, ['application/ld+json']);
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
