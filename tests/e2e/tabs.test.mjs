// Country tabs, as the WAI-ARIA tabs pattern has them: by mouse, by keyboard, through the
// browser's history, and the keyboard-only path through the page.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BUNDLE, useBrowser, openPage, openViewer, eventually, route, isFocused, countsByCountry,
  countryName, exactName, tabName, literal, AT_SITE,
} from './harness.mjs';

useBrowser();

const issue = BUNDLE.issues[0];
const counts = countsByCountry(issue);
/** The tabs a reader should see, in order: "All" then each country as the release prints them. */
const TABS = [
  { code: null, name: tabName('All', issue.events.length), events: issue.events },
  ...[...counts].map(([code, count]) => ({
    code,
    name: tabName(countryName(code), count),
    events: issue.events.filter((e) => e.country === code),
  })),
];
const squash = (text) => text.replace(/\s+/g, ' ').trim();

/** Asserts that `expected` is the one selected tab, and the panel shows its events. */
async function assertSelected(page, expected) {
  await eventually(async () => {
    const tabs = page.getByRole('tablist', { name: 'Countries' }).getByRole('tab');
    const selected = [];
    for (let index = 0; index < (await tabs.count()); index += 1) {
      if ((await tabs.nth(index).getAttribute('aria-selected')) === 'true') selected.push(squash(await tabs.nth(index).innerText()));
    }
    assert.deepEqual(selected, [expected.name]);
    const panel = page.getByRole('tabpanel');
    assert.match(squash(await panel.evaluate((p) => document.getElementById(p.getAttribute('aria-labelledby'))?.textContent ?? '')), exactName(expected.name));
    const titles = (await panel.getByRole('article').getByRole('heading', { level: 3 }).allTextContents()).map(squash);
    assert.deepEqual(titles, expected.events.map((e) => squash(e.title)));
    assert.equal(route(page).get('country'), expected.code);
  });
}

test('"All" and one tab per country, named in full with its number of events', async (t) => {
  const { page, done } = await openPage(t);
  await openViewer(page);
  const tablist = page.getByRole('tablist', { name: 'Countries' });
  const names = (await tablist.getByRole('tab').allInnerTexts()).map(squash);
  assert.deepEqual(names, TABS.map((tab) => tab.name));
  for (const tab of TABS) await tablist.getByRole('tab', { name: exactName(tab.name) }).waitFor();

  // Each tab controls the one panel, and only the selected tab is in the Tab order.
  const tabs = tablist.getByRole('tab');
  for (let index = 0; index < TABS.length; index += 1) {
    const controls = await tabs.nth(index).getAttribute('aria-controls');
    assert.equal(controls, await page.getByRole('tabpanel').getAttribute('id'));
    assert.equal(await tabs.nth(index).getAttribute('tabindex'), index === 0 ? '0' : '-1');
  }
  await assertSelected(page, TABS[0]);
  await done();
});

test('clicking a country tab shows that country’s events, and "All" shows them all', async (t) => {
  const { page, done } = await openPage(t);
  await openViewer(page);
  for (const tab of [...TABS.slice(1), TABS[0]]) {
    await page.getByRole('tab', { name: exactName(tab.name) }).click();
    await assertSelected(page, tab);
    assert.equal(await page.getByRole('tabpanel').getByRole('article').count(), tab.events.length);
  }
  await done();
});

test('arrow keys, Home and End move focus along the tabs and select them', async (t) => {
  const { page, done } = await openPage(t);
  await openViewer(page);
  const tab = (index) => page.getByRole('tab', { name: exactName(TABS[index].name) });
  const last = TABS.length - 1;

  await tab(0).focus();
  for (const [key, index] of [
    ['ArrowRight', 1],
    ['ArrowRight', 2],
    ['ArrowLeft', 1],
    ['End', last],
    ['ArrowRight', 0], // wraps from the last to the first
    ['ArrowLeft', last], // and back
    ['Home', 0],
  ]) {
    await page.keyboard.press(key);
    await eventually(async () => assert.ok(await isFocused(tab(index)), `${key} focuses “${TABS[index].name}”`));
    await assertSelected(page, TABS[index]);
    assert.equal(await tab(index).getAttribute('tabindex'), '0');
  }

  // Tab leaves the tab list for the panel.
  await page.keyboard.press('End');
  await assertSelected(page, TABS[last]);
  await page.keyboard.press('Tab');
  await eventually(async () => assert.ok(await isFocused(page.getByRole('tabpanel')), 'Tab moves into the tab panel'));
  await done();
});

