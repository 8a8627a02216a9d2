// A chunked archive (manifest, one file per release, search index shards) read as a
// reader would: the first release arrives alone, others when asked for, and a search of
// every release reads the index and then only the releases that may match, finding what
// the same archive as one file finds.

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { rmSync, mkdirSync, cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  root, archives, useBrowser, openPage, openViewer, viewerUrl, eventually, route, axeViolations, tabName, exactName,
} from './harness.mjs';

useBrowser();

const caricc = path.join(root, 'target/release/caricc');
// More than the 50 releases a search across the archive reads at a time.
const RELEASES = 70;
const archiveQuery = (name) => `?bundle=${encodeURIComponent(`../archives/${name}/manifest.json`)}`;
/** Every release (both manifests), and the first manifest alone. */
let manifest;
let newestYear;
let bundle;

before(() => {
  rmSync(archives, { recursive: true, force: true });
  mkdirSync(archives, { recursive: true });
  const single = path.join(archives, 'whole.json');
  execFileSync(caricc, ['synth', String(RELEASES), '--seed', '7', '-o', single], { stdio: 'pipe' });
  execFileSync(caricc, ['split', single, '-o', path.join(archives, 'chunked')], { stdio: 'pipe' });
  // The manifest lists the newest year's releases and names a second one with the rest.
  const read = (name) => JSON.parse(readFileSync(path.join(archives, 'chunked', name), 'utf8'));
  newestYear = read('manifest.json');
  assert.equal(newestYear.older, 'manifest-older.json');
  manifest = { ...newestYear, releases: [...newestYear.releases, ...read(newestYear.older).releases] };
  bundle = JSON.parse(readFileSync(single, 'utf8'));
  // The same archive with its newest release's file gone from the server.
  cpSync(path.join(archives, 'chunked'), path.join(archives, 'broken'), { recursive: true });
  rmSync(path.join(archives, 'broken', newest('en').file));
  // And with its older releases' manifest gone.
  cpSync(path.join(archives, 'chunked'), path.join(archives, 'no-older'), { recursive: true });
  rmSync(path.join(archives, 'no-older', 'manifest-older.json'));
});

/** Holds back the older releases' manifest of archive `name` until the returned function is called. */
async function holdOlderManifest(page, name = 'chunked') {
  let release;
  const gate = new Promise((resolve) => (release = resolve));
  await page.route(`**/archives/${name}/manifest-older.json`, async (route) => {
    await gate;
    await route.continue();
  });
  return release;
}

/** The manifest entry the viewer opens first for a reader of `lang`. */
function newest(lang) {
  const key = (entry) => entry.year * 100 + entry.number;
  const top = Math.max(...manifest.releases.map(key));
  const versions = manifest.releases.filter((entry) => key(entry) === top);
  return versions.find((entry) => entry.lang === lang) ?? versions[0];
}

/** Paths (below /archives/) the page asked the server for. */
function archiveRequests(page) {
  const seen = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/archives/')) seen.push(pathname.replace(/^\/archives\/[^/]+\//, ''));
  });
  return seen;
}

const titles = async (page) =>
  (await page.getByRole('tabpanel').getByRole('article').getByRole('heading', { level: 3 }).allTextContents()).map((t) =>
    t.replace(/\s+/g, ' ').trim());

