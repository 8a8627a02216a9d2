// Search as a reader types it: Latin and Cyrillic in any case, marked hits, the count of
// results, the empty state, the release on screen or all of them, and the URL and history.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BUNDLE, useBrowser, openPage, openViewer, viewerUrl, fixtureQuery, eventually, route,
  matching, fold, formatPeriod, countryName, exactName, tabName,
} from './harness.mjs';
import { russianRelease } from './fixtures.mjs';

useBrowser();

const issue = BUNDLE.issues[0];
const russian = russianRelease(BUNDLE);
const squash = (text) => text.replace(/\s+/g, ' ').trim();
const searchbox = (page) => page.getByRole('searchbox', { name: 'Search events' });

/**
 * Asserts the panel shows exactly these events, in order, and the count says how many
 * (on a country tab, the count may be of all the matches instead: `total`).
 */
async function assertResults(page, query, events, total = events.length) {
  await eventually(async () => {
    const titles = (await page.getByRole('tabpanel').getByRole('article').getByRole('heading', { level: 3 }).allTextContents()).map(squash);
    assert.deepEqual(titles, events.map((e) => squash(e.title)), `results for “${query}”`);
    const count = page.getByRole('status').filter({ hasText: query });
    const text = squash(await count.first().innerText());
    if (events.length === 0) assert.match(text, /^No events match/, `count: “${text}”`);
    else assert.match(text, new RegExp(`^(${events.length}|${total}) events? match`), `count: “${text}”`);
  });
}

/** The text of every <mark> in the results, folded. */
async function marks(page) {
  return (await page.getByRole('tabpanel').locator('mark').allTextContents()).map((m) => m.trim());
}

test('finds Latin text in titles, paragraphs and outlets, in any case, and marks it', async (t) => {
  const { page, done } = await openPage(t);
  await openViewer(page);

  for (const query of ['nightclubs', 'NIGHTCLUBS', 'Penitentiary', 'topnews', 'police officers']) {
    const expected = matching(issue.events, query);
    assert.ok(expected.length > 0, `the sample has “${query}”`);
    await searchbox(page).fill(query);
    await assertResults(page, query, expected);
    const marked = await marks(page);
    assert.ok(marked.length >= expected.length, `“${query}”: at least one mark per card`);
    const terms = fold(query).split(/\s+/);
    for (const mark of marked) assert.ok(terms.includes(fold(mark)), `“${mark}” is a hit for “${query}”`);
    // Each card shows where it matched.
    const cards = page.getByRole('tabpanel').getByRole('article');
    for (let index = 0; index < (await cards.count()); index += 1) {
      assert.ok((await cards.nth(index).locator('mark').count()) > 0, `card ${index} marks its hit`);
    }
    await eventually(() => assert.equal(route(page).get('q'), query));
    await page.getByRole('tab', { name: exactName(tabName('All', expected.length)) }).waitFor();
  }
  await done();
});

test('the first letters typed find events but mark only whole words', async (t) => {
  const { page, done } = await openPage(t);
  await openViewer(page);

  // One letter: every event that has it, and no marks (one on every “a” would bury the text).
  await searchbox(page).fill('a');
  await assertResults(page, 'a', matching(issue.events, 'a'));
  assert.deepEqual(await marks(page), []);
  // Two: marked where they are a word of their own (“in”), not inside others (“during”).
  await searchbox(page).fill('in');
  await assertResults(page, 'in', matching(issue.events, 'in'));
  const marked = await marks(page);
  assert.ok(marked.length > 0 && marked.every((mark) => fold(mark) === 'in'), `marks: ${marked.join(', ')}`);
  // At most one mark per word “in” of the release (excerpts repeat a paragraph: not counted).
  const words = issue.events.flatMap((e) => [e.title, e.outlet ?? '', ...e.paragraphs].join(' ').match(/(?<![\p{L}\p{N}])in(?![\p{L}\p{N}])/giu) ?? []);
  const outsideExcerpts = await page.getByRole('tabpanel').locator('mark').evaluateAll((marks) => marks.filter((m) => !m.closest('.excerpt')).length);
  assert.ok(outsideExcerpts <= words.length, `${outsideExcerpts} marks, ${words.length} words “in” in the release`);
  await done();
});

test('finds Cyrillic text in any case, ё as е, and marks it as printed', async (t) => {
  const { page, done } = await openPage(t);
  await openViewer(page, { query: fixtureQuery('two-releases.json') });
  await page.getByRole('heading', { level: 1, name: `Information Release #${russian.number}` }).waitFor();

  const expected = matching(russian.events, 'полиция');
  assert.equal(expected.length, 2);
  for (const query of ['полиция', 'ПОЛИЦИЯ', 'Полиция']) {
    await searchbox(page).fill(query);
    await assertResults(page, query, expected);
    const marked = await marks(page);
    assert.ok(marked.every((m) => fold(m) === 'полиция'), `marks: ${marked.join(', ')}`);
    // As printed: capitals in the title, sentence case in the text.
    assert.ok(marked.includes('ПОЛИЦИЯ') && marked.includes('Полиция') && marked.includes('полиция'), `marks: ${marked.join(', ')}`);
  }

  await searchbox(page).fill('волонтеры');
  await assertResults(page, 'волонтеры', matching(russian.events, 'волонтеры'));
  assert.deepEqual(await marks(page), ['волонтёры']);

  // A Cyrillic query survives the URL and a reload.
  await eventually(() => assert.equal(route(page).get('q'), 'волонтеры'));
  await page.reload();
  await page.getByRole('tabpanel').waitFor();
  assert.equal(await searchbox(page).inputValue(), 'волонтеры');
  await assertResults(page, 'волонтеры', matching(russian.events, 'волонтеры'));
  await done();
});

