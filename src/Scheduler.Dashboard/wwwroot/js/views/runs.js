// Runs of every job: newest first, filtered by status and by how far back (GET /api/runs), paged, refreshed while open.
import { h, replace, badge } from '../dom.js';
import { enc, query } from '../api.js';
import { fetchPage } from './list-page.js';
import { poll } from '../ui.js';
import * as fmt from '../format.js';

const PAGE_SIZE = 25;
const REFRESH_MS = 10000;
const STATUSES = ['Queued', 'Running', 'Retrying', 'Succeeded', 'Failed', 'Canceled', 'Skipped'];
const WINDOWS = [['15m', 'Last 15 minutes', 15], ['1h', 'Last hour', 60], ['6h', 'Last 6 hours', 360], ['1d', 'Last day', 1440], ['7d', 'Last 7 days', 10080]];

export async function renderRuns(main, _params, search, { signal } = {}) {
  const filters = { status: search.get('status') || '', window: search.get('window') || '1h' };
  const tokens = [null];
  let page = 0;

  const body = h('tbody');
  const pager = h('div', { class: 'pager' });
  const summary = h('span', { class: 'sub', role: 'status', 'aria-live': 'polite' }, '');
  const filterError = h('p', { class: 'field-error', hidden: true, role: 'alert' });
  const statusSelect = h('select', { id: 'runs-status', name: 'status' },
    ['', ...STATUSES].map((s) => h('option', { value: s, selected: s === filters.status }, s || 'Any status')));
  const windowSelect = h('select', { id: 'runs-window', name: 'window' },
    WINDOWS.map(([value, label]) => h('option', { value, selected: value === filters.window }, label)));

  const apply = () => {
    Object.assign(filters, { status: statusSelect.value, window: windowSelect.value });
    history.replaceState(null, '', `#/runs${query(filters)}`);
    tokens.length = 1;
    page = 0;
    load();
  };
  statusSelect.addEventListener('change', apply);
  windowSelect.addEventListener('change', apply);

  replace(main,
    h('div', { class: 'page-head' }, h('div', null, h('h1', null, 'Runs'), summary)),
    h('section', { class: 'panel' },
      h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter runs', onsubmit: (e) => { e.preventDefault(); apply(); } },
        field('runs-status', 'Status', statusSelect),
        field('runs-window', 'Created', windowSelect)),
      filterError,
      h('div', { class: 'table-wrap' },
        h('table', { class: 'data responsive', id: 'runs-table' },
          h('thead', null, h('tr', null, ['Run', 'Job', 'Status', 'Trigger', 'Due', 'Attempts', 'Lateness', 'Last error'].map((c) => h('th', { scope: 'col' }, c)))),
          body)),
      pager));

  async function load() {
    const minutes = (WINDOWS.find(([value]) => value === filters.window) || WINDOWS[1])[2];
    const since = new Date(Date.now() - minutes * 60000).toISOString();
    const data = await fetchPage(`/runs${query({ status: filters.status, since, limit: PAGE_SIZE, continuation: tokens[page] })}`, { signal, filterError, body, columns: 8 });
    if (!data) return;
    tokens[page + 1] = data.continuation || null;
    const items = data.items || [];
    summary.textContent = `${items.length} run${items.length === 1 ? '' : 's'} on this page`;
    replace(body, items.length === 0
      ? h('tr', null, h('td', { colspan: 8, class: 'empty' }, 'No run matches these filters.'))
      : items.map((run) => h('tr', { dataset: { runId: run.runId } },
        h('td', { 'data-label': 'Run' }, h('code', null, run.runId)),
        h('td', { 'data-label': 'Job' }, h('a', { href: `#/jobs/${enc(run.jobId)}`, class: 'job-link' }, run.jobId)),
        h('td', { 'data-label': 'Status' }, badge(run.status)),
        h('td', { 'data-label': 'Trigger' }, run.trigger),
        h('td', { 'data-label': 'Due', class: 'nowrap' }, h('span', { title: run.dueUtc }, fmt.dateTime(run.dueUtc))),
        h('td', { 'data-label': 'Attempts' }, fmt.number(run.attemptCount)),
        h('td', { 'data-label': 'Lateness' }, run.latenessMs == null ? '—' : fmt.duration(run.latenessMs)),
        h('td', { 'data-label': 'Last error', class: 'secondary' }, run.lastError || ''))));
    replace(pager,
      h('span', null, `Page ${page + 1}`),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'btn btn-small', disabled: page === 0, onclick: () => { page -= 1; load(); } }, '← Previous'),
        h('button', { type: 'button', class: 'btn btn-small', disabled: !data.continuation, onclick: () => { page += 1; load(); } }, 'Next →')));
  }

  return poll(load, REFRESH_MS, signal);
}

function field(id, label, input) {
  return h('div', { class: 'field' }, h('label', { for: id }, label), input);
}
