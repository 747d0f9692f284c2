// The dashboard shell: hash router (one view at a time, each with its own AbortSignal) and theme toggle; the API key
// entry and connection banner are in connection.js.
import { h, clear } from './dom.js';
import { theme } from './store.js';
import { watchConnection } from './connection.js';
import { errorPanel } from './ui.js';
import { renderOverview } from './views/overview.js';
import { renderJobs } from './views/jobs.js';
import { renderJobForm } from './views/job-form.js';
import { renderJobDetail } from './views/job-detail.js';
import { renderRuns } from './views/runs.js';
import { renderConfig } from './views/config.js';
import { renderConnections } from './views/connections.js';
import { renderAudit } from './views/audit.js';
import { renderConnectionForm } from './views/connection-form.js';

const main = document.getElementById('main');
let current = null; // the view on screen: { controller, cleanup }
let firstRoute = true;

// ---------- routing ----------
const routes = [
  { pattern: /^\/?$/, nav: 'overview', title: 'Overview', view: () => renderOverview },
  { pattern: /^\/jobs\/?$/, nav: 'jobs', title: 'Jobs', view: () => renderJobs },
  { pattern: /^\/jobs\/new$/, nav: 'jobs', title: 'New job', view: () => renderJobForm },
  { pattern: /^\/jobs\/([^/]+)\/edit$/, nav: 'jobs', title: 'Edit job', view: () => renderJobForm, keys: ['id'] },
  { pattern: /^\/jobs\/([^/]+)$/, nav: 'jobs', title: 'Job', view: () => renderJobDetail, keys: ['id'] },
  { pattern: /^\/runs\/?$/, nav: 'runs', title: 'Runs', view: () => renderRuns },
  { pattern: /^\/connections\/?$/, nav: 'connections', title: 'Connections', view: () => renderConnections },
  { pattern: /^\/connections\/new$/, nav: 'connections', title: 'New connection', view: () => renderConnectionForm },
  { pattern: /^\/connections\/([^/]+)\/edit$/, nav: 'connections', title: 'Edit connection', view: () => renderConnectionForm, keys: ['name'] },
  { pattern: /^\/config\/?$/, nav: 'config', title: 'Config', view: () => renderConfig },
  { pattern: /^\/audit\/?$/, nav: 'audit', title: 'Audit', view: () => renderAudit },
];

/** The route and its decoded parameters, or null when no route matches or a parameter is not valid percent-encoding. */
function resolve(path) {
  for (const r of routes) {
    const m = r.pattern.exec(path);
    if (!m) continue;
    const params = {};
    try {
      (r.keys || []).forEach((k, i) => { params[k] = decodeURIComponent(m[i + 1]); });
    } catch {
      return null;
    }
    return { r, params };
  }
  return null;
}

function parseHash() {
  const raw = location.hash.replace(/^#/, '') || '/';
  const [path, search = ''] = raw.split('?');
  let query;
  try { query = new URLSearchParams(search); } catch { query = new URLSearchParams(); }
  return { path, query };
}

function notFound(container, path) {
  document.title = 'Not found · Scheduler';
  container.append(h('div', { class: 'panel', id: 'not-found' },
    h('h1', null, 'Page not found'),
    h('p', null, 'There is no page at ', h('code', null, `#${path}`), '.'),
    h('p', null, h('a', { href: '#/' }, 'Back to the overview'))));
}

/** Ends the view on screen: its fetches are aborted, its timers and polling stop, and it can no longer navigate. */
function leave() {
  if (!current) return;
  current.controller.abort();
  if (typeof current.cleanup === 'function') current.cleanup();
  current = null;
}

async function route() {
  leave();
  clear(main);
  const { path, query } = parseHash();
  const match = resolve(path);
  for (const link of document.querySelectorAll('[data-nav]')) {
    if (match && link.dataset.nav === match.r.nav) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }

  // Each view draws into its own container and gets its own signal: once left, whatever it still does lands nowhere.
  const container = h('div', { class: 'view' });
  main.append(container);
  if (!match) {
    notFound(container, path);
    return;
  }

  const view = { controller: new AbortController(), cleanup: null };
  current = view;
  const { signal } = view.controller;
  document.title = `${match.r.title} · Scheduler`;
  try {
    const cleanup = await match.r.view()(container, match.params, query, { signal });
    if (signal.aborted) { if (typeof cleanup === 'function') cleanup(); return; }
    view.cleanup = cleanup;
  } catch (err) {
    if (signal.aborted) return;
    container.append(errorPanel(err));
  }
  // After a navigation (not the first load), move focus to the new page's heading for keyboard and screen reader users.
  if (!firstRoute && (document.activeElement === document.body || !main.contains(document.activeElement))) {
    const heading = main.querySelector('h1');
    if (heading) { heading.tabIndex = -1; heading.focus({ preventScroll: true }); }
  }
  firstRoute = false;
}

// ---------- theme ----------
function effectiveTheme() {
  return theme.get() || (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
}

function paintThemeButton() {
  const next = effectiveTheme() === 'dark' ? 'light' : 'dark';
  const button = document.getElementById('theme-button');
  button.textContent = next === 'dark' ? '☾ Dark' : '☀ Light';
  button.setAttribute('aria-label', `Switch to the ${next} theme`);
  button.setAttribute('title', `Switch to the ${next} theme`);
}

document.getElementById('theme-button').addEventListener('click', () => {
  const next = effectiveTheme() === 'dark' ? 'light' : 'dark';
  theme.set(next);
  document.documentElement.dataset.theme = next;
  paintThemeButton();
  window.dispatchEvent(new Event('themechange'));
});
matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
  paintThemeButton();
  window.dispatchEvent(new Event('themechange'));
});

window.addEventListener('hashchange', route);
window.addEventListener('reroute', route);
paintThemeButton();
watchConnection({ reload: route });
route();
