// Config: the default lane budget, per-lane budgets and pause-all. Saved with If-Match; the sweep applies it on its next tick.
import { h, replace, uid } from '../dom.js';
import { api } from '../api.js';
import { toast, errorPanel, describe } from '../ui.js';
import { field, showErrors, clearErrors } from '../forms.js';

/** Slots held right now per lane (from /api/stats), with a shortcut to give a lane on the default budget its own. */
function usagePanel(usage, config, giveBudget) {
  return h('section', { class: 'panel', style: 'margin-top: 1rem', 'aria-labelledby': 'usage-title' },
    h('h2', { id: 'usage-title' }, 'Slots in use now'),
    h('div', { class: 'table-wrap' },
      h('table', { class: 'data responsive', id: 'usage-table' },
        h('thead', null, h('tr', null,
          h('th', { scope: 'col' }, 'Lane'), h('th', { scope: 'col', class: 'num' }, 'In use'), h('th', { scope: 'col', class: 'num' }, 'Budget'), h('th', { scope: 'col' }, 'Budget from'))),
        h('tbody', null, usage.length === 0
          ? h('tr', null, h('td', { colspan: 4, class: 'empty' }, 'No lane has run yet.'))
          : usage.map((l) => {
            const own = Object.hasOwn(config.lanes || {}, l.lane);
            return h('tr', null,
              h('td', { 'data-label': 'Lane' }, h('code', null, l.lane)),
              h('td', { 'data-label': 'In use', class: 'num' }, l.inUse),
              h('td', { 'data-label': 'Budget', class: 'num' }, l.budget),
              h('td', { 'data-label': 'Budget from' }, own ? 'its own budget' : [
                'the default ',
                h('button', { type: 'button', class: 'btn btn-small', onclick: (e) => { e.currentTarget.disabled = true; giveBudget(l.lane); } }, `Give ${l.lane} its own budget`)]));
          })))));
}