test('no results: an empty state that says so, and tabs counting zero', async (t) => {
  const { page, done } = await openPage(t);
  await openViewer(page);
  await searchbox(page).fill('zzzqqq');
  await assertResults(page, 'zzzqqq', []);
  // Where the cards were, a message rather than a blank panel.
  await page.getByRole('tabpanel').getByText(/No events match/).waitFor();
  const tabs = (await page.getByRole('tab').allInnerTexts()).map(squash);
  assert.ok(tabs.every((tab) => / 0 events$/.test(tab)), `tabs: ${tabs.join(', ')}`);

  // Clearing the search brings every event back.
  await searchbox(page).fill('');
  await eventually(async () => assert.equal(await page.getByRole('tabpanel').getByRole('article').count(), issue.events.length));
  await eventually(() => assert.equal(route(page).get('q'), null));
  await done();
});

test('searches the release on screen, or all releases when asked, and says which release', async (t) => {
  const { page, done } = await openPage(t);
  await openViewer(page, { query: fixtureQuery('two-releases.json') });
  await page.getByRole('heading', { level: 1, name: `Information Release #${russian.number}` }).waitFor();

  const query = 'topnews';
  await searchbox(page).fill(query);
  await assertResults(page, query, matching(russian.events, query));

  const everywhere = page.getByRole('checkbox', { name: 'Search all releases' });
  assert.equal(await everywhere.isChecked(), false);
  await everywhere.check();
  const all = [...matching(issue.events, query), ...matching(russian.events, query)];
  await eventually(async () => {
    const count = await page.getByRole('tabpanel').getByRole('article').count();
    assert.equal(count, all.length);
  });
  await eventually(() => {
    assert.equal(route(page).get('scope'), 'all');
    assert.equal(route(page).get('q'), query);
  });
  // Each card names its release.
  for (const [release, events] of [[issue, matching(issue.events, query)], [russian, matching(russian.events, query)]]) {
    for (const event of events) {
      const card = page.getByRole('article', { name: exactName(event.title) });
      await card.getByText(`Release #${release.number} · ${formatPeriod(release.period)}`).waitFor();
    }
  }

  // A reload keeps the query, the scope and the results.
  await page.reload();
  await page.getByRole('tabpanel').waitFor();
  assert.equal(await searchbox(page).inputValue(), query);
  assert.equal(await everywhere.isChecked(), true);
  await eventually(async () => assert.equal(await page.getByRole('tabpanel').getByRole('article').count(), all.length));

  // Unchecking goes back to the release on screen.
  await everywhere.uncheck();
  await assertResults(page, query, matching(russian.events, query));
  await eventually(() => assert.equal(route(page).get('scope'), null));
  await done();
});

test('a search within a country tab; tabs count the matches in each country', async (t) => {
  const { page, done } = await openPage(t);
  await openViewer(page);
  const query = 'police';
  await page.getByRole('tab', { name: /^Kazakhstan/ }).click();
  await searchbox(page).fill(query);
  const hits = matching(issue.events, query);
  await assertResults(page, query, hits.filter((e) => e.country === 'kz'), hits.length);
  const countries = [...new Set(issue.events.map((e) => e.country))];
  for (const code of countries) {
    const n = hits.filter((e) => e.country === code).length;
    await page.getByRole('tab', { name: exactName(tabName(countryName(code), n)) }).waitFor();
  }
  assert.equal(route(page).get('country'), 'kz');
  await done();
});

test('typing does not flood the history: Back returns to the view before the search', async (t) => {
  const { page, done } = await openPage(t);
  await openViewer(page);
  await page.getByRole('tab', { name: /^Kazakhstan/ }).click();
  await eventually(() => assert.equal(route(page).get('country'), 'kz'));
  const before = await page.evaluate(() => history.length);

  await searchbox(page).pressSequentially('police', { delay: 40 });
  const hits = matching(issue.events, 'police');
  await assertResults(page, 'police', hits.filter((e) => e.country === 'kz'), hits.length);
  const afterTyping = await page.evaluate(() => history.length);
  assert.ok(afterTyping <= before + 1, `six keystrokes added ${afterTyping - before} history entries`);

  await page.goBack({ waitUntil: 'commit' });
  await eventually(async () => {
    assert.equal(route(page).get('q'), null);
    assert.equal(await searchbox(page).inputValue(), '');
  });
  await done();
});

test('a link with a search opens with it', async (t) => {
  const { page, done } = await openPage(t);
  await page.goto(viewerUrl({ hash: `#q=${encodeURIComponent('Nightclubs Bishkek')}` }));
  await page.getByRole('tabpanel').waitFor();
  assert.equal(await searchbox(page).inputValue(), 'Nightclubs Bishkek');
  await assertResults(page, 'Nightclubs Bishkek', matching(issue.events, 'Nightclubs Bishkek'));
  await done();
});
