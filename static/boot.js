// Starts the viewer. Trunk's own loader is an inline script, which the Content-Security-Policy
// forbids, so this file (same origin) does its job: the hashed file names come from the
// attributes Trunk writes on this script's tag (see pattern_script in Trunk.toml).
const tag = document.querySelector('script[data-app-js]');

try {
  const base = document.baseURI;
  const { default: init } = await import(new URL(tag.dataset.appJs, base).href);
  await init({ module_or_path: new URL(tag.dataset.appWasm, base) });
  // Saves the app and the bundle for reading without a connection (see sw.js). Only over
  // http(s): browsers have no service workers for file:// pages. Not for the published
  // site's pages (they name their data with data-bundle), which read without the app.
  if ('serviceWorker' in navigator && location.protocol.startsWith('http') && !tag.dataset.bundle) {
    navigator.serviceWorker.register(new URL('sw.js', base)).catch((error) => console.warn('offline copy unavailable:', error));
  }
} catch (error) {
  // Never a blank page: say why, as text, where the viewer would have been.
  // A published site's page reads in full without the app: it stays as it is.
  if (!tag.dataset.bundle) {
    const alert = document.createElement('p');
    alert.setAttribute('role', 'alert');
    alert.textContent = `The viewer could not start in this browser: ${error}`;
    document.body.append(alert);
  }
  throw error;
}
