import { createServer } from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import path from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/e2e/chromium.mjs';
const require = createRequire(new URL('../tests/e2e/package.json', import.meta.url));
const { chromium } = require('playwright-core');
const [site, page, block] = process.argv.slice(2);
const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml' };
const server = createServer((request, response) => {
  let file = path.join(site, decodeURIComponent(new URL(request.url, 'http://x').pathname));
  try {
    if (statSync(file).isDirectory()) file = path.join(file, 'index.html');
    const body = gzipSync(readFileSync(file));
    response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'content-encoding': 'gzip', 'cache-control': 'no-store' });
    response.end(body);
  } catch { response.writeHead(404); response.end(); }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const rows = [];
for (let i = 0; i < 9; i++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  if (block) await context.route(block, (r) => r.abort());
  const tab = await context.newPage();
  await tab.goto(origin + page);
  await tab.waitForTimeout(300);
  rows.push(await tab.evaluate(() => {
    const n = performance.getEntriesByType('navigation')[0];
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
    const res = performance.getEntriesByType('resource').map((r) => `${r.name.split('/').pop().slice(0, 12)}:${Math.round(r.startTime)}-${Math.round(r.responseEnd)}`).join(' ');
    return { req: Math.round(n.requestStart), resp: Math.round(n.responseStart), respEnd: Math.round(n.responseEnd), interactive: Math.round(n.domInteractive), fcp: Math.round(fcp), res };
  }));
  await context.close();
}
await browser.close(); server.close();
for (const r of rows) console.log(JSON.stringify(r));
