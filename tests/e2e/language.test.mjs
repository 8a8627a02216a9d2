// Russian and English: the interface follows the browser's language, the switcher, and
// links; a release in both languages is shown in the reader's, with a note when it is not.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  BUNDLE, useBrowser, openPage, openViewer, eventually, route, fixtureQuery, axeViolations, AT_SITE,
  viewerAddressOnly,
} from './harness.mjs';

useBrowser();

const issue = BUNDLE.issues[0];
const bilingual = { query: fixtureQuery('bilingual.json') };

test('a Russian browser gets the Russian interface, and the release in Russian when the bundle has it', viewerAddressOnly('a site page is in its address\'s language (ru/… for Russian), not the browser\'s'), async (t) => {
  // axe-core is injected inline, which the page's CSP forbids; other tests keep the CSP on.
  const { page, done } = await openPage(t, { locale: 'ru-RU', bypassCSP: true });
  await openViewer(page, { ...bilingual, hash: '#release=2025-15' });
  await page.getByRole('heading', { level: 1, name: 'Информационный бюллетень №15' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ru');
  await page.getByRole('searchbox', { name: 'Поиск по событиям' }).waitFor();
  await page.getByRole('tab', { name: /^Казахстан 4 события$/ }).waitFor();
  // The Russian version of #15, one entry per release in the picker.
  const first = page.getByRole('article').first();
  assert.match(await first.getByRole('heading', { level: 3 }).innerText(), /^ПО-РУССКИ: /);
  assert.equal(await first.getAttribute('lang'), 'ru');
  assert.equal(await page.getByRole('combobox', { name: 'Выпуск' }).locator('option').count(), 2);
  // A Latin word finds its Cyrillic spelling (release #16 mentions «Алматы»).
  await page.getByRole('combobox', { name: 'Выпуск' }).selectOption('2025-16');
  await page.getByRole('searchbox', { name: 'Поиск по событиям' }).fill('Almaty');
  await page.getByRole('article').locator('mark', { hasText: 'Алматы' }).first().waitFor();
  await page.getByRole('searchbox', { name: 'Поиск по событиям' }).fill('');
  await page.getByRole('combobox', { name: 'Выпуск' }).selectOption('2025-15');
  // Cyrillic search, any case, ё as е.
  await page.getByRole('searchbox', { name: 'Поиск по событиям' }).fill('ПО-РУССКИ');
  await page.getByRole('status').filter({ hasText: /найдено/ }).waitFor();
  assert.deepEqual(await axeViolations(page), []);
  await done();
});

test('the switcher changes the interface, goes into the link and is remembered', viewerAddressOnly('a site page switches language by links to the other page (site.test.mjs)'), async (t) => {
  const { page, done } = await openPage(t, { locale: 'ru-RU' });
  await openViewer(page);
  await page.getByRole('heading', { level: 1, name: `Информационный бюллетень №${issue.number}` }).waitFor();
  // The embedded bundle is English only: the page says the release is shown in English.
  await page.getByText('Этого выпуска нет на русском языке; он показан на языке: English.').waitFor();
  assert.equal(await page.getByRole('article').first().getAttribute('lang'), 'en');

  await page.getByRole('combobox', { name: 'Язык' }).selectOption('en');
  await page.getByRole('heading', { level: 1, name: `Information Release #${issue.number}` }).waitFor();
  assert.equal(route(page).get('lang'), 'en');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await page.getByRole('searchbox', { name: 'Search events' }).waitFor();
  assert.equal(await page.getByText(/Этого выпуска нет/).count(), 0);

  // A reload keeps it (the link); so does a visit without lang= (the stored choice).
  await page.reload();
  await page.getByRole('heading', { level: 1, name: `Information Release #${issue.number}` }).waitFor();
  await openViewer(page);
  await page.getByRole('heading', { level: 1, name: `Information Release #${issue.number}` }).waitFor();
  await done();
});

test('a link with lang=ru opens in Russian in an English browser, and an error is in Russian too', async (t) => {
  const { page, done } = await openPage(t, { bypassCSP: true });
  await openViewer(page, { hash: '#lang=ru&country=kg' });
  await page.getByRole('tab', { name: /^Кыргызстан 1 событие$/, selected: true }).waitFor();
  await page.getByRole('heading', { level: 1, name: `Информационный бюллетень №${issue.number}` }).waitFor();
  // (A site page shows every card in full: no control to open one.)
  if (!AT_SITE) await page.getByRole('button', { name: 'Показать полностью' }).first().waitFor();
  await done();
  // A bundle named by the address is the viewer's address's alone.
  if (AT_SITE) return;
  // (The missing bundle below is logged by the browser as a failed request: expected.)
  await page.goto(`${new URL(page.url()).origin}/releases/?bundle=missing.json#lang=ru`);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /Не удалось загрузить бюллетени/);
  assert.match(await alert.innerText(), /сервер ответил 404/);
  await eventually(async () => assert.deepEqual(await axeViolations(page), []));
});

test('the stylesheet adds no words of its own (they would escape the message tables)', () => {
  const css = readFileSync(new URL('../../static/viewer.css', import.meta.url), 'utf8');
  const literals = [...css.matchAll(/content:\s*([^;]*);/g)]
    .flatMap((m) => m[1].match(/"[^"]*"/g) ?? [])
    .filter((literal) => /\p{L}/u.test(literal));
  assert.deepEqual(literals, []);
});
