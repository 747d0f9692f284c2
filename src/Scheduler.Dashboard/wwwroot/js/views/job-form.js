// Create and edit a job: every field of the definition, a live preview of the next occurrences (job-preview.js), and
// the API's validation messages shown at the fields they name, all at once.
import { h, replace } from '../dom.js';
import { api, enc } from '../api.js';
import { toast, navigateFrom, errorPanel } from '../ui.js';
import { showErrors, clearErrors } from '../forms.js';
import { readDefinition, DEFAULTS } from './job-definition.js';
import { jobFields } from './job-fields.js';
import { livePreview } from './job-preview.js';

let zones = null;

function timeZones() {
  if (!zones) {
    try { zones = Intl.supportedValuesOf('timeZone'); } catch { zones = []; }
    if (!zones.includes('UTC')) zones = ['UTC', ...zones];
  }
  return zones;
}

export async function renderJobForm(main, params, _query, { signal } = {}) {
  const editing = Boolean(params.id);
  let job = null;
  let etag = null;
  if (editing) {
    try {
      const response = await api('GET', `/jobs/${enc(params.id)}`, { signal });
      job = response.data;
      etag = response.etag || job.eTag;
    } catch (err) {
      if (!signal?.aborted) replace(main, errorPanel(err));
      return undefined;
    }
  }
  const d = job?.definition || DEFAULTS;

  const f = jobFields(d, { editing });
  const connectionList = h('datalist', { id: 'connection-list' });

  const summary = h('div', { class: 'form-errors', role: 'alert', tabindex: -1, hidden: true, id: 'form-errors' });
  const previewList = h('ol', { class: 'preview-list', id: 'preview-list', 'aria-live': 'polite' });
  const previewStatus = h('p', { class: 'muted', id: 'preview-status' }, 'Type a schedule to see its next occurrences.');
  const saveButton = h('button', { type: 'submit', class: 'btn btn-primary', id: 'save-job' }, editing ? 'Save changes' : 'Create job');

  const groups = {
    http: h('div', { class: 'form-grid', dataset: { target: 'http' } }, f.method, f.url, h('div', { class: 'span-2' }, f.headers), h('div', { class: 'span-2' }, f.body), f.successCodes),
    queue: h('div', { class: 'form-grid', dataset: { target: 'queue' } }, f.queueName, h('div', { class: 'span-2' }, f.message)),
    command: h('div', { class: 'form-grid', dataset: { target: 'command' } }, f.program, f.workingDirectory, h('div', { class: 'span-2' }, f.args), h('div', { class: 'span-2' }, f.environment), f.useShell),
    ssh: h('div', { class: 'form-grid', dataset: { target: 'ssh' } }, f.connection, f.host, f.port, f.user, f.secretRef, f.hostKeyFingerprint, h('div', { class: 'span-2' }, f.commands), f.continueOnError, f.connectTimeout, f.commandTimeout),
  };
  const kinds = {
    Cron: h('div', { class: 'form-grid', dataset: { kind: 'Cron' } }, f.cron, f.timeZone),
    Interval: h('div', { class: 'form-grid', dataset: { kind: 'Interval' } }, f.interval),
    Once: h('div', { class: 'form-grid', dataset: { kind: 'Once' } }, f.at, f.delay),
    None: h('p', { class: 'muted', dataset: { kind: 'None' } }, 'No schedule of its own: it runs when its parents\' runs end as "Runs after" says (below), or when started by hand.'),
  };
  const bounds = h('div', { class: 'form-grid', id: 'schedule-bounds' }, f.startUtc, f.endUtc, f.maxOccurrences);

  const form = h('form', { id: 'job-form', novalidate: true, 'aria-labelledby': 'form-title' },
    summary,
    h('div', { class: 'form-narrow' },
      h('fieldset', null, h('legend', null, 'Job'), h('div', { class: 'form-grid' }, f.id, f.name)),
      h('fieldset', null, h('legend', null, 'Target'), f.type, ...Object.values(groups)),
      h('fieldset', null, h('legend', null, 'Schedule'), f.kind, ...Object.values(kinds), bounds,
        h('section', { class: 'preview', 'aria-labelledby': 'preview-title' },
          h('h3', { id: 'preview-title' }, 'Next occurrences'),
          previewStatus,
          previewList)),
      h('fieldset', null, h('legend', null, 'Execution'), h('div', { class: 'form-grid' }, f.priority, f.timeout, f.lane, f.overlap, f.tags), f.metadata),
      h('fieldset', null, h('legend', null, 'Parent jobs'), f.after, f.require),
      h('fieldset', null, h('legend', null, 'Parameters and alerts'), f.parameters, f.alerts, f.notify),
      h('fieldset', null, h('legend', null, 'Retries'), h('div', { class: 'form-grid' }, f.maxAttempts, f.firstInterval, f.coefficient, f.maxInterval, f.jitter)),
      h('fieldset', null, h('legend', null, 'Misfires'), h('div', { class: 'form-grid' }, f.misfireAction, f.threshold, f.window)),
      h('div', { class: 'form-footer' }, saveButton, h('a', { class: 'btn', href: editing ? `#/jobs/${enc(d.id)}` : '#/jobs' }, 'Cancel'))),
    h('datalist', { id: 'tz-list' }, timeZones().map((z) => h('option', { value: z }))),
    connectionList);

  replace(main,
    h('div', { class: 'page-head' },
      h('div', null, h('h1', { id: 'form-title' }, editing ? `Edit ${d.id}` : 'New job'),
        h('p', { class: 'sub' }, editing ? 'Saving replaces the definition; the schedule restarts from now.' : 'Fields marked by the server as wrong are shown in red with the reason.'))),
    form);

  const showGroups = () => {
    for (const [type, el] of Object.entries(groups)) el.hidden = type !== f.type.control.value;
    for (const [kind, el] of Object.entries(kinds)) el.hidden = kind !== f.kind.control.value;
    bounds.hidden = f.kind.control.value === 'None';
  };
  f.type.control.addEventListener('change', showGroups);
  f.kind.control.addEventListener('change', showGroups);
  showGroups();

  // ---------- live preview ----------
  const preview = livePreview({ form, f, editing, signal, previewStatus, previewList });

  // ---------- submit ----------
  // Fields the form cannot read are left out and the server checks the rest without saving (validateOnly), so that
  // every field's error shows at once: the form's own where it could not read a value, the server's everywhere else.
  async function serverErrors(definition) {
    try {
      await api('POST', '/jobs?validateOnly=true', { body: definition, signal });
      return {};
    } catch (err) {
      return err.kind === 'validation' ? err.errors : {};
    }
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form, summary);
    const { definition, errors } = readDefinition(f, { editing, loaded: job?.definition });
    saveButton.disabled = true;
    try {
      if (Object.keys(errors).length) {
        const all = { ...(await serverErrors(definition)), ...errors };
        if (!signal?.aborted) (showErrors(form, summary, all, { title: 'The job was not saved: fix these fields.' }) || summary).focus();
        return;
      }
      const response = editing
        ? await api('PUT', `/jobs/${enc(d.id)}`, { body: definition, ifMatch: etag })
        : await api('POST', '/jobs', { body: definition });
      toast(editing ? `Saved ${definition.id}` : `Created ${definition.id}`);
      navigateFrom(signal, `/jobs/${enc(response.data?.id || definition.id)}`);
    } catch (err) {
      const fieldErrors = Object.keys(err.errors || {}).length ? err.errors : { '': [err.detail || err.message] };
      const title = err.kind === 'conflict'
        ? (err.status === 412 ? 'Someone changed this job meanwhile: reload the page and apply your changes again.' : 'A job with this id already exists.')
        : err.kind === 'validation' ? 'The server refused the job.' : 'The job was not saved.';
      const mapped = err.kind === 'conflict' && err.status === 409 ? { id: [err.detail] } : fieldErrors;
      (showErrors(form, summary, mapped, { title, detail: err.detail }) || summary).focus();
    } finally {
      saveButton.disabled = false;
    }
  });

  // The SSH target's profile names, offered as suggestions (a hint only: the field still takes any name).
  api('GET', '/connections', { signal })
    .then((r) => replace(connectionList, (r.data?.items || []).map((c) => h('option', { value: c.name }, `${c.user}@${c.host}:${c.port ?? 22}`))))
    .catch(() => {});

  preview.run();
  return preview.stop;
}
