// Pieces shared by the jobs table and the job page: schedule summaries and the pause/resume/trigger/delete buttons.
import { h } from '../dom.js';
import { api, enc } from '../api.js';
import { toast, describe, confirmDialog, navigate } from '../ui.js';
import * as fmt from '../format.js';

/** The zone a job's schedule is written in (cron schedules carry one; the others are UTC instants). */
export function jobZone(definition) {
  const s = definition?.schedule;
  return s?.kind === 'Cron' && s.timeZone ? s.timeZone : 'UTC';
}

export function scheduleSummary(schedule) {
  if (!schedule) return '—';
  switch (schedule.kind) {
    case 'Cron':
      return h('span', null, h('code', null, schedule.cron), h('span', { class: 'secondary' }, schedule.timeZone || 'UTC'));
    case 'Interval':
      return h('span', null, `every ${fmt.span(schedule.interval)}`);
    case 'Once':
      return h('span', null, 'once ', h('span', { class: 'secondary' }, schedule.at ? fmt.dateTime(schedule.at) : `after ${fmt.span(schedule.delay)}`));
    case 'None':
      return h('span', null, 'none', h('span', { class: 'secondary' }, 'after its parents or by hand'));
    default:
      return String(schedule.kind);
  }
}

async function act(label, fn, onChange) {
  try {
    const result = await fn();
    toast(label);
    onChange?.(result);
  } catch (err) {
    toast(describe(err), 'error');
  }
}

/** Pause or resume, trigger now, edit and delete (with confirmation) for one job. */
export function jobActions(job, { compact = false, onChange, onDeleted } = {}) {
  const cls = compact ? 'btn btn-small' : 'btn';
  const id = job.id;
  const path = `/jobs/${enc(id)}`;
  const buttons = [];
  if (job.status === 'Paused') {
    buttons.push(h('button', { type: 'button', class: cls, 'data-action': 'resume', 'aria-label': `Resume ${id}`, onclick: () => act(`Resumed ${id}`, () => api('POST', `${path}/resume`), onChange) }, 'Resume'));
  } else if (job.status === 'Active') {
    buttons.push(h('button', { type: 'button', class: cls, 'data-action': 'pause', 'aria-label': `Pause ${id}`, onclick: () => act(`Paused ${id}`, () => api('POST', `${path}/pause`), onChange) }, 'Pause'));
  }
  buttons.push(h('button', { type: 'button', class: cls, 'data-action': 'trigger', 'aria-label': `Run ${id} now`, onclick: () => act(`Triggered ${id}: its run is queued (or waits for a free slot)`, () => api('POST', `${path}/trigger`), onChange) }, 'Run now'));
  if (!compact) buttons.push(h('a', { class: cls, href: `#/jobs/${enc(id)}/edit`, 'data-action': 'edit' }, 'Edit'));
  buttons.push(h('button', {
    type: 'button',
    class: `${cls} btn-danger`,
    'data-action': 'delete',
    'aria-label': `Delete ${id}`,
    onclick: async () => {
      const ok = await confirmDialog({
        title: `Delete job ${id}?`,
        body: 'Its schedule stops at once. Runs already recorded stay readable until they expire. This cannot be undone.',
        confirm: 'Delete job',
        danger: true,
      });
      if (!ok) return;
      await act(`Deleted ${id}`, () => api('DELETE', path), () => (onDeleted ? onDeleted() : onChange?.()));
    },
  }, 'Delete'));
  return h('div', { class: 'row-actions' }, buttons);
}

export function goToJob(id) {
  navigate(`/jobs/${enc(id)}`);
}

export function prop(label, value) {
  return [h('dt', null, label), h('dd', null, value ?? '—')];
}

export function targetSummary(t) {
  switch (t.type) {
    case 'http':
      return [h('code', null, `${t.method || 'POST'} ${t.url}`),
        Object.keys(t.headers || {}).length ? h('div', { class: 'muted' }, `${Object.keys(t.headers).length} header(s)`) : null];
    case 'queue':
      return [`queue `, h('code', null, t.queueName)];
    case 'command':
      return h('code', null, [t.program, ...(t.args || [])].join(' '));
    case 'ssh':
      return [`ssh `, h('code', null, t.connection || `${t.user}@${t.host}:${t.port ?? 22}`), h('div', { class: 'muted' }, `${(t.commands || []).length} command(s)`)];
    default:
      return String(t.type);
  }
}
