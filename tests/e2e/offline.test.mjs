// Reading without the server: a bundle file opened or dropped on the page, the copy the
// service worker keeps after a visit, and the single-file offline edition from file://.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  BUNDLE, dist, useBrowser, openPage, openViewer, state, eventually, route, exactName, tabName,
} from './harness.mjs';
import { FIXTURES, russianRelease } from './fixtures.mjs';

useBrowser();

const issue = BUNDLE.issues[0];
const russian = russianRelease(BUNDLE);
const served = FIXTURES(BUNDLE);
const heading = (page, number) => page.getByRole('main').getByRole('heading', { level: 1, name: `Information Release #${number}` });
const file = (name) => ({ name, mimeType: 'application/json', buffer: Buffer.from(served[name]) });

test('“Open bundle…” reads a bundle file from the reader’s computer', async (t) => {
  const { page, done } = await openPage(t);
  await openViewer(page);
  await heading(page, issue.number).waitFor();

  // A broken file: the release on screen stays, and an alert says what is wrong and where.
  const open = page.getByLabel('Open bundle…');
  await open.setInputFiles(file('invalid-title.json'));
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /invalid-title\.json/);
  assert.match(await alert.innerText(), /\$\.issues\[0\]\.events\[3\]\.title/);
  await heading(page, issue.number).waitFor();

  // A good one replaces the bundle; the newest of its releases opens, and the alert goes.
  await open.setInputFiles(file('two-releases.json'));
  await heading(page, russian.number).waitFor();
  await eventually(async () => assert.equal(await page.getByRole('alert').count(), 0));
  await page.getByRole('banner').getByText(/two-releases\.json/).waitFor();
  const options = await page.getByRole('combobox', { name: 'Release' }).locator('option').count();
  assert.equal(options, 2);
  await page.getByRole('tab', { name: exactName(tabName('All', russian.events.length)) }).waitFor();
  await done();
});

test('a bundle file dropped on the page opens like one chosen', async (t) => {
  const { page, done } = await openPage(t);
  await openViewer(page);
  await page.evaluate((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
    const target = document.querySelector('main');
    for (const type of ['dragenter', 'dragover', 'drop']) {
      target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
    }
  }, served['two-releases.json']);
  await heading(page, russian.number).waitFor();
  await page.getByRole('banner').getByText(/dropped\.json/).waitFor();
  await done();
});

test('after one visit, the viewer opens without the server and says the copy may be out of date', async (t) => {
  const { page, done } = await openPage(t, { serviceWorkers: 'allow' });
  await openViewer(page, { hash: '#country=kz' });
  // The worker has saved the page, its files and the bundle, and controls the page.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await eventually(async () => assert.ok(await page.evaluate(() => Boolean(navigator.serviceWorker.controller))), 10_000);

  state.down = true;
  await page.reload();
  await heading(page, issue.number).waitFor();
  await page.getByRole('banner').getByText(/out of date/).waitFor();
  // Still a working viewer: the tab from the link, and search.
  assert.match(await page.getByRole('tab', { selected: true }).innerText(), /^Kazakhstan/);
  await page.getByRole('searchbox', { name: 'Search events' }).fill('police');
  await page.getByRole('status').filter({ hasText: /police/ }).waitFor();
  assert.equal(route(page).get('q'), 'police');
  await done();
});

const offlineEdition = path.join(dist, 'caricc-releases.html');

test('the single-file offline edition opens from file:// and works', async (t) => {
  assert.ok(existsSync(offlineEdition), 'dist/caricc-releases.html is built by scripts/build.sh');
  const { page, done } = await openPage(t);
  const requested = [];
  page.on('request', (request) => requested.push(request.url()));
  const event = issue.events.find((e) => e.paragraphs.length > 1);
  await page.goto(`${pathToFileURL(offlineEdition).href}#event=${event.id}`);
  await heading(page, issue.number).waitFor();
  await page.getByRole('banner').getByText(/Offline edition/).waitFor();
  const card = page.getByRole('article', { name: exactName(event.title) });
  await card.getByRole('button', { name: 'Show less' }).waitFor();
  await page.getByRole('tab', { name: /^Russia/ }).click();
  await eventually(() => assert.equal(route(page).get('country'), 'ru'));
  await page.goBack({ waitUntil: 'commit' });
  await eventually(async () => assert.match(await page.getByRole('tab', { selected: true }).innerText(), /^All/));
  // Search works from the file too, Cyrillic-aware folding included.
  await page.getByRole('searchbox', { name: 'Search events' }).fill('NIGHTCLUBS');
  await page.getByRole('status').filter({ hasText: /1 event matches/ }).waitFor();
  await page.getByRole('article').locator('mark').first().waitFor();
  // Printing shows every paragraph and no controls, as on the site.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByRole('tablist').isVisible(), false);
  await page.emulateMedia({ media: 'screen' });
  // Another bundle file opens from the offline edition too.
  // (The link on screen names release #15, which that bundle also has, so #15 stays.)
  await page.getByLabel('Open bundle…').setInputFiles(file('two-releases.json'));
  await page.getByRole('banner').getByText(/two-releases\.json/).waitFor();
  assert.equal(await page.getByRole('combobox', { name: 'Release' }).locator('option').count(), 2);
  await heading(page, issue.number).waitFor();
  // Everything came from the one file: nothing was asked of any server.
  assert.deepEqual(requested.filter((url) => !url.startsWith('file:') && !url.startsWith('data:')), []);
  await done();
});
