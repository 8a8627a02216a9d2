// Keeps the hosted viewer readable when the connection drops. Network first, so a reader
// who is online always gets the latest releases; when the network fails, the copy saved
// on the last visit, marked with a header so the page can say it may be out of date.
const CACHE = 'caricc-viewer-1';
const SAVED_HEADER = 'x-caricc-offline-copy';

// The app shell: the page, the bundle, and every file the page names (hashed by the build).
async function saveShell() {
  const cache = await caches.open(CACHE);
  const page = await fetch('./', { cache: 'no-cache' });
  const html = await page.clone().text();
  await cache.put('./', page);
  const files = new Set(['./bundle.json']);
  // Quoted, or bare as the minified page writes them.
  for (const [, quoted, bare] of html.matchAll(/(?:href|src|data-app-js|data-app-wasm)=(?:"(\.\/[^"#?]+)"|(\.\/[^\s"'>#?]+))/g)) {
    files.add(quoted ?? bare);
  }
  await cache.addAll([...files]);
}

self.addEventListener('install', (event) => {
  event.waitUntil(saveShell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

// The page and bundles change in place; the other files have hashed, immutable names.
function changesInPlace(request) {
  return request.mode === 'navigate' || new URL(request.url).pathname.endsWith('.json');
}

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    // Ask the server (not the browser's HTTP cache) for what changes in place, so a reader
    // who has lost the connection is told they are looking at a saved copy.
    const response = await fetch(request, changesInPlace(request) ? { cache: 'no-cache' } : {});
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const navigate = request.mode === 'navigate';
    // A page URL may carry ?bundle=… or be index.html rather than the folder: all are the shell.
    const saved = (await cache.match(request, { ignoreSearch: navigate })) || (navigate && (await cache.match('./')));
    if (!saved) throw error;
    const headers = new Headers(saved.headers);
    headers.set(SAVED_HEADER, saved.headers.get('date') || 'on an earlier visit');
    return new Response(saved.body, { status: saved.status, statusText: saved.statusText, headers });
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method === 'GET' && new URL(request.url).origin === self.location.origin) {
    event.respondWith(networkFirst(request));
  }
});
