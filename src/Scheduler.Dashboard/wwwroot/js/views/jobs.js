// Jobs: a filtered, paged table with status, next due time (viewer's zone and job's zone), last outcome and actions.
import { h, replace, badge } from '../dom.js';
import { enc, query } from '../api.js';
import { fetchPage } from './list-page.js';
import { poll } from '../ui.js';
import * as fmt from '../format.js';
import { jobActions, scheduleSummary, jobZone } from './job-common.js';

const PAGE_SIZE = 20;
const REFRESH_MS = 10000;

export async function renderJobs(main, _params, search, { signal } = {}) {
  const filters = {
    status: search.get('status') || '',
    tag: search.get('tag') || '',
    lane: search.get('lane') || '',
    text: search.get('text') || '',
  };
  const tokens = [null]; // continuation token of each page seen, for Previous
  let page = 0;

  const body = h('tbody');
  const pager = h('div', { class: 'pager' });
  const summary = h('span', { class: 'sub', role: 'status', 'aria-live': 'polite' }, '');
  const filterError = h('p', { class: 'field-error', hidden: true, role: 'alert' });

  const statusSelect = h('select', { id: 'filter-status', name: 'status' },
    ['', 'Active', 'Paused', 'Completed'].map((s) => h('option', { value: s, selected: s === filters.status }, s || 'Any status')));
  const tagInput = h('input', { type: 'text', id: 'filter-tag', name: 'tag', value: filters.tag, placeholder: 'e.g. billing', autocomplete: 'off' });
  const laneInput = h('input', { type: 'text', id: 'filter-lane', name: 'lane', value: filters.lane, placeholder: 'e.g. default', autocomplete: 'off' });
  const textInput = h('input', { type: 'search', id: 'filter-text', name: 'text', value: filters.text, placeholder: 'Search id or name', autocomplete: 'off' });

  const apply = () => {
    Object.assign(filters, { status: statusSelect.value, tag: tagInput.value.trim(), lane: laneInput.value.trim(), text: textInput.value.trim() });
    history.replaceState(null, '', `#/jobs${query(filters)}`);
    tokens.length = 1;
    page = 0;
    load();
  };
  let debounce = null;
  const applySoon = () => { clearTimeout(debounce); debounce = setTimeout(apply, 350); };

  replace(main,
    h('div', { class: 'page-head' },
      h('div', null, h('h1', null, 'Jobs'), summary),
      h('div', { class: 'actions' }, h('a', { class: 'btn btn-primary', href: '#/jobs/new', id: 'new-job' }, '+ New job'))),
    h('section', { class: 'panel' },
      h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter jobs', onsubmit: (e) => { e.preventDefault(); apply(); } },
        field('filter-status', 'Status', statusSelect),
        field('filter-tag', 'Tag', tagInput),
        field('filter-lane', 'Lane', laneInput),
        field('filter-text', 'Search', textInput, 'grow'),
        h('button', { type: 'submit', class: 'btn' }, 'Apply'),
        h('button', { type: 'button', class: 'btn btn-ghost', onclick: () => { statusSelect.value = ''; tagInput.value = ''; laneInput.value = ''; textInput.value = ''; apply(); } }, 'Clear')),
      filterError,
      h('div', { class: 'table-wrap' },
        h('table', { class: 'data responsive', id: 'jobs-table' },
          h('thead', null, h('tr', null,
            ['Job', 'Status', 'Schedule', 'Next due', 'Last outcome', 'Lane', 'Actions'].map((c) => h('th', { scope: 'col' }, c)))),
          body)),
      pager));

  statusSelect.addEventListener('change', apply);
  for (const input of [tagInput, laneInput, textInput]) input.addEventListener('input', applySoon);

  async function load() {
    const continuation = tokens[page];
    const data = await fetchPage(`/jobs${query({ ...filters, limit: PAGE_SIZE, continuation })}`, { signal, filterError, body, columns: 7 });
    if (!data) return;
    tokens[page + 1] = data.continuation || null;
    const items = data.items || [];
    summary.textContent = `${items.length} job${items.length === 1 ? '' : 's'} on this page${Object.values(filters).some(Boolean) ? ' (filtered)' : ''}`;
    renderRows(items);
    renderPager(Boolean(data.continuation));
  }

  function renderRows(items) {
    if (items.length === 0) {
      replace(body, h('tr', null, h('td', { colspan: 7, class: 'empty' },
        Object.values(filters).some(Boolean) ? 'No job matches these filters.' : 'No jobs yet. ', h('a', { href: '#/jobs/new' }, 'Create one'))));
      return;
    }
    replace(body, items.map((job) => {
      const d = job.definition || {};
      const zone = jobZone(d);
      return h('tr', { dataset: { jobId: job.id } },
        h('td', { 'data-label': 'Job' },
          h('a', { href: `#/jobs/${enc(job.id)}`, class: 'job-link' }, job.id),
          d.name ? h('span', { class: 'secondary' }, d.name) : null,
          (d.tags || []).length ? h('div', null, d.tags.map((t) => h('span', { class: 'tag' }, t))) : null),
        h('td', { 'data-label': 'Status' }, badge(job.status)),
        h('td', { 'data-label': 'Schedule' }, scheduleSummary(d.schedule)),
        h('td', { 'data-label': 'Next due', class: 'nowrap' }, job.nextDueUtc
          ? [h('span', { title: job.nextDueUtc }, fmt.dateTime(job.nextDueUtc)),
            zone !== fmt.viewerZone ? h('span', { class: 'secondary' }, `${fmt.dateTime(job.nextDueUtc, zone)} (${zone})`) : null,
            h('span', { class: 'secondary' }, fmt.relative(job.nextDueUtc))]
          : h('span', { class: 'muted' }, '—')),
        h('td', { 'data-label': 'Last outcome', class: 'last-outcome' }, lastOutcome(job)),
        h('td', { 'data-label': 'Lane' }, h('code', null, d.lane || 'default')),
        h('td', { 'data-label': 'Actions' }, jobActions(job, { compact: true, onChange: () => load() })));
    }));
  }

  function renderPager(hasNext) {
    replace(pager,
      h('span', null, `Page ${page + 1}`),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'btn btn-small', disabled: page === 0, onclick: () => { page -= 1; load(); } }, '← Previous'),
        h('button', { type: 'button', class: 'btn btn-small', disabled: !hasNext, onclick: () => { page += 1; load(); } }, 'Next →')));
  }

  const stop = poll(load, REFRESH_MS, signal);
  return () => { stop(); clearTimeout(debounce); };
}

// The job's latest run (scheduled or manual), carried by the job list itself: no request per row.
function lastOutcome(job) {
  const run = job.lastRun;
  if (!run) return h('span', { class: 'muted' }, job.lastRunId ? '—' : 'never run');
  const when = run.finishedUtc || run.startedUtc || run.dueUtc;
  return [h('a', { href: `#/jobs/${enc(job.id)}`, 'aria-label': `Last run of ${job.id}: ${run.status}` }, badge(run.status)),
    h('span', { class: 'secondary', title: when }, fmt.relative(when))];
}

function field(id, label, input, cls) {
  return h('div', { class: `field ${cls || ''}` }, h('label', { for: id }, label), input);
}