test("the first release arrives alone: the newest year's manifest, then one release file", async (t) => {
  // CSP bypassed for axe-core's script only.
  const { page, done } = await openPage(t, { bypassCSP: true });
  const requests = archiveRequests(page);
  const releaseOlder = await holdOlderManifest(page);
  await openViewer(page, { query: archiveQuery('chunked') });
  const first = newest('en');
  await page.getByRole('article').first().waitFor();
  // The older releases' manifest is asked for once the release on screen is here.
  await eventually(() => assert.deepEqual(requests, ['manifest.json', first.file, 'manifest-older.json']));
  const expected = first.events;
  await page.getByRole('tab', { name: exactName(tabName('All', expected)) }).waitFor();
  // The picker lists the releases of the year on screen, though only one is here, and one
  // entry for each other year once the older releases' manifest is here.
  const picker = page.getByRole('combobox', { name: 'Release' });
  const options = async () => (await picker.locator('option').allTextContents()).map((text) => text.trim());
  const releasesOf = (year) => new Set(manifest.releases.filter((e) => e.year === year).map((e) => e.number)).size;
  const otherYears = [...new Set(manifest.releases.map((e) => e.year))].filter((year) => year !== first.year);
  assert.ok(otherYears.length > 0, 'the fixture spans several years');
  assert.ok(newestYear.releases.every((e) => e.year === first.year), 'the first manifest is one year');
  assert.equal((await options()).length, releasesOf(first.year), 'no other year before the older manifest');
  releaseOlder();
  await eventually(async () => {
    const listed = await options();
    assert.equal(listed.filter((text) => text.startsWith('#')).length, releasesOf(first.year));
    assert.deepEqual(listed.filter((text) => !text.startsWith('#')), otherYears.sort((a, b) => b - a).map(String));
  });
  assert.equal(requests.length, 3, 'nothing else was fetched');
  // The site's offline edition holds the site's own bundle, not this archive: not offered.
  assert.equal(await page.getByRole('link', { name: 'Download for offline reading' }).count(), 0);
  assert.deepEqual(await axeViolations(page), []);
  await done();
});

test('another release is fetched when picked, and an event link opens its release', async (t) => {
  const { page, done } = await openPage(t);
  const requests = archiveRequests(page);
  await openViewer(page, { query: archiveQuery('chunked') });
  const older = manifest.releases.filter((e) => e.lang === 'en').at(-1);
  const picker = page.getByRole('combobox', { name: 'Release' });
  // Its year first (that opens the year's newest release), then the release itself.
  await picker.selectOption({ label: String(older.year) });
  await picker.locator(`option[value="${older.year}-${older.number}"]`).waitFor({ state: 'attached' });
  await picker.selectOption(`${older.year}-${older.number}`);
  await eventually(() => assert.ok(requests.includes(older.file)));
  await page.getByRole('heading', { level: 1, name: `Information Release #${older.number}` }).waitFor();
  await page.getByRole('tabpanel').getByRole('article').first().waitFor();

  // A link straight to an event of a release not fetched yet, in a new tab.
  const skip = new Set([older.file, newest('en').file]);
  const issue = bundle.issues.find((i) => i.lang === 'en' && !skip.has(`releases/${i.year}-${String(i.number).padStart(2, '0')}-en.json`));
  const event = issue.events[3];
  const linked = await page.context().newPage();
  await linked.goto(viewerUrl({ query: archiveQuery('chunked'), hash: `#event=${encodeURIComponent(event.id)}` }));
  const card = linked.locator(`[id="event-${event.id}"]`);
  await card.waitFor();
  assert.equal(await linked.getByRole('button', { name: 'Show less' }).count(), 1, 'the linked event is open');
  assert.equal(await linked.locator('.notice').count(), 0, 'no “not found” notice while it was on its way');
  await done();
});

