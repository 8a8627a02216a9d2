// The filters by the facts the importer read (drug, kind of event, months), as a reader
// uses them: by mouse and keyboard, in the address, combined with the tabs and the search,
// with their own empty state; and the note that the facts are read by rules.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BUNDLE, useBrowser, openPage, openViewer, viewerUrl, eventually, route, axeViolations, fixtureQuery, tabName,
  exactName, isFocused, viewerAddressOnly,
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
  await chip.waitFor();
  // textContent: innerText can read empty while the page is still laying the card out.
  const label = squash(await chip.textContent());
  assert.match(label, new RegExp(`${quantity.approximate ? '^≈ ' : '^'}[0-9,.]+ ${quantity.unit} · `), label);
  // Closed, the sentence is not shown; opened by keyboard, it is, with the words marked.
  const source = card.locator('.fact-source').first();
  assert.equal(await source.isVisible(), false);
  await chip.focus();
  await page.keyboard.press('Enter');
  await eventually(async () => {
    assert.ok(await card.locator('details[open] .fact-source').isVisible());
    assert.equal(squash(await card.locator('details[open] .fact-source strong').innerText()), squash(printed));
    assert.ok(paragraph.includes((await card.locator('details[open] .fact-source').innerText()).replace(/^“|”$/g, '').trim()));
  });
  await done();
});

test('charts of the events shown: inline SVG with a table of the same numbers, each a link to the events behind it', async (t) => {
  const { page, done } = await openPage(t);
  await openViewer(page);
  const toggle = page.getByRole('button', { name: 'Charts and downloads' });
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  const panel = page.locator('#insights');
  await panel.getByRole('heading', { name: `What the ${issue.events.length} events shown hold` }).waitFor();
  // Events per month by country: one month, one cell per country, as many as the release has.
  const months = panel.getByRole('table', { name: 'Events per month, by country' });
  const header = (await months.getByRole('columnheader').allTextContents()).map(squash);
  const counts = new Map();
  for (const event of issue.events) counts.set(event.country, (counts.get(event.country) ?? 0) + 1);
  assert.equal(header.length, counts.size + 2, header.join(' | '));
  const row = (await months.getByRole('row').nth(1).getByRole('cell').allTextContents()).map(squash);
  assert.equal(row.at(-1), String(issue.events.length));
  // Each chart is drawn, one bar per value above zero.
  const bars = panel.locator('figure').first().locator('svg rect');
  assert.equal(await bars.count(), counts.size);
  // Kinds: the table's count opens the events of that kind.
  const kinds = panel.getByRole('table', { name: 'Events by kind' });
  const prevention = kinds.getByRole('row').filter({ hasText: 'Prevention and awareness' }).getByRole('link');
  assert.equal(squash(await prevention.innerText()), String(ofKind('prevention').length));
  await prevention.click();
  await eventually(async () => {
    assert.equal(route(page).get('kind'), 'prevention');
    assert.deepEqual(await cardTitles(page), ofKind('prevention').map((event) => squash(event.title)));
  });
  await done();
});

test('a bar opens the events behind it', async (t) => {
  const { page, done } = await openPage(t);
  await openViewer(page);
  await page.getByRole('button', { name: 'Charts and downloads' }).click();
  const country = issue.events[0].country;
  // The first chart's bars stack the countries in code order; click the first country's.
  const codes = [...new Set(issue.events.map((event) => event.country))].sort();
  await page.locator('#insights figure').first().locator('svg a').first().click();
  await eventually(async () => {
    assert.equal(route(page).get('country'), codes[0]);
    assert.equal(route(page).get('scope'), 'all');
    assert.deepEqual(await cardTitles(page), issue.events.filter((event) => event.country === codes[0]).map((event) => squash(event.title)));
  });
  assert.ok(country);
  await done();
});

test('the events shown download as CSV (a row per event, a row per amount) and as a bundle the viewer opens', async (t) => {
  const { page, done } = await openPage(t);
  await openViewer(page, { hash: '#kind=prevention' });
  await page.getByRole('button', { name: 'Charts and downloads' }).click();
  const save = async (name) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
    const stream = await download.createReadStream();
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
  };
  const events = await save('CSV, a row per event');
  assert.equal(events.name, 'caricc-events.csv');
  const lines = events.text.split('\r\n').filter((line) => line !== '');
  assert.equal(lines.length, 1 + ofKind('prevention').length);
  assert.match(lines[0], /^id,release,year,/);
  for (const event of ofKind('prevention')) assert.ok(events.text.includes(event.id), event.id);
  const amounts = await save('CSV, a row per amount');
  assert.equal(amounts.name, 'caricc-amounts.csv');
  const expectedAmounts = ofKind('prevention').reduce((sum, event) => sum + (facts(event).quantities ?? []).length, 0);
  assert.equal(amounts.text.split('\r\n').filter((line) => line !== '').length, 1 + expectedAmounts);
  const json = await save('JSON bundle');
  const bundle = JSON.parse(json.text);
  assert.equal(bundle.format, 1);
  assert.deepEqual(bundle.issues.flatMap((release) => release.events.map((event) => event.id)), ofKind('prevention').map((event) => event.id));
  await done();
});

test('the charts read on a 360 px phone in dark mode and pass axe', async (t) => {
  const { page } = await openPage(t, { bypassCSP: true, colorScheme: 'dark', viewport: { width: 360, height: 800 } });
  await openViewer(page);
  await page.getByRole('button', { name: 'Charts and downloads' }).click();
  const svg = page.locator('#insights svg').first();
  const box = await svg.boundingBox();
  assert.ok(box.width <= 360 && box.width >= 280, `chart width ${box.width}`);
  // No horizontal scrolling of the page.
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
  assert.deepEqual(await axeViolations(page), []);
});

test('hostile facts stay text: markup in ids, places past their text, huge and broken amounts', viewerAddressOnly('a bundle no site is written from'), async (t) => {
  const { page, done } = await openPage(t);
  const dialogs = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await openViewer(page, { query: fixtureQuery('hostile-facts.json') });
  const chips = page.getByRole('list', { name: 'Facts read from the text' }).first().locator('summary');
  await chips.first().waitFor();
  const labels = (await chips.allTextContents()).map(squash);
  // The markup is shown as the text it is; a huge amount is written out; a place past the
  // text shows no sentence rather than a wrong one.
  assert.ok(labels.some((label) => label.includes('<img src=x onerror=alert("drug")>')), labels.join(' | '));
  assert.ok(labels.some((label) => label.startsWith('100,000,000,000,000,001,097,906,362,944,045')), labels.join(' | '));
  for (let index = 0; index < (await chips.count()); index += 1) await chips.nth(index).click();
  await page.getByLabel('Drug', { exact: true }).selectOption('heroin');
  await page.getByRole('button', { name: 'Charts and downloads' }).click();
  await page.locator('#insights').waitFor();
  await page.getByLabel('Drug', { exact: true }).selectOption('');
  // A kind this build does not know is counted under its id, as text.
  await page.getByRole('table', { name: 'Events by kind' }).getByText('<script>alert("kind")</script>').waitFor();
  assert.equal(await page.locator('#insights img, #insights script, .facts img, .facts b, .facts script').count(), 0);
  assert.deepEqual(dialogs, []);
  await done();
});
