// The filters by the facts the importer read (drug, kind of event, months), as a reader
// uses them: by mouse and keyboard, in the address, combined with the tabs and the search,
// with their own empty state; and the note that the facts are read by rules.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BUNDLE, useBrowser, openPage, openViewer, viewerUrl, eventually, route, axeViolations, fixtureQuery, tabName,
  exactName, isFocused,
} from './harness.mjs';

useBrowser();

const issue = BUNDLE.issues[0];
const facts = (event) => event.facts ?? {};
const naming = (drug) => issue.events.filter((event) => (facts(event).drugs ?? []).some((fact) => fact.drug === drug));
const ofKind = (kind) => issue.events.filter((event) => (facts(event).kinds ?? []).some((fact) => fact.kind === kind));
const squash = (text) => text.replace(/\s+/g, ' ').trim();

async function cardTitles(page) {
  return (await page.getByRole('tabpanel').getByRole('article').getByRole('heading', { level: 3 }).allTextContents()).map(squash);
}

test('the sample bundle has facts to filter by (the test would prove nothing otherwise)', () => {
  assert.ok(naming('precursors').length >= 1);
  assert.ok(ofKind('prevention').length >= 5 && ofKind('cooperation').length >= 1);
});

test('a drug filter lists the drugs with their counts, narrows the cards and the tabs, and is in the address', async (t) => {
  const { page, done } = await openPage(t);
  await openViewer(page);
  const drug = page.getByLabel('Drug', { exact: true });
  const options = (await drug.locator('option').allTextContents()).map(squash);
  assert.equal(options[0], 'All drugs');
  assert.ok(options.includes(`precursors (${naming('precursors').length})`), options.join(' | '));
  await drug.selectOption('precursors');
  await eventually(async () => {
    assert.equal(route(page).get('drug'), 'precursors');
    assert.deepEqual(await cardTitles(page), naming('precursors').map((event) => squash(event.title)));
    const all = page.getByRole('tab', { name: exactName(tabName('All', naming('precursors').length)) });
    assert.equal(await all.getAttribute('aria-selected'), 'true');
    assert.match(await page.getByRole('status').filter({ hasText: 'the filters.' }).innerText(), /^1 event matches the filters\.$/);
  });
  // The note says once that the facts are read by rules.
  assert.equal(await page.getByText('read from the media text automatically').count(), 1);
  // Back undoes the filter.
  await page.goBack();
  await eventually(async () => {
    assert.equal(route(page).get('drug'), null);
    assert.equal((await cardTitles(page)).length, issue.events.length);
  });
  await done();
});

test('filters combine with each other, with the country tabs and with the search', async (t) => {
  const { page, done } = await openPage(t);
  await openViewer(page, { hash: '#kind=prevention&country=ru' });
  const expected = ofKind('prevention').filter((event) => event.country === 'ru');
  await eventually(async () => assert.deepEqual(await cardTitles(page), expected.map((event) => squash(event.title))));
  // The kind's count says what choosing it would show with the country as it is.
  const kind = page.getByLabel('Kind of event');
  const cooperation = ofKind('cooperation').filter((event) => event.country === 'ru').length;
  assert.ok((await kind.locator('option').allTextContents()).map(squash).includes(`International cooperation (${cooperation})`));
  await page.getByLabel('Search events').fill('police');
  await eventually(async () => {
    const titles = await cardTitles(page);
    assert.ok(titles.length <= expected.length);
    assert.equal(route(page).get('q'), 'police');
    assert.equal(route(page).get('kind'), 'prevention');
  });
  await done();
});

test('the filters work from the keyboard', async (t) => {
  const { page, done } = await openPage(t);
  await openViewer(page);
  const kind = page.getByLabel('Kind of event');
  await kind.focus();
  assert.ok(await isFocused(kind));
  // The first choice after "All kinds" is the most frequent… in table order: the first kind listed.
  const first = await kind.locator('option').nth(1).getAttribute('value');
  await page.keyboard.press('ArrowDown');
  await eventually(async () => assert.equal(route(page).get('kind'), first));
  assert.deepEqual(await cardTitles(page), ofKind(first).map((event) => squash(event.title)));
  await done();
});

test('a choice with no events says so, and "Clear filters" brings every event back', async (t) => {
  const { page, done } = await openPage(t);
  await openViewer(page, { hash: '#drug=cocaine' });
  await page.getByText('No events match these filters.').waitFor();
  assert.deepEqual(await cardTitles(page), []);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await eventually(async () => {
    assert.equal(route(page).get('drug'), null);
    assert.equal((await cardTitles(page)).length, issue.events.length);
  });
  assert.equal(await page.getByRole('button', { name: 'Clear filters' }).count(), 0);
  await done();
});

test('across all releases a range of months narrows the releases', async (t) => {
  const { page, done } = await openPage(t);
  await page.goto(viewerUrl({ query: fixtureQuery('two-releases.json'), hash: '#kind=cooperation&scope=all' }));
  await page.getByRole('tabpanel').waitFor();
  const from = page.getByLabel('From', { exact: true });
  assert.equal(await from.getAttribute('min'), '2025-08');
  await eventually(async () => assert.equal((await cardTitles(page)).length, ofKind('cooperation').length));
  await from.fill('2025-09');
  await from.dispatchEvent('change');
  await eventually(async () => {
    assert.equal(route(page).get('from'), '2025-09');
    assert.deepEqual(await cardTitles(page), []);
  });
  await done();
});

test('the filters pass axe in both colour schemes', async (t) => {
  for (const colorScheme of ['light', 'dark']) {
    const { page } = await openPage(t, { bypassCSP: true, colorScheme });
    await openViewer(page, { hash: '#drug=precursors' });
    await page.getByLabel('Drug', { exact: true }).waitFor();
    assert.deepEqual(await axeViolations(page), [], colorScheme);
  }
});

test('a card shows its drugs and amounts as chips, each opening on the sentence it was read in', async (t) => {
  const { page, done } = await openPage(t);
  const event = issue.events.find((candidate) => (facts(candidate).quantities ?? []).some((quantity) => quantity.drug));
  assert.ok(event, 'the sample has an amount of a named drug');
  await openViewer(page, { hash: `#country=${event.country}` });
  const card = page.getByRole('article').filter({ has: page.getByRole('heading', { name: squash(event.title) }) });
  const chips = card.getByRole('list', { name: 'Facts read from the text' });
  const quantity = facts(event).quantities.find((candidate) => candidate.drug);
  const paragraph = event.paragraphs[quantity.at.p];
  const printed = [...paragraph].slice(quantity.at.from, quantity.at.to).join('');
  const chip = chips.locator('summary').filter({ hasText: /precursors|·/ }).first();
  const label = squash(await chip.innerText());
  assert.match(label, new RegExp(`${quantity.approximate ? '^≈ ' : '^'}[0-9,.]+ ${quantity.unit} · `), label);
  // Closed, the sentence is not shown; opened by keyboard, it is, with the words marked.
  const source = card.locator('.fact-source').first();
  assert.equal(await source.isVisible(), false);
  await chip.focus();
  await page.keyboard.press('Enter');
  await eventually(async () => {
    assert.ok(await card.locator('details[open] .fact-source').isVisible());
    assert.equal(squash(await card.locator('details[open] .fact-source mark').innerText()), squash(printed));
    assert.ok(paragraph.includes((await card.locator('details[open] .fact-source').innerText()).replace(/^“|”$/g, '').trim()));
  });
  await done();
});
