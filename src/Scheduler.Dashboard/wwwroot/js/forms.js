// Form building blocks: labelled fields keyed by the API's field paths, key/value editors, and the mapping of a
// ProblemDetails 'errors' map ({ 'schedule.cron': [...] }) onto the fields that caused them.
import { h, uid, clear, append } from './dom.js';

/**
 * A labelled control wrapped in <div class="field" data-field="path">. kind: 'text' | 'number' | 'select' | 'textarea' | ...
 * Returns the wrapper; the control is wrapper.control.
 */
export function field(path, label, { kind = 'text', help, options, value, attrs = {}, cls = '' } = {}) {
  const id = uid(path.replace(/[^a-z0-9]/gi, '-') || 'field');
  const helpId = help ? `${id}-help` : null;
  const errorId = `${id}-error`;
  let control;
  if (kind === 'select') {
    control = h('select', { id, name: path, ...attrs }, options.map((o) => {
      const [val, text] = Array.isArray(o) ? o : [o, o];
      return h('option', { value: val, selected: String(value ?? '') === String(val) }, text);
    }));
  } else if (kind === 'textarea') {
    control = h('textarea', { id, name: path, rows: 4, ...attrs });
    control.value = value ?? '';
  } else if (kind === 'checkbox') {
    control = h('input', { id, name: path, type: 'checkbox', checked: Boolean(value), ...attrs });
    const wrapper = h('div', { class: `field ${cls}`, dataset: { field: path } },
      h('label', { class: 'checkbox', for: id }, control, label),
      help ? h('span', { class: 'help', id: helpId }, help) : null,
      h('span', { class: 'field-error', id: errorId, hidden: true }));
    wrapper.control = control;
    if (helpId) control.setAttribute('aria-describedby', helpId);
    return wrapper;
  } else {
    control = h('input', { id, name: path, type: kind, value: value ?? '', ...attrs });
  }
  if (helpId) control.setAttribute('aria-describedby', helpId);
  const wrapper = h('div', { class: `field ${cls}`, dataset: { field: path } },
    h('label', { for: id }, label),
    control,
    help ? h('span', { class: 'help', id: helpId }, help) : null,
    h('span', { class: 'field-error', id: errorId, hidden: true, role: 'alert' }));
  wrapper.control = control;
  return wrapper;
}

/** Rows of key/value inputs (headers, environment, metadata). editor.value() gives an object; keys are kept as typed. */
export function keyValueEditor(path, label, initial = {}, { keyLabel = 'Name', valueLabel = 'Value', help } = {}) {
  const rows = h('div', { class: 'kv-rows' });
  const errorId = uid('kv-error');
  const addRow = (k = '', v = '') => {
    const keyId = uid('k');
    const valueId = uid('v');
    const row = h('div', { class: 'kv-row' },
      h('div', null, h('label', { class: 'visually-hidden', for: keyId }, `${label} ${keyLabel.toLowerCase()}`), h('input', { type: 'text', id: keyId, value: k, placeholder: keyLabel, class: 'kv-key' })),
      h('div', null, h('label', { class: 'visually-hidden', for: valueId }, `${label} ${valueLabel.toLowerCase()}`), h('input', { type: 'text', id: valueId, value: v, placeholder: valueLabel, class: 'kv-value' })),
      h('button', { type: 'button', class: 'btn btn-small btn-ghost', 'aria-label': `Remove this ${label.toLowerCase()} entry`, onclick: () => row.remove() }, '✕'));
    rows.append(row);
    return row;
  };
  for (const [k, v] of Object.entries(initial || {})) addRow(k, v);
  const wrapper = h('div', { class: 'field', dataset: { field: path }, role: 'group', 'aria-label': label },
    h('span', { class: 'label' }, label),
    help ? h('span', { class: 'help' }, help) : null,
    rows,
    h('div', null, h('button', { type: 'button', class: 'btn btn-small', onclick: () => addRow().querySelector('input').focus() }, `+ Add ${label.toLowerCase().replace(/s$/, '')}`)),
    h('span', { class: 'field-error', id: errorId, hidden: true, role: 'alert' }));
  wrapper.value = () => {
    const out = {};
    for (const row of rows.querySelectorAll('.kv-row')) {
      const key = row.querySelector('.kv-key').value.trim();
      if (key) out[key] = row.querySelector('.kv-value').value;
    }
    return out;
  };
  return wrapper;
}

/** Removes every field error in the form. */
export function clearErrors(form, summary) {
  for (const f of form.querySelectorAll('.field.invalid')) {
    f.classList.remove('invalid');
    const err = f.querySelector('.field-error');
    if (err) { err.hidden = true; err.textContent = ''; }
    for (const c of f.querySelectorAll('input, select, textarea')) {
      c.removeAttribute('aria-invalid');
      const described = (c.getAttribute('aria-describedby') || '').split(' ').filter((x) => x && x !== err?.id);
      if (described.length) c.setAttribute('aria-describedby', described.join(' ')); else c.removeAttribute('aria-describedby');
    }
  }
  if (summary) { clear(summary); summary.hidden = true; }
}

/**
 * The visible field for an API error key: exact path, else the nearest visible ancestor path ('target.headers.X' ->
 * 'target.headers', 'after[0].job' -> 'after[0]' -> 'after').
 */
export function fieldFor(form, key) {
  const visible = (el) => el && el.offsetParent !== null;
  let path = key;
  while (path) {
    const candidates = [...form.querySelectorAll('[data-field]')].filter((el) => el.dataset.field.toLowerCase() === path.toLowerCase());
    const found = candidates.find(visible) || candidates[0];
    if (found && visible(found)) return found;
    const parent = path.replace(/(\.[^.[]*|\[\d+\])$/, '');
    path = parent === path ? '' : parent;
  }
  return null;
}

/**
 * Shows each error at its field (aria-invalid, message linked with aria-describedby) and lists all of them in the
 * summary with links that move focus to the field. Returns the first invalid control.
 */
export function showErrors(form, summary, errors, { title = 'The job was not saved.', detail } = {}) {
  clearErrors(form, summary);
  let first = null;
  const items = [];
  for (const [key, messages] of Object.entries(errors || {})) {
    const text = [].concat(messages).join(' ');
    const target = fieldFor(form, key);
    if (target) {
      target.classList.add('invalid');
      const err = target.querySelector('.field-error');
      err.textContent = err.textContent ? `${err.textContent} ${text}` : text;
      err.hidden = false;
      const control = target.querySelector('input, select, textarea');
      if (control) {
        control.setAttribute('aria-invalid', 'true');
        const described = new Set((control.getAttribute('aria-describedby') || '').split(' ').filter(Boolean));
        described.add(err.id);
        control.setAttribute('aria-describedby', [...described].join(' '));
        first ??= control;
      }
      items.push(h('li', null, h('a', { href: '#', onclick: (e) => { e.preventDefault(); control?.focus(); } }, key || 'job'), `: ${text}`));
    } else {
      items.push(h('li', null, h('strong', null, key || 'job'), `: ${text}`));
    }
  }
  if (summary) {
    append(summary, [h('h2', null, title), detail && !items.length ? h('p', null, detail) : null, items.length ? h('ul', null, items) : null]);
    summary.hidden = false;
  }
  return first;
}
