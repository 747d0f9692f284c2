// Shared page helpers: navigation, toasts, error panels, confirmation dialogs, polling.
import { h } from './dom.js';

/** Goes to '#'+path; re-renders when already there. */
export function navigate(path) {
  const target = `#${path}`;
  if (location.hash === target) window.dispatchEvent(new Event('reroute'));
  else location.hash = target;
}

export function toast(message, kind = 'info') {
  const el = h('div', { class: `toast ${kind}` }, message);
  document.getElementById('toasts').append(el);
  setTimeout(() => el.remove(), kind === 'error' ? 7000 : 3500);
}

/** A panel for an error that stopped a page from loading. */
export function errorPanel(err) {
  const title = err?.kind === 'notfound' ? 'Not found' : err?.title || 'Something went wrong';
  return h('div', { class: 'panel', role: 'alert' },
    h('h1', null, title),
    h('p', null, err?.detail || err?.message || String(err)),
    h('p', null, h('a', { href: '#/' }, 'Back to the overview')));
}

/** Describes an ApiError in one line for a toast. */
export function describe(err) {
  if (!err) return 'Unknown error';
  if (err.kind === 'unreachable') return 'The API is unreachable.';
  if (err.kind === 'auth') return 'The API key was refused.';
  const fields = Object.entries(err.errors || {}).map(([k, v]) => `${k || 'job'}: ${[].concat(v).join(' ')}`);
  return [err.title, err.detail, ...fields].filter(Boolean).join(' — ');
}

/** A modal confirmation with a real <dialog>: resolves true when confirmed. Escape or Cancel resolve false. */
export function confirmDialog({ title, body, confirm = 'Confirm', danger = false }) {
  return new Promise((resolve) => {
    const dialog = h('dialog', { 'aria-labelledby': 'confirm-title', class: 'confirm' },
      h('form', { method: 'dialog' },
        h('h2', { id: 'confirm-title' }, title),
        h('p', null, body),
        h('div', { class: 'form-footer' },
          h('button', { value: 'cancel', class: 'btn', autofocus: true }, 'Cancel'),
          h('button', { value: 'ok', class: danger ? 'btn btn-danger-solid' : 'btn btn-primary' }, confirm))));
    dialog.addEventListener('close', () => {
      resolve(dialog.returnValue === 'ok');
      dialog.remove();
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}

/**
 * Calls fn now and every intervalMs while the page is visible; stop() ends it, and so does the view's signal when given.
 * Skips a tick while the previous call is still running, so a slow API never stacks requests.
 */
export function poll(fn, intervalMs, signal) {
  let timer = null;
  let running = false;
  let stopped = false;
  const tick = async () => {
    if (stopped || running) return;
    if (document.hidden) { schedule(); return; }
    running = true;
    try { await fn(); } catch { /* each view shows its own errors; the banner shows connectivity */ }
    running = false;
    schedule();
  };
  const schedule = () => { if (!stopped) timer = setTimeout(tick, intervalMs); };
  const onVisible = () => { if (!document.hidden) { clearTimeout(timer); tick(); } };
  const stop = () => {
    stopped = true;
    clearTimeout(timer);
    document.removeEventListener('visibilitychange', onVisible);
  };
  if (signal?.aborted) return stop;
  signal?.addEventListener('abort', stop, { once: true });
  document.addEventListener('visibilitychange', onVisible);
  tick();
  return stop;
}

/** navigate(path), unless the view that asks was left meanwhile (a late answer must not move the user). */
export function navigateFrom(signal, path) {
  if (!signal?.aborted) navigate(path);
}