test('Back and Forward move between the tabs clicked; a reload keeps the tab', async (t) => {
  const { page, done } = await openPage(t);
  await openViewer(page);
  await page.getByRole('tab', { name: exactName(TABS[2].name) }).click();
  await assertSelected(page, TABS[2]);
  await page.getByRole('tab', { name: exactName(TABS[last(TABS)].name) }).click();
  await assertSelected(page, TABS[last(TABS)]);

  await page.goBack({ waitUntil: 'commit' });
  await assertSelected(page, TABS[2]);
  await page.goBack({ waitUntil: 'commit' });
  await assertSelected(page, TABS[0]);
  await page.goForward({ waitUntil: 'commit' });
  await assertSelected(page, TABS[2]);

  await page.reload();
  await page.getByRole('tabpanel').waitFor();
  await assertSelected(page, TABS[2]);
  await done();
});

function last(list) {
  return list.length - 1;
}

test('a link to a country opens its tab; the contents link to the tabs', async (t) => {
  const { page, done } = await openPage(t);
  await openViewer(page, { hash: `#country=${TABS[1].code}` });
  await assertSelected(page, TABS[1]);

  for (const entry of issue.contents.filter((e) => e.country)) {
    const contents = page.getByRole('region', { name: 'Contents' });
    const link = contents.getByRole('link', { name: new RegExp(literal(entry.title), 'i') })
      .or(contents.getByRole('link', { name: countryName(entry.country) }));
    await link.first().click();
    await assertSelected(page, TABS.find((tab) => tab.code === entry.country));
  }
  await done();
});

test('keyboard only: every stop shows its focus, and the tabs and cards work by keys', async (t) => {
  const { page, done } = await openPage(t);
  await openViewer(page);
  const selected = page.getByRole('tab', { selected: true });

  // Tab from the top of the page to the tab list, checking each stop is visibly focused.
  const stops = [];
  for (let step = 0; step < 60 && !(await isFocused(selected)); step += 1) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const element = document.activeElement;
      const style = getComputedStyle(element);
      const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
      return {
        what: `${element.tagName.toLowerCase()} “${(element.textContent || element.getAttribute('aria-label') || element.id).trim().slice(0, 30)}”`,
        visible: outlined || style.boxShadow !== 'none',
      };
    });
    stops.push(stop);
  }
  assert.ok(await isFocused(selected), `Tab reaches the selected tab (stops: ${stops.map((s) => s.what).join(', ')})`);
  const unmarked = stops.filter((stop) => !stop.visible).map((stop) => stop.what);
  assert.deepEqual(unmarked, [], 'every focused element shows a focus outline');
  // The site's pages go from release to release by the links of their navigation.
  assert.ok(stops.some((stop) => stop.what.startsWith(AT_SITE ? 'a ' : 'select')), 'the release picker is on the way');
  assert.ok(stops.some((stop) => stop.what.startsWith('input')), 'the search box is on the way');

  // Into a country, then the panel, then the first card's control to open it.
  await page.keyboard.press('ArrowRight');
  await assertSelected(page, TABS[1]);
  await page.keyboard.press('Tab');
  await eventually(async () => assert.ok(await isFocused(page.getByRole('tabpanel'))));
  const card = page.getByRole('tabpanel').getByRole('article').first();
  if (AT_SITE) {
    // A site page shows every card in full: Tab reaches the card's own controls.
    const copy = card.getByRole('button', { name: 'Copy citation' });
    for (let step = 0; step < 6 && !(await isFocused(copy)); step += 1) await page.keyboard.press('Tab');
    assert.ok(await isFocused(copy), 'Tab reaches the first card’s “Copy citation”');
    for (const paragraph of TABS[1].events[0].paragraphs) assert.ok(await card.locator(".event-text").getByText(paragraph).isVisible());
    return done();
  }
  const expand = card.getByRole('button', { name: 'Show full text' });
  // Past the card's source links, if they come first.
  for (let step = 0; step < 6 && !(await isFocused(expand)); step += 1) await page.keyboard.press('Tab');
  assert.ok(await isFocused(expand), 'Tab reaches the first card’s “Show full text”');
  await page.keyboard.press('Enter');
  await eventually(async () => assert.equal(await card.getByRole('button', { name: 'Show less' }).getAttribute('aria-expanded'), 'true'));
  assert.ok(await isFocused(card.getByRole('button', { name: 'Show less' })), 'focus stays on the control');
  for (const paragraph of TABS[1].events[0].paragraphs) assert.ok(await card.locator(".event-text").getByText(paragraph).isVisible());
  await page.keyboard.press('Space');
  await card.getByRole('button', { name: 'Show full text' }).waitFor();
  await done();
});
