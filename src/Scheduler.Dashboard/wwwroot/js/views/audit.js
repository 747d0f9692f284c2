// Audit: changes made through the API, newest first: when, who (the key's name), what, and to which entity; a kind filter
// and a button for the next page. Before and after are in the API's answer (GET /api/audit) and the CLI's JSON.
import { h, replace } from '../dom.js';
import { get, enc, query } from '../api.js';
import { describe } from '../ui.js';
import { dateTime } from '../format.js';

const KINDS = ['job', 'config', 'connection', 'token'];

function entityCell(e) {
  const job = e.jobId ? h('a', { href: `#/jobs/${enc(e.jobId)}`, class: 'job-link' }, e.entityId) : h('code', null, e.entityId);
  return h('td', { 'data-label': 'Entity' }, job);
}

export async function renderAudit(main, _params, _query, { signal } = {}) {
  const body = h('tbody');
  const more = h('button', { type: 'button', class: 'btn btn-small', id: 'audit-more', hidden: true }, 'Older changes');
  const kind = h('select', { id: 'audit-kind', 'aria-label': 'Kind' },
    h('option', { value: '' }, 'Every kind'), KINDS.map((k) => h('option', { value: k }, k)));
  let continuation = null;

  replace(main,
    h('div', { class: 'page-head' }, h('div', null, h('h1', null, 'Audit'), h('span', { class: 'sub' }, 'Changes made through the API, newest first'))),
    h('section', { class: 'panel' },
      h('div', { class: 'filters' }, kind),
      h('div', { class: 'table-wrap' },
        h('table', { class: 'data responsive', id: 'audit-table' },
          h('thead', null, h('tr', null, ['When', 'Who', 'Operation', 'Kind', 'Entity'].map((c) => h('th', { scope: 'col' }, c)))),
          body)),
      more));

  async function load(append) {
    let data;
    try {
      data = await get(`/audit${query({ kind: kind.value || undefined, continuation: append ? continuation : undefined })}`, { signal });
    } catch (err) {
      if (signal?.aborted) return;
      replace(body, h('tr', null, h('td', { colspan: 5, class: 'empty' }, describe(err))));
      return;
    }
    const rows = (data?.items || []).map((e) => h('tr', { dataset: { operation: e.operation } },
      h('td', { 'data-label': 'When' }, dateTime(e.atUtc)),
      h('td', { 'data-label': 'Who' }, e.caller),
      h('td', { 'data-label': 'Operation' }, e.operation),
      h('td', { 'data-label': 'Kind' }, e.entityKind),
      entityCell(e)));
    if (append) body.append(...rows);
    else replace(body, rows.length ? rows : h('tr', null, h('td', { colspan: 5, class: 'empty' }, 'No changes in the last 30 days.')));
    continuation = data?.continuation || null;
    more.hidden = !continuation;
  }

  kind.addEventListener('change', () => load(false));
  more.addEventListener('click', () => load(true));
  await load(false);
  return undefined;
}
