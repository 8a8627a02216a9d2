// Takes the README's screenshot of the release build: `node tests/e2e/screenshot.mjs`
// after `trunk build --release --offline`. Writes docs/screenshot.png (desktop, the top of
// the page) and, for a look at the phone layout, target/e2e/phone.png.

import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import { root, screenshots, start, stop, state, viewerUrl } from './harness.mjs';

await start();
try {
  const shoot = async ({ width, height, hash, file, clip }) => {
    const context = await state.browser.newContext({ viewport: { width, height }, colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(viewerUrl({ hash }));
    await page.getByRole('tabpanel').getByRole('article').first().waitFor();
    await page.screenshot({ path: file, clip });
    await context.close();
  };
  await mkdir(path.join(root, 'docs'), { recursive: true });
  await shoot({
    width: 1280,
    height: 1000,
    hash: process.argv[2] ?? '',
    file: path.join(root, 'docs/screenshot.png'),
    clip: { x: 0, y: 0, width: 1280, height: 1000 },
  });
  await shoot({ width: 375, height: 1600, hash: process.argv[2] ?? '', file: path.join(screenshots, 'phone.png') });
  console.log('wrote docs/screenshot.png and target/e2e/phone.png');
} finally {
  await stop();
}