test('a link to a release of an older year waits for the older manifest, then opens it', async (t) => {
  const { page, done } = await openPage(t, { bypassCSP: true });
  const releaseOlder = await holdOlderManifest(page);
  const older = manifest.releases.filter((e) => e.lang === 'en' && e.year < newest('en').year).at(-1);
  await page.goto(viewerUrl({ query: archiveQuery('chunked'), hash: `#release=${older.year}-${older.number}` }));
  // Not “not found”, and not the newest release either: loading.
  await page.getByRole('status').filter({ hasText: 'Loading releases…' }).waitFor();
  assert.equal(await page.locator('.notice').count(), 0);
  assert.equal(await page.getByRole('heading', { level: 1, name: /^Information Release #/ }).count(), 0);
  assert.deepEqual(await axeViolations(page), []);
  releaseOlder();
  await page.getByRole('heading', { level: 1, name: `Information Release #${older.number}` }).waitFor();
  await page.getByRole('tabpanel').getByRole('article').first().waitFor();
  assert.match(await page.getByRole('combobox', { name: 'Release' }).inputValue(), new RegExp(`^${older.year}-${older.number}$`));
  assert.equal(await page.locator('.notice').count(), 0);

  // A release in neither manifest is reported once both are here.
  await page.goto(viewerUrl({ query: archiveQuery('chunked'), hash: '#release=1990-3' }));
  await page.getByText('Release 1990-3 is not in this bundle', { exact: false }).waitFor();
  await done();
});

test('a search of every release waits for the older manifest before reading the index', async (t) => {
  const { page, done } = await openPage(t);
  const requests = archiveRequests(page);
  const releaseOlder = await holdOlderManifest(page);
  await page.goto(viewerUrl({ query: archiveQuery('chunked'), hash: '#q=police&scope=all' }));
  await page.getByText('Looking up which releases may hold these words…', { exact: true }).waitFor();
  await page.getByRole('tabpanel').getByRole('article').first().waitFor();
  assert.deepEqual(requests.filter((r) => r.startsWith('search/')), [], 'no shard before every release is listed');
  assert.equal(await page.getByText(/^No events match/).count(), 0);
  releaseOlder();
  await eventually(() => assert.ok(requests.some((r) => r.startsWith('search/'))));
  await page.getByText(/^Showing matches in the newest 50 of the \d+ releases that may hold these words\.$/).waitFor({ timeout: 15_000 });
  await done();
});

test("an older releases' manifest that is missing is reported, naming it, and the newest year stays", async (t) => {
  const { page, errors } = await openPage(t);
  await page.goto(viewerUrl({ query: archiveQuery('no-older') }));
  await page.getByRole('tabpanel').getByRole('article').first().waitFor();
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /manifest-older\.json.*404/);
  assert.equal(await page.getByRole('heading', { level: 1, name: `Information Release #${newest('en').number}` }).count(), 1);
  assert.ok(errors.every((e) => /404/.test(e)), errors.join('\n'));
});

test('a search of every release finds what the single file finds, reading only candidate releases', async (t) => {
  for (const query of ['police', 'наркотик', 'almaty']) {
    const whole = await openPage(t);
    await whole.page.goto(viewerUrl({
      query: `?bundle=${encodeURIComponent('../archives/whole.json')}`,
      hash: `#q=${encodeURIComponent(query)}&scope=all`,
    }));
    await whole.page.getByRole('tabpanel').getByRole('article').first().waitFor();
    const expectedTab = await whole.page.getByRole('tab').first().innerText();
    const expectedTitles = await titles(whole.page);

    const chunked = await openPage(t, { bypassCSP: true });
    const requests = archiveRequests(chunked.page);
    await chunked.page.goto(viewerUrl({ query: archiveQuery('chunked'), hash: `#q=${encodeURIComponent(query)}&scope=all` }));
    // Read every release that may match, 50 at a time.
    const more = chunked.page.getByRole('button', { name: /^Search \d+ more releases?$/ });
    await eventually(async () => {
      if (await more.count()) await more.click();
      assert.equal(await chunked.page.getByRole('tab').first().innerText(), expectedTab, query);
      assert.deepEqual(await titles(chunked.page), expectedTitles, query);
    }, 20_000);
    assert.ok(requests.some((r) => r.startsWith('search/')), 'the index was read');
    const releases = requests.filter((r) => r.startsWith('releases/'));
    assert.equal(new Set(releases).size, releases.length, 'no release fetched twice');
    assert.deepEqual(await axeViolations(chunked.page), []);
    await chunked.done();
    await whole.done();
  }
});

test('a search that may match more than 50 releases reads the newest 50, then more when asked', async (t) => {
  const whole = await openPage(t);
  await whole.page.goto(viewerUrl({ query: `?bundle=${encodeURIComponent('../archives/whole.json')}`, hash: '#q=police&scope=all' }));
  await whole.page.getByRole('tabpanel').getByRole('article').first().waitFor();
  const expectedTab = await whole.page.getByRole('tab').first().innerText();

  const { page, done } = await openPage(t);
  const requests = archiveRequests(page);
  await page.goto(viewerUrl({ query: archiveQuery('chunked'), hash: '#q=police&scope=all' }));
  const partial = page.getByText(/^Showing matches in the newest 50 of the \d+ releases that may hold these words\.$/);
  await partial.waitFor({ timeout: 15_000 });
  const releases = () => requests.filter((r) => r.startsWith('releases/')).length;
  // The release on screen, and the newest 50 that may match (it is one of them).
  assert.ok(releases() <= 51, `${releases()} release files read`);
  const more = page.getByRole('button', { name: /^Search \d+ more releases?$/ });
  await more.click();
  await eventually(async () => {
    assert.equal(await page.getByRole('tab').first().innerText(), expectedTab);
    assert.equal(await more.count(), 0);
  }, 15_000);
  await done();
  await whole.done();
});

test('a word the index cannot narrow says so; a word in no release reads no release', async (t) => {
  const { page, done } = await openPage(t);
  const requests = archiveRequests(page);
  await openViewer(page, { query: archiveQuery('chunked'), hash: '#q=zqxwv&scope=all' });
  await page.getByText('No events match this search in any release').waitFor();
  assert.deepEqual(requests.filter((r) => r.startsWith('releases/')), [newest('en').file]);
  await page.getByRole('searchbox', { name: 'Search events' }).fill('kg');
  await page.getByText('type a word of at least three letters').waitFor();
  await eventually(() => assert.equal(route(page).get('q'), 'kg'));
  await done();
});

test('a release file that is missing is reported, naming it', async (t) => {
  const { page, errors } = await openPage(t);
  await page.goto(viewerUrl({ query: archiveQuery('broken') }));
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), new RegExp(`${newest('en').file}.*404`));
  // The browser logs the failed request itself; nothing else may go wrong.
  assert.ok(errors.every((e) => /404/.test(e)), errors.join('\n'));
});

