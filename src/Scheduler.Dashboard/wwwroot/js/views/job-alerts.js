// Job page section: the job's alerts (sent, and suppressed by a cooldown), newest first, with their delivery.
import { h, replace, badge } from '../dom.js';
import { api, enc } from '../api.js';
import * as fmt from '../format.js';

// Each delivery state shown with the colour of the run status it resembles.
const DELIVERY = { delivered: 'Succeeded', pending: 'Retrying', 'gave-up': 'Failed', suppressed: 'Skipped' };

/** The section's element and its loader (called on every refresh of the job page). */
export function alertsSection(id, signal) {
  const note = h('p', { class: 'muted', id: 'alerts-note' }, 'Loading alerts…');
  const body = h('tbody');
  const table = h('div', { class: 'table-wrap' },
    h('table', { class: 'data responsive', id: 'alerts-table' },
      h('thead', null, h('tr', null, ['When', 'Rule', 'Run', 'Delivery', 'Reason'].map((c) => h('th', { scope: 'col' }, c)))),
      body));
  const el = h('section', { class: 'panel', style: 'margin-top: 1rem', 'aria-labelledby': 'alerts-title', id: 'job-alerts' },
    h('div', { class: 'panel-head' }, h('h2', { id: 'alerts-title' }, 'Alerts'), h('span', { class: 'hint' }, 'sent and suppressed, newest first')),
    note,
    table);

  const load = async () => {
    const items = (await api('GET', `/jobs/${enc(id)}/alerts`, { signal })).data.items || [];
    note.textContent = items.length ? '' : 'No alert yet. Alert rules are set in the job\'s definition (or by the configured defaults).';
    note.hidden = items.length > 0;
    table.hidden = items.length === 0;
    replace(body, items.map((a) => h('tr', { dataset: { alertId: a.id } },
      h('td', { 'data-label': 'When', class: 'nowrap' }, h('span', { title: a.atUtc }, fmt.dateTime(a.atUtc))),
      h('td', { 'data-label': 'Rule' }, `${a.rule}. ${a.on}`),
      h('td', { 'data-label': 'Run' }, a.runId ? h('code', null, a.runId) : '—'),
      h('td', { 'data-label': 'Delivery' }, badge(DELIVERY[a.delivery] || a.delivery, a.tries > 1 ? `${a.delivery} (${a.tries} tries)` : a.delivery)),
      h('td', { 'data-label': 'Reason', class: 'secondary', title: a.lastError || '' }, a.reason))));
  };
  return { el, load };
}
