// Config: the default lane budget, per-lane budgets and pause-all. Saved with If-Match; the sweep applies it on its next tick.
import { h, replace, uid } from '../dom.js';
import { api } from '../api.js';
import { toast, errorPanel, describe } from '../ui.js';
import { field, showErrors, clearErrors } from '../forms.js';

export async function renderConfig(main) {
  let config;
  let etag;
  let usage = [];
  try {
    const response = await api('GET', '/config');
    config = response.data;
    etag = response.etag || config.eTag;
  } catch (err) {
    replace(main, errorPanel(err));
    return undefined;
  }
  try {
    usage = (await api('GET', '/stats')).data.lanes || [];
  } catch { /* usage is a hint only */ }
  const inUse = Object.fromEntries(usage.map((l) => [l.lane, l.inUse]));

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
    const row = h('div', { class: 'lane-row' });
    const nameField = h('div', { class: 'field', dataset: { field: name ? `lanes.${name}` : '' } },
      h('label', { for: nameId }, 'Lane'),
      h('input', { type: 'text', id: nameId, value: name, class: 'lane-name', autocomplete: 'off', spellcheck: 'false' }),
      h('span', { class: 'help' }, inUse[name] !== undefined ? `${inUse[name]} slot${inUse[name] === 1 ? '' : 's'} in use now` : ' '),
      h('span', { class: 'field-error', hidden: true }));
    const budgetField = h('div', { class: 'field' },
      h('label', { for: budgetId }, 'Budget'),
      h('input', { type: 'number', id: budgetId, value: budget, min: 0, max: 1000, class: 'lane-budget', inputmode: 'numeric' }));
    const input = nameField.querySelector('input');
    input.addEventListener('input', () => { nameField.dataset.field = `lanes.${input.value.trim()}`; });
    row.append(nameField, budgetField, h('button', { type: 'button', class: 'btn btn-ghost', 'aria-label': `Remove lane ${name || 'row'}`, onclick: () => row.remove() }, 'Remove'));
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
    h('div', { class: 'form-footer' }, saveButton, h('a', { class: 'btn', href: '#/' }, 'Back to the overview')));

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
