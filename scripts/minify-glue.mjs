// Minifies the viewer's JavaScript glue (wasm-bindgen's output) in dist/ after a release
// build: Trunk's own minifier cannot read that module (its `export { … as default }`) and
// leaves it whole, 7.3 KB gzipped of the app's transfer; minified it is 5.6 KB. The page
// preloads the file with an integrity hash, so the hash in index.html is replaced too. The
// offline edition (`caricc offline`) appends its start-up code to this module and calls
// `__wbg_init`, so that name is kept.
//
//   node scripts/minify-glue.mjs dist
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Installed with the browser tests' packages (scripts/setup.sh).
const { minify } = createRequire(path.join(root, 'tests/e2e/package.json'))('terser');

const dist = path.resolve(process.argv[2] ?? 'dist');
const indexPath = path.join(dist, 'index.html');
const html = readFileSync(indexPath, 'utf8');
const name = html.match(/data-app-js="?\.\/([^"\s>]+\.js)/)?.[1];
if (!name) throw new Error(`${indexPath}: no data-app-js attribute naming the app's JavaScript`);
const jsPath = path.join(dist, name);
const original = readFileSync(jsPath, 'utf8');
const integrity = (text) => `sha384-${createHash('sha384').update(text).digest('base64')}`;
const before = integrity(original);
const occurrences = html.split(before).length - 1;
if (occurrences !== 1) throw new Error(`${indexPath}: expected the integrity ${before} of ${name} once, found it ${occurrences} times`);

const { code } = await minify(original, {
  module: true,
  compress: true,
  mangle: { reserved: ['__wbg_init'] },
  format: { comments: false },
});
if (!/\b(async\s+)?function\s+__wbg_init\b/.test(code)) throw new Error(`${name}: __wbg_init is gone after minifying`);
writeFileSync(jsPath, code);
writeFileSync(indexPath, html.replace(before, integrity(code)));
console.log(`${name}: ${original.length} -> ${code.length} bytes, integrity updated in index.html`);