test('a manifest opened as a file is refused with a message', async (t) => {
  const { page, done } = await openPage(t);
  await openViewer(page);
  await page.locator('input[type=file]').setInputFiles(path.join(archives, 'chunked/manifest.json'));
  await page.getByText('is the manifest of an archive kept in separate files').waitFor();
  await done();
});

test('while the index is read, the count says nothing rather than “no events match”', async (t) => {
  const { page, done } = await openPage(t);
  let release;
  const gate = new Promise((resolve) => (release = resolve));
  // Nothing found yet: the index shards and the release files (the one on screen too, whose
  // matches would count as found so far) are held back.
  for (const held of ['search', 'releases']) {
    await page.route(`**/archives/chunked/${held}/**`, async (route) => {
      await gate;
      await route.continue();
    });
  }
  await page.goto(viewerUrl({ query: archiveQuery('chunked'), hash: '#q=police&scope=all' }));
  await page.getByText('Looking up which releases may hold these words…', { exact: true }).waitFor();
  const count = page.locator('[role=status].result-count');
  assert.equal((await count.textContent()).trim(), '', 'no count while the index is read');
  assert.equal(await page.getByText(/^No events match/).count(), 0);
  release();
  await eventually(async () => assert.match(await count.textContent(), /^\d[\d,]* events? match “police” in all releases\.$/));
  await done();
});

test('filters across the archive say they reach only the releases opened so far', async (t) => {
  const { page, done } = await openPage(t);
  await page.goto(viewerUrl({ query: archiveQuery('chunked'), hash: '#drug=heroin&scope=all' }));
  const releases = new Set(manifest.releases.map((entry) => `${entry.year}-${entry.number}`)).size;
  const status = page.getByRole('status').filter({ hasText: 'The filters reach' });
  await eventually(async () => {
    assert.match(
      await status.innerText(),
      new RegExp(`^The filters reach the (release|\\d+ releases) opened so far of the archive's ${releases}: type words to search every release\\.$`),
    );
  }, 10_000);
  assert.equal(route(page).get('drug'), 'heroin');
  await done();
});
