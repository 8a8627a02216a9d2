// Minifies what a release build of the viewer leaves in dist/ and no tool of the build
// does:
//
// 1. The names the WebAssembly and its JavaScript glue share. wasm-bindgen names each
//    import after the browser function and a hash (`__wbg_pushState_2566fa2fdc918d38`),
//    and both files carry every name: 130 imports, about 3 KB of the WebAssembly and 1 KB
//    of the JavaScript gzipped. wasm-opt renames them to one or two letters and says how;
//    the glue is rewritten to match.
// 2. The glue itself: Trunk's minifier cannot read that module (its `export { … as
//    default }`) and leaves it whole. terser does.
//
// The page preloads both files with integrity hashes, so the hashes in index.html are
// replaced too. The offline edition (`caricc offline`) appends its start-up code to the
// glue and calls `__wbg_init`, so that name is kept.
//
//   node scripts/minify-glue.mjs dist
import { execFileSync } from 'node:child_process';
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Installed with the browser tests' packages (scripts/setup.sh), as is wasm-opt.
const { minify } = createRequire(path.join(root, 'tests/e2e/package.json'))('terser');
const wasmOpt = path.join(root, 'tests/e2e/node_modules/.bin/wasm-opt');

const dist = path.resolve(process.argv[2] ?? 'dist');
const indexPath = path.join(dist, 'index.html');
let html = readFileSync(indexPath, 'utf8');
const named = (attribute) => {
  const name = html.match(new RegExp(`${attribute}="?\\./([^"\\s>]+)`))?.[1];
  if (!name) throw new Error(`${indexPath}: no ${attribute} attribute naming the app's file`);
  return path.join(dist, name);
};
const jsPath = named('data-app-js');
const wasmPath = named('data-app-wasm');

const integrity = (content) => `sha384-${createHash('sha384').update(content).digest('base64')}`;
// Replaces a file and the integrity hash index.html holds for it (exactly once).
function replaceFile(file, content) {
  const before = integrity(readFileSync(file));
  const occurrences = html.split(before).length - 1;
  if (occurrences !== 1) throw new Error(`${indexPath}: expected the integrity ${before} of ${file} once, found it ${occurrences} times`);
  writeFileSync(file, content);
  html = html.replace(before, integrity(content));
}

// 1. Shared names. The features are named because the build strips the section that
// would tell wasm-opt; it only renames, so the code is otherwise the same.
const original = readFileSync(jsPath, 'utf8');
const wasmBefore = readFileSync(wasmPath);
const minifiedWasmPath = `${wasmPath}.minified`;
const mapping = JSON.parse(execFileSync(wasmOpt, [
  wasmPath, '-o', minifiedWasmPath, '--minify-imports-and-exports-and-modules',
  '--enable-reference-types', '--enable-bulk-memory', '--enable-nontrapping-float-to-int',
  '--enable-sign-ext', '--enable-mutable-globals', '--enable-multivalue',
], { encoding: 'utf8' }));
const wasm = readFileSync(minifiedWasmPath);
unlinkSync(minifiedWasmPath);

let glue = original;
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Replaces every match of `regex` with `replacement`, failing unless there are `expected`
// of them (when given).
function rename(regex, replacement, expected) {
  const found = glue.match(regex)?.length ?? 0;
  if (expected !== undefined && found !== expected) throw new Error(`${jsPath}: expected ${regex} ${expected} time(s), found it ${found} times`);
  glue = glue.replace(regex, () => replacement);
}
const [oldModule, ...otherModules] = new Set(mapping.imports.map(([module]) => module));
const [newModule, ...otherNew] = new Set(WebAssembly.Module.imports(new WebAssembly.Module(wasm)).map((i) => i.module));
if (otherModules.length || otherNew.length) throw new Error(`${wasmPath}: expected the imports of one module`);
// The glue's object of imports: `__wbg_pushState_…: function(…)` and `"./app_bg.js": import0`.
for (const [, from, to] of mapping.imports) rename(new RegExp(`\\b${escape(from)}:`, 'g'), `${JSON.stringify(to)}:`, 1);
rename(new RegExp(`${escape(JSON.stringify(oldModule))}:`, 'g'), `${JSON.stringify(newModule)}:`, 1);
// The glue calls exports as `wasm.__wbindgen_malloc(…)`; some exports it never calls.
for (const [from, to] of mapping.exports) rename(new RegExp(`\\bwasm\\.${escape(from)}\\b`, 'g'), `wasm.${to}`);
// No use of an old name may be left behind: an import anywhere, an export as `wasm.name`
// or in quotes (the glue has functions of its own named like the exports they call).
const leftovers = [
  ...mapping.imports.map(([, from]) => `\\b${escape(from)}\\b`),
  ...mapping.exports.map(([from]) => `\\bwasm\\.${escape(from)}\\b|["']${escape(from)}["']`),
].filter((pattern) => new RegExp(pattern).test(glue));
if (leftovers.length) throw new Error(`${jsPath}: still used after renaming: ${leftovers.join(', ')}`);

// 2. The glue.
const { code } = await minify(glue, {
  module: true,
  compress: true,
  mangle: { reserved: ['__wbg_init'] },
  format: { comments: false },
});
if (!/\b(async\s+)?function\s+__wbg_init\b/.test(code)) throw new Error(`${jsPath}: __wbg_init is gone after minifying`);

replaceFile(wasmPath, wasm);
replaceFile(jsPath, code);
writeFileSync(indexPath, html);
console.log(`${path.basename(wasmPath)}: ${wasmBefore.length} -> ${wasm.length} bytes (${mapping.imports.length} imports, ${mapping.exports.length} exports renamed)`);
console.log(`${path.basename(jsPath)}: ${original.length} -> ${code.length} bytes; integrity updated in index.html`);
