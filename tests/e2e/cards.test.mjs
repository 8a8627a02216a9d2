// Event cards: what each shows, opening the full text, source links, citations, and links
// to a single event (deep links), including reload and Back.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { domainToUnicode } from 'node:url';
import {
  BUNDLE, useBrowser, openPage, openViewer, viewerUrl, eventually, route, isInViewport,
  formatPeriod, exactName, AT_SITE, viewerAddressOnly, routeOf, siteRoot,
} from './harness.mjs';

useBrowser();

const issue = BUNDLE.issues[0];
const releaseKey = `${issue.year}-${issue.number}`;
const byId = (id) => issue.events.find((e) => e.id === id);
const card = (page, event) => page.getByRole('article', { name: exactName(event.title) });

/** A URL's host as written (invalid punycode included, which `new URL` refuses). */
function hostOf(url) {
  return url.match(/^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?([^/?#:]+)/i)[1].toLowerCase();
}

/**
 * Asserts a card is open (or closed): its control, and whether its later paragraphs show.
 * At the site's pages every card is open, with no control (as their drawn form is).
 */
async function assertOpen(page, event, open) {
  const article = card(page, event);
  await eventually(async () => {
    if (AT_SITE) {
      assert.equal(await article.locator('button[aria-expanded]').count(), 0, 'no control at a site page');
    } else {
      const control = article.getByRole('button', { name: open ? 'Show less' : 'Show full text' });
      assert.equal(await control.getAttribute('aria-expanded'), String(open));
      const controlled = await control.getAttribute('aria-controls');
      assert.ok(controlled && (await page.locator(`[id="${controlled}"]`).count()) === 1, 'aria-controls names the text it opens');
    }
    assert.equal(await article.locator(".event-text").getByText(event.paragraphs[0]).isVisible(), true, 'the first paragraph always shows');
    for (const paragraph of event.paragraphs.slice(1)) {
      assert.equal(await article.locator(".event-text").getByText(paragraph).isVisible(), open, `“${paragraph.slice(0, 30)}…” ${open ? 'shows' : 'is hidden'}`);
    }
  });
}

test('each event is an article: title heading, byline, first paragraph, sources', async (t) => {
  const { page, done } = await openPage(t);
  await openViewer(page);
  assert.equal(await page.getByRole('tabpanel').getByRole('article').count(), issue.events.length);

  for (const event of issue.events) {
    const article = card(page, event);
    await article.getByRole('heading', { level: 3, name: exactName(event.title) }).waitFor();
    if (event.outlet) await article.getByText(event.outlet, { exact: true }).waitFor();
    assert.equal(await article.locator(".event-text").getByText(event.paragraphs[0]).isVisible(), true);
    // A card opens to its full text by a control, if it has more; at the site's pages
    // every card shows in full, as their drawn form does.
    const expand = article.getByRole('button', { name: 'Show full text' });
    assert.equal(await expand.count(), event.paragraphs.length > 1 && !AT_SITE ? 1 : 0, `${event.id}: a control only when there is more text`);
    if (event.paragraphs.length > 1) await assertOpen(page, event, AT_SITE);
    await article.getByRole('button', { name: 'Copy citation' }).waitFor();
    await article.getByRole('link', { name: 'Link to this event' }).waitFor();

    // A source marked broken is no link; the link beside it, if any, is to its correction.
    const sources = article.getByRole('list', { name: 'Sources' }).getByRole('link');
    const linked = event.sources.filter((s) => !s.broken || s.corrected);
    assert.equal(await sources.count(), linked.length);
    for (const [index, { url: printed, broken, corrected }] of linked.entries()) {
      const url = broken ? corrected : printed;
      const words = broken ? 'corrected link: ' : '';
      const link = sources.nth(index);
      assert.equal(await link.getAttribute('href'), url);
      assert.equal(await link.getAttribute('target'), '_blank');
      const rel = (await link.getAttribute('rel') ?? '').split(/\s+/);
      assert.ok(rel.includes('noopener') && rel.includes('noreferrer'), `${event.id}: rel="${rel.join(' ')}"`);
      // Shown without “www.”, which tells a reader nothing.
      const host = hostOf(url).replace(/^www\./, '');
      const unicode = domainToUnicode(host);
      const text = (await link.textContent()).trim();
      if (!host.includes('xn--')) assert.equal(text, words + host, `${event.id}: the link reads as its host`);
      else if (unicode) assert.equal(text, words + unicode, `${event.id}: the link reads as its host, decoded`);
      // A host that is not valid punycode (one of the release's typos) may show as it can.
      else assert.ok(text.length > 0);
    }
  }
  await done();
});

test('a punycode host reads as the reader writes it: мвд.рф', async (t) => {
  const { page, done } = await openPage(t);
  await openViewer(page);
  const event = issue.events.find((e) => e.sources.some((s) => hostOf(s.url) === 'xn--b1aew.xn--p1ai'));
  assert.ok(event, 'the sample bundle has a source on xn--b1aew.xn--p1ai');
  const link = card(page, event).getByRole('link', { name: 'мвд.рф', exact: true });
  assert.equal(await link.getAttribute('href'), event.sources[0].url);
  assert.equal(await link.getAttribute('target'), '_blank');
  assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
  await done();
});

test('a source the release misprinted is shown as printed, as text, beside the corrected link', async (t) => {
  const event = byId('2025-15-ru-2');
  const [{ url: printed, broken, corrected }] = event.sources;
  assert.deepEqual(
    [printed, broken, corrected],
    ['https://xn--blaww.xn--plai/news/item/68206917', true, 'https://xn--b1aew.xn--p1ai/news/item/68206917'],
    'the sample bundle marks the mistyped мвд.рф link and corrects it',
  );
  const { page, done } = await openPage(t);
  for (const [lang, words] of [['en', 'corrected link: мвд.рф'], ['ru', 'исправленная ссылка: мвд.рф']]) {
    await openViewer(page, { hash: `#release=${releaseKey}&country=ru&lang=${lang}` });
    const sources = card(page, event).getByRole('list');
    // The printed address is visible text, and no link anywhere leads to it.
    await sources.getByText(printed, { exact: true }).waitFor();
    assert.equal(await sources.getByText(printed, { exact: true }).evaluate((e) => e.closest('a')), null);
    assert.equal(await page.locator('a[href*="xn--blaww"], a[href*="xn--plai"]').count(), 0);
    // The correction is a real link that says, in words, that it is one.
    const links = sources.getByRole('link');
    assert.equal(await links.count(), 1);
    const link = sources.getByRole('link', { name: words, exact: true });
    assert.equal(await link.getAttribute('href'), corrected);
    assert.equal(await link.getAttribute('target'), '_blank');
    assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
  }
  await done();
});

test('“Show full text” opens a card, puts it in the URL, and Back closes it', viewerAddressOnly('a site page shows every card in full'), async (t) => {
  const { page, done } = await openPage(t);
  await openViewer(page);
  const [first, second] = issue.events.filter((e) => e.paragraphs.length > 2);

  await card(page, first).getByRole('button', { name: 'Show full text' }).click();
  await assertOpen(page, first, true);
  await eventually(() => assert.equal(route(page).get('event'), first.id));

  // One open event at a time.
  await card(page, second).getByRole('button', { name: 'Show full text' }).click();
  await assertOpen(page, second, true);
  await eventually(() => assert.equal(route(page).get('event'), second.id));
  await assertOpen(page, first, false);

  // Back re-opens the first; Back again closes it.
  await page.goBack({ waitUntil: 'commit' });
  await assertOpen(page, first, true);
  await assertOpen(page, second, false);
  await page.goBack({ waitUntil: 'commit' });
  await assertOpen(page, first, false);
  assert.equal(route(page).get('event'), null);

  // “Show less” closes it again, and the URL forgets it.
  await card(page, first).getByRole('button', { name: 'Show full text' }).click();
  await assertOpen(page, first, true);
  await card(page, first).getByRole('button', { name: 'Show less' }).click();
  await assertOpen(page, first, false);
  await eventually(() => assert.notEqual(route(page).get('event'), first.id));
  await done();
});

test('a deep link opens the event expanded and in view; reload keeps it', async (t) => {
  const { page, done } = await openPage(t, { viewport: { width: 1280, height: 700 } });
  const event = byId(`${releaseKey}-kg-1`);
  assert.ok(event, 'the sample has a Kyrgyz event');
  await openViewer(page, { hash: `#release=${releaseKey}&event=${event.id}` });
  await assertOpen(page, event, true);
  await eventually(async () => assert.ok(await isInViewport(card(page, event).getByRole('heading')), 'scrolled to the card'));

  await page.reload();
  await page.getByRole('tabpanel').waitFor();
  await assertOpen(page, event, true);
  await eventually(async () => assert.ok(await isInViewport(card(page, event).getByRole('heading')), 'still in view after reload'));

  // The last card of the release, named by its id alone.
  const lastEvent = issue.events.at(-1);
  await page.goto(viewerUrl({ hash: `#event=${lastEvent.id}` }));
  await assertOpen(page, lastEvent, true);
  await eventually(async () => assert.ok(await isInViewport(card(page, lastEvent).getByRole('heading'))));

  // With a country: that tab, that card.
  const russian = issue.events.filter((e) => e.country === 'ru')[1];
  await page.goto(viewerUrl({ hash: `#release=${releaseKey}&country=ru&event=${russian.id}` }));
  await assertOpen(page, russian, true);
  assert.match(await page.getByRole('tab', { selected: true }).innerText(), /^Russia/);
  await done();
});

test('“Link to this event” is a link that opens that one event', async (t) => {
  const { page, context, done } = await openPage(t, { viewport: { width: 1280, height: 700 } });
  await openViewer(page);
  const event = issue.events[3];
  const link = card(page, event).getByRole('link', { name: 'Link to this event' });
  const href = await link.getAttribute('href');
  const target = new URL(href, page.url());
  const params = routeOf(target.href);
  assert.equal(params.get('event'), event.id);
  assert.equal(params.get('release'), releaseKey);
  if (AT_SITE) {
    // The event's anchor on its release's page, whichever address shows the release.
    assert.equal(target.href, `${siteRoot()}en/${issue.year}/${issue.number}/#event-${event.id}`);
  } else {
    assert.equal(target.pathname + target.search, new URL(page.url()).pathname + new URL(page.url()).search);
  }

  // Pasted into a new tab, it opens the card.
  const other = await context.newPage();
  await other.goto(target.href);
  await assertOpen(other, event, true);
  await eventually(async () => assert.ok(await isInViewport(card(other, event).getByRole('heading'))));

  // Followed in place, it opens the card too.
  await link.click();
  await assertOpen(page, event, true);
  await done();
});

test('links to releases, countries or events the bundle lacks say so and show the newest release', async (t) => {
  const { page, done } = await openPage(t);
  // (A release the site lacks has no page there: its links name a country and an event.)
  await openViewer(page, { hash: `${AT_SITE ? '#' : '#release=2019-3&'}country=tm&event=no-such-event` });
  await page.getByRole('heading', { level: 1, name: `Information Release #${issue.number}` }).waitFor();
  const notices = page.getByRole('status').and(page.locator('.notice'));
  await notices.first().waitFor();
  const text = (await notices.allInnerTexts()).join(' ');
  assert.match(text, /no-such-event/);
  assert.match(await page.getByRole('tab', { selected: true }).innerText(), /^All/);
  await done();
});

test('“Copy citation” puts a citation of the event on the clipboard', async (t) => {
  const { page, done } = await openPage(t, { permissions: ['clipboard-read', 'clipboard-write'] });
  await openViewer(page);
  const event = issue.events.find((e) => e.outlet) ?? issue.events[0];
  await card(page, event).getByRole('button', { name: 'Copy citation' }).click();
  await page.getByRole('status').filter({ hasText: 'Citation copied' }).waitFor();
  const citation = await page.evaluate(() => navigator.clipboard.readText());
  for (const part of [`#${issue.number}`, formatPeriod(issue.period), event.title, event.outlet ?? '', ...event.sources.map((s) => s.url)]) {
    assert.ok(citation.includes(part), `the citation “${citation}” includes “${part}”`);
  }
  await done();
});

test('without a clipboard, the citation is shown to copy by hand', async (t) => {
  const { page, done } = await openPage(t, {
    initScript: () => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined, configurable: true }),
  });
  await openViewer(page);
  const event = issue.events[0];
  await card(page, event).getByRole('button', { name: 'Copy citation' }).click();
  const status = card(page, event).getByRole('status').or(page.getByRole('status').filter({ hasText: event.title }));
  await eventually(async () => {
    const text = await status.first().textContent();
    assert.ok(text.includes(event.title) && text.includes(event.sources[0].url), `shown: “${text}”`);
  });
  await done();
});
