// The benchmark's published-site step (bench/run.sh runs `caricc site` on the largest
// chunked archive): the archive less its newest release, for a re-publication after one
// more; and the figures of the runs, as rows of the benchmark's table.
//
//   node bench/site.mjs previous ARCHIVE DIR   # DIR/manifest.json: ARCHIVE without its newest release,
//                                              # DIR/newest.txt: that release (2025/24)
//   node bench/site.mjs figures PREFIX SITE    # PREFIX.json from the runs' PREFIX.<run>.{json,out}; prints rows
//
// run.mjs imports siteRows() to print the same rows in its summary.

import { readFileSync, writeFileSync, readdirSync, statSync, symlinkSync, existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The runs bench/run.sh times, in order: the site from nothing, again with nothing changed,
 *  back to the archive less its newest release (whose pages are then removed), then with it
 *  again: a re-publication after one new release. */
export const SITE_RUNS = ['first', 'again', 'previous', 'newest'];

/** Writes into `dir` an archive that is `archive` without its newest release: one manifest
 *  listing the other releases, and `releases/` and the index linked to the archive's own files. */
function writePrevious(archive, dir) {
  const read = (file) => JSON.parse(readFileSync(path.join(archive, file), 'utf8'));
  const manifest = read('manifest.json');
  const releases = [...manifest.releases, ...(manifest.older ? read(manifest.older).releases : [])];
  const newest = releases[0];
  const kept = releases.filter((entry) => entry.year !== newest.year || entry.number !== newest.number);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'manifest.json'), `${JSON.stringify({ format: manifest.format, releases: kept, search: manifest.search })}\n`);
  if (!existsSync(path.join(dir, 'releases'))) symlinkSync(path.resolve(archive, 'releases'), path.join(dir, 'releases'));
  // The index as it is (its positions are the full archive's: only the site's files are timed).
  const index = path.dirname(manifest.search.files);
  if (!existsSync(path.join(dir, index))) symlinkSync(path.resolve(archive, index), path.join(dir, index));
  // Where the left-out release's pages are (en/2025/24/ …), for run.sh to remove them.
  writeFileSync(path.join(dir, 'newest.txt'), `${newest.year}/${newest.number}\n`);
  console.log(`${dir}: the archive without release #${newest.number} of ${newest.year} (${releases.length - kept.length} language version(s))`);
}

/** Every file under `folder`: how many, how many bytes. */
function folderSize(folder) {
  let files = 0;
  let bytes = 0;
  const walk = (dir) => {
    for (const item of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, item.name);
      if (item.isDirectory()) walk(full);
      else {
        files += 1;
        bytes += statSync(full).size;
      }
    }
  };
  walk(folder);
  return { files, bytes };
}

/** What `caricc site` printed: "DIR: N file(s), W written, U unchanged (R release(s), V language version(s))". */
function parseSummary(text) {
  const match = /(\d+) file\(s\), (\d+) written, (\d+) unchanged \((\d+) release\(s\), (\d+) language version\(s\)\)/.exec(text);
  if (!match) return null;
  const [files, written, unchanged, releases, versions] = match.slice(1).map(Number);
  return { files, written, unchanged, releases, versions };
}

/** The figures of the runs whose outputs start with `prefix`, and the site's files. */
function collect(prefix, site) {
  const runs = {};
  for (const run of SITE_RUNS) {
    const timing = `${prefix}.${run}.json`;
    if (!existsSync(timing)) continue;
    runs[run] = { ...JSON.parse(readFileSync(timing, 'utf8')), ...parseSummary(readFileSync(`${prefix}.${run}.out`, 'utf8')) };
  }
  return { runs, site: folderSize(site) };
}

const count = (n) => n.toLocaleString('en-US');
const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const time = (run) => `${run.seconds} s${run.maxRssKb ? `, peak RSS ${mib(run.maxRssKb * 1024)}` : ''}`;

/** Rows of the benchmark's table: [label, result, goal, met]. */
export function siteRows({ runs, site }) {
  const { first, again, newest } = runs;
  if (!first) return [];
  const rows = [
    [
      `caricc site of the chunked archive: ${count(first.releases)} releases (${count(first.versions)} language versions), from nothing`,
      `${time(first)}; ${count(site.files)} files, ${mib(site.bytes)}`,
      '',
      null,
    ],
  ];
  if (again) rows.push(['  run again, nothing changed', `${time(again)}; ${count(again.written)} written`, '', null]);
  if (newest) {
    rows.push([
      '  after one more release (the archive first published without its newest)',
      `${time(newest)}; ${count(newest.written)} of ${count(newest.files)} files written`,
      '',
      null,
    ]);
  }
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [command, first, second] = process.argv.slice(2);
  if (command === 'previous' && first && second) {
    writePrevious(first, second);
  } else if (command === 'figures' && first && second) {
    const figures = collect(first, second);
    writeFileSync(`${first}.json`, `${JSON.stringify(figures, null, 2)}\n`);
    for (const [label, value] of siteRows(figures)) console.log(`| ${label} | ${value} | | |`);
  } else {
    console.error('usage: node bench/site.mjs previous ARCHIVE DIR | figures PREFIX SITE');
    process.exit(2);
  }
}
