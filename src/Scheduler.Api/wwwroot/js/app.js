// The dashboard shell: hash router, theme toggle, API key entry, connection banner and toasts.
import { h, replace, clear } from './dom.js';
import { apiKey, theme } from './store.js';
import { apiBase } from './api.js';
import { errorPanel } from './ui.js';
import { renderOverview } from './views/overview.js';
import { renderJobs } from './views/jobs.js';
import { renderJobForm } from './views/job-form.js';
import { renderJobDetail } from './views/job-detail.js';
import { renderRuns } from './views/runs.js';
import { renderConfig } from './views/config.js';
import { renderConnections } from './views/connections.js';
import { renderConnectionForm } from './views/connection-form.js';

const main = document.getElementById('main');
const banner = document.getElementById('banner');
const connection = document.getElementById('connection');
let cleanup = null;
let lastStatus = { state: 'unknown' };
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
];

function parseHash() {
  const raw = location.hash.replace(/^#/, '') || '/';
  const [path, search = ''] = raw.split('?');
  return { path, query: new URLSearchParams(search) };
}

async function route() {
  const { path, query } = parseHash();
  const match = routes.map((r) => ({ r, m: r.pattern.exec(path) })).find((x) => x.m);
  if (typeof cleanup === 'function') cleanup();
  cleanup = null;
  clear(main);

  for (const link of document.querySelectorAll('[data-nav]')) {
    if (match && link.dataset.nav === match.r.nav) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }

  if (!match) {
    document.title = 'Not found · Scheduler';
    main.append(h('div', { class: 'panel' }, h('h1', null, 'Page not found'), h('p', null, h('a', { href: '#/' }, 'Back to the overview'))));
    return;
  }

  const params = {};
  (match.r.keys || []).forEach((k, i) => { params[k] = decodeURIComponent(match.m[i + 1]); });
  document.title = `${match.r.title} · Scheduler`;
  try {
    cleanup = await match.r.view()(main, params, query);
  } catch (err) {
    main.append(errorPanel(err));
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

// ---------- API key and connection ----------
function keyForm() {
  const input = h('input', { type: 'password', id: 'api-key-input', name: 'apiKey', autocomplete: 'off', placeholder: 'API key', 'aria-label': 'API key' });
  const form = h('form', {
    onsubmit: (e) => {
      e.preventDefault();
      apiKey.set(input.value.trim());
      showKeyButton();
      clear(banner);
      route();
    },
  },
  h('label', { for: 'api-key-input', class: 'visually-hidden' }, 'API key'),
  input,
  h('button', { type: 'submit', class: 'btn btn-primary' }, 'Use this key'),
  apiKey.get() ? h('button', { type: 'button', class: 'btn', onclick: () => { apiKey.set(''); showKeyButton(); input.focus(); } }, 'Forget key') : null);
  return { form, input };
}

function showKeyPrompt(message, tone = 'warn') {
  const { form, input } = keyForm();
  replace(banner, h('div', { class: `banner ${tone}`, role: 'alert' },
    h('div', { class: 'grow' }, h('strong', null, message.title), h('span', null, message.detail)),
    form));
  input.focus();
}

function showKeyButton() {
  const button = document.getElementById('key-button');
  button.textContent = apiKey.get() ? 'Change API key' : 'Set API key';
}

document.getElementById('key-button').addEventListener('click', () => {
  showKeyPrompt({
    title: 'API key',
    detail: ' Sent as X-Api-Key with every request; kept in this tab only (sessionStorage).',
  }, 'info');
});

window.addEventListener('api-status', (e) => {
  const status = e.detail;
  const changed = status.state !== lastStatus.state;
  lastStatus = status;
  connection.dataset.state = status.state;
  connection.textContent = status.state === 'ok' ? 'Connected' : status.state === 'auth' ? 'Key refused' : 'Offline';
  if (!changed) return;
  if (status.state === 'auth') {
    showKeyPrompt(status.hasKey
      ? { title: 'The API key was refused (401).', detail: ' Enter a valid key to continue.' }
      : { title: 'This server needs an API key.', detail: ' Enter it to continue.' });
  } else if (status.state === 'down') {
    replace(banner, h('div', { class: 'banner error', role: 'alert' },
      h('div', { class: 'grow' },
        h('strong', null, 'The API is unreachable.'),
        h('span', null, ` ${apiBase} did not answer (${status.reason}). The dashboard keeps retrying.`)),
      h('button', { type: 'button', class: 'btn', onclick: () => route() }, 'Retry now')));
  } else if (status.state === 'ok') {
    clear(banner);
  }
});

window.addEventListener('hashchange', route);
window.addEventListener('reroute', route);
paintThemeButton();
showKeyButton();
route();