export async function renderConfig(main, _params, _query, { signal } = {}) {
  let config;
  let etag;
  let usage = [];
  try {
    const response = await api('GET', '/config', { signal });
    config = response.data;
    etag = response.etag || config.eTag;
  } catch (err) {
    if (!signal?.aborted) replace(main, errorPanel(err));
    return undefined;
  }
  try {
    usage = (await api('GET', '/stats', { signal })).data.lanes || [];
  } catch { /* usage is a hint only */ }

  const pauseAll = field('pauseAll', 'Pause all dispatching', {
    kind: 'checkbox',
    value: config.pauseAll,
    help: 'No new run starts anywhere while this is on; runs in flight finish.',
    attrs: { role: 'switch' },
  });
  const defaultBudget = field('defaultLaneConcurrency', 'Default lane budget', {
    kind: 'number',
    value: config.defaultLaneConcurrency,
    help: 'Slots of every lane without a budget of its own (0 stops those lanes).',
    attrs: { min: 0, max: 1000, required: true },
  });
  const lanes = h('div', { id: 'lane-rows' });
  const summary = h('div', { class: 'form-errors', role: 'alert', tabindex: -1, hidden: true });
  const saveButton = h('button', { type: 'submit', class: 'btn btn-primary', id: 'save-config' }, 'Save');

  const addLane = (name = '', budget = '') => {
    const nameId = uid('lane');
    const budgetId = uid('budget');
    const nameField = h('div', { class: 'field', dataset: { field: name ? `lanes.${name}` : '' } },
      h('label', { for: nameId }, 'Lane'),
      h('input', { type: 'text', id: nameId, value: name, class: 'lane-name', autocomplete: 'off', spellcheck: 'false' }),
      h('span', { class: 'field-error', hidden: true }));
    const budgetField = h('div', { class: 'field' },
      h('label', { for: budgetId }, 'Budget'),
      h('input', { type: 'number', id: budgetId, value: budget, min: 0, max: 1000, class: 'lane-budget', inputmode: 'numeric' }));
    const input = nameField.querySelector('input');
    input.addEventListener('input', () => { nameField.dataset.field = `lanes.${input.value.trim()}`; });
    const row = h('div', { class: 'lane-row' }, nameField, budgetField);
    row.append(h('button', { type: 'button', class: 'btn btn-ghost', 'aria-label': `Remove lane ${name || 'row'}`, onclick: () => row.remove() }, 'Remove'));
    lanes.append(row);
    return row;
  };
  for (const [name, budget] of Object.entries(config.lanes || {})) addLane(name, budget);

  const form = h('form', { id: 'config-form', novalidate: true, 'aria-labelledby': 'config-title' },
    summary,
    h('section', { class: 'panel' },
      h('h2', null, 'Dispatch'),
      h('div', { class: 'switch-row' }, pauseAll),
      config.pauseAll ? h('p', { class: 'banner warn', role: 'status' }, 'Dispatching is paused right now.') : null),
    h('section', { class: 'panel' },
      h('h2', null, 'Concurrency budgets'),
      h('p', { class: 'muted' }, 'A budget is the number of runs of a lane that may hold a slot at once. Changes apply from the next sweep tick; runs holding slots keep them.'),
      defaultBudget,
      h('div', { class: 'field', dataset: { field: 'lanes' }, role: 'group', 'aria-label': 'Lane budgets' },
        h('span', { class: 'label' }, 'Lanes with their own budget'),
        lanes,
        h('div', null, h('button', { type: 'button', class: 'btn btn-small', id: 'add-lane', onclick: () => addLane().querySelector('input').focus() }, '+ Add lane')),
        h('span', { class: 'field-error', hidden: true }))),
    h('div', { class: 'form-footer' }, saveButton, h('a', { class: 'btn', href: '#/' }, 'Back to the overview')),
    usagePanel(usage, config, (lane) => addLane(lane, config.defaultLaneConcurrency).querySelector('.lane-budget').focus()));

  replace(main,
    h('div', { class: 'page-head' },
      h('div', null, h('h1', { id: 'config-title' }, 'Config'), h('p', { class: 'sub' }, 'Global and per-lane concurrency, and the pause-all switch.'))),
    form);

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form, summary);
    const lanesMap = {};
    const local = {};
    for (const row of lanes.querySelectorAll('.lane-row')) {
      const name = row.querySelector('.lane-name').value.trim();
      const budgetText = row.querySelector('.lane-budget').value.trim();
      if (!name && !budgetText) continue;
      const budget = Number(budgetText);
      if (!name) local.lanes = ['Every budget needs a lane name.'];
      else if (budgetText === '' || !Number.isInteger(budget)) local[`lanes.${name}`] = ['The budget is a whole number of slots.'];
      else lanesMap[name] = budget;
    }
    const defaultValue = Number(defaultBudget.control.value);
    if (defaultBudget.control.value === '' || !Number.isInteger(defaultValue)) local.defaultLaneConcurrency = ['The budget is a whole number of slots.'];
    if (Object.keys(local).length) {
      (showErrors(form, summary, local, { title: 'The config was not saved.' }) || summary).focus();
      return;
    }
    saveButton.disabled = true;
    try {
      const body = { defaultLaneConcurrency: defaultValue, lanes: lanesMap, pauseAll: pauseAll.control.checked };
      const response = await api('PUT', '/config', { body, ifMatch: etag });
      etag = response.etag || response.data?.eTag;
      toast('Config saved: the sweep applies it on its next tick.');
    } catch (err) {
      const errors = Object.keys(err.errors || {}).length ? err.errors : { '': [describe(err)] };
      const title = err.status === 412 ? 'Someone changed the config meanwhile: reload the page and apply your changes again.' : 'The config was not saved.';
      (showErrors(form, summary, errors, { title }) || summary).focus();
    } finally {
      saveButton.disabled = false;
    }
  });
  return undefined;
}
