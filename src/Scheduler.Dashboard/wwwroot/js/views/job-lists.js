// The definition's list members (parents, parameters, alert rules, run-end notifications) edited as JSON text, one
// area per member, plus `require`. The server checks what is inside each list and names the entry it refuses
// (`after[0].job`, `alerts[1].cooldown`), which forms.js shows at the member's area.
import { field } from '../forms.js';

// Each list member: its label, an example entry (shown in the help and in the message for text that is not a list).
const LISTS = {
  after: { label: 'Runs after (parent jobs)', example: '[{"job": "extract", "on": "Succeeded"}]', note: 'on: Succeeded, Failed or Ended.' },
  parameters: { label: 'Parameters', example: '[{"name": "day", "default": "today", "description": "Day to process"}]', note: 'Targets read them as {{params.NAME}}.' },
  alerts: { label: 'Alert rules', example: '[{"on": "Failed", "webhook": {"url": "https://example.com/alerts"}, "cooldown": "01:00:00"}]', note: 'Empty: the configured default rules apply.' },
  notify: { label: 'Run-end notifications', example: '[{"on": "Failed", "url": "https://example.com/hooks/ended"}]', note: 'on: Failed, Succeeded or Ended.' },
};

// One entry a line: a list of a few small objects reads best that way.
const asText = (list) => (Array.isArray(list) && list.length ? `[\n${list.map((e) => `  ${JSON.stringify(e)}`).join(',\n')}\n]` : '');

/** The fields of the list members and of `require`, filled from a definition. */
export function listFields(d) {
  const fields = {
    require: field('require', 'With several parents, run after', { kind: 'select', value: d.require || 'All', options: [['All', 'All of them (each has run since)'], ['Any', 'Any one of them']] }),
  };
  for (const [path, { label, example, note }] of Object.entries(LISTS)) {
    const text = asText(d[path]);
    const rows = Math.min(12, Math.max(3, text.split('\n').length + 1));
    fields[path] = field(path, label, { kind: 'textarea', value: text, help: `JSON, e.g. ${example}. ${note} Empty for none.`, attrs: { spellcheck: 'false', rows } });
  }
  return fields;
}

/** The list members and `require` as the API takes them; text that is not a JSON list is an error at its field. */
export function readLists(f, errors) {
  const members = { require: f.require.control.value };
  for (const [path, { example }] of Object.entries(LISTS)) {
    const text = f[path].control.value.trim();
    if (!text) { members[path] = []; continue; }
    let value;
    try { value = JSON.parse(text); } catch (err) {
      errors[path] = [`This is not JSON (${err.message}). Write a list such as ${example}, or leave it empty.`];
      continue;
    }
    if (Array.isArray(value)) members[path] = value;
    else errors[path] = [`Write a list in [ ], such as ${example}, or leave it empty.`];
  }
  return members;
}
