// Connections: the named SSH profiles jobs reference by name (user@host:port, secret reference, pinned host key), with edit and delete.
import { h, replace } from '../dom.js';
import { api, get, enc } from '../api.js';
import { toast, describe, confirmDialog } from '../ui.js';

/** 'SHA256:abcdefgh…' — long enough to compare at a glance; the full value is in the title. */
function shortFingerprint(fp) {
  return fp && fp.length > 20 ? `${fp.slice(0, 19)}…` : fp || '—';
}

export async function renderConnections(main, _params, _query, { signal } = {}) {
  const body = h('tbody');
  const summary = h('span', { class: 'sub', role: 'status', 'aria-live': 'polite' }, '');

  replace(main,
    h('div', { class: 'page-head' },
      h('div', null, h('h1', null, 'Connections'), summary),
      h('div', { class: 'actions' }, h('a', { class: 'btn btn-primary', href: '#/connections/new', id: 'new-connection' }, '+ New connection'))),
    h('section', { class: 'panel' },
      h('p', { class: 'muted' }, 'SSH jobs name a profile instead of repeating host, user and secret. Profiles hold the name of a secret the server knows, never the secret.'),
      h('div', { class: 'table-wrap' },
        h('table', { class: 'data responsive', id: 'connections-table' },
          h('thead', null, h('tr', null,
            ['Name', 'Endpoint', 'Secret reference', 'Host key', 'Actions'].map((c) => h('th', { scope: 'col' }, c)))),
          body))));

  async function load() {
    let data;
    try {
      data = await get('/connections', { signal });
    } catch (err) {
      if (signal?.aborted) return;
      summary.textContent = '';
      replace(body, h('tr', null, h('td', { colspan: 5, class: 'empty' }, describe(err))));
      return;
    }
    const items = data?.items || [];
    summary.textContent = `${items.length} profile${items.length === 1 ? '' : 's'}`;
    if (items.length === 0) {
      replace(body, h('tr', null, h('td', { colspan: 5, class: 'empty' }, 'No connection profiles yet. ', h('a', { href: '#/connections/new' }, 'Create one'))));
      return;
    }
    replace(body, items.map((c) => h('tr', { dataset: { connection: c.name } },
      h('td', { 'data-label': 'Name' }, h('a', { href: `#/connections/${enc(c.name)}/edit`, class: 'connection-link' }, c.name)),
      h('td', { 'data-label': 'Endpoint' }, h('code', null, `${c.user}@${c.host}:${c.port ?? 22}`)),
      h('td', { 'data-label': 'Secret reference' }, h('code', null, c.secretRef)),
      h('td', { 'data-label': 'Host key' }, h('code', { title: c.hostKeyFingerprint }, shortFingerprint(c.hostKeyFingerprint))),
      h('td', { 'data-label': 'Actions' }, h('div', { class: 'row-actions' },
        h('a', { class: 'btn btn-small', href: `#/connections/${enc(c.name)}/edit`, 'data-action': 'edit', 'aria-label': `Edit ${c.name}` }, 'Edit'),
        h('button', {
          type: 'button',
          class: 'btn btn-small btn-danger',
          'data-action': 'delete',
          'aria-label': `Delete ${c.name}`,
          onclick: async () => {
            const ok = await confirmDialog({
              title: `Delete connection ${c.name}?`,
              body: 'Jobs that name this profile fail at their next run until a profile with this name exists again. This cannot be undone.',
              confirm: 'Delete connection',
              danger: true,
            });
            if (!ok) return;
            try {
              await api('DELETE', `/connections/${enc(c.name)}`);
              toast(`Deleted ${c.name}`);
            } catch (err) {
              toast(describe(err), 'error');
            }
            load();
          },
        }, 'Delete'))))));
  }

  await load();
  return undefined;
}
