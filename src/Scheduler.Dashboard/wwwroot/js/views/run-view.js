// One run in full: its timings, its attempts with response excerpts, errors, logs and per-command results.
import { h, badge } from '../dom.js';
import { enc } from '../api.js';
import * as fmt from '../format.js';
import { startedRuns } from './job-lineage.js';

const ACTIVE = ['Queued', 'Running', 'Retrying'];

export function runBody(run, { onCancel } = {}) {
  const took = run.startedUtc && run.finishedUtc ? new Date(run.finishedUtc) - new Date(run.startedUtc) : null;
  const attempts = run.attempts || [];
  return [
    h('div', { class: 'panel-head', style: 'margin-top: 0.5rem' },
      h('code', { class: 'muted' }, run.runId),
      ACTIVE.includes(run.status) && !run.cancelRequested
        ? h('button', { type: 'button', class: 'btn btn-small btn-danger', 'data-action': 'cancel-run', onclick: (e) => { e.currentTarget.disabled = true; onCancel?.(); } }, 'Cancel run')
        : null),
    h('dl', { class: 'props', style: 'margin: 0.5rem 0' },
      dt('Due', fmt.dateTime(run.dueUtc)),
      dt('Started', run.startedUtc ? fmt.dateTime(run.startedUtc) : '—'),
      dt('Finished', run.finishedUtc ? fmt.dateTime(run.finishedUtc) : '—'),
      dt('Lateness', run.latenessMs != null ? fmt.duration(run.latenessMs) : '—'),
      dt('Duration', took != null ? fmt.duration(took) : '—'),
      dt('Trigger', run.trigger),
      run.parent ? dt('Started by', parentLink(run.parent)) : null,
      dt('Lane', run.lane),
      run.slot ? dt('Slot', `${run.slot.lane ?? run.lane} #${run.slot.number ?? '?'}`) : null,
      run.lastError ? dt('Last error', h('span', { class: 'error-text' }, run.lastError)) : null),
    run.parameters ? [h('h3', null, 'Parameters'), h('dl', { class: 'props run-parameters', style: 'margin: 0.5rem 0' },
      Object.entries(run.parameters).map(([name, value]) => dt(name, value === '' ? h('span', { class: 'muted' }, '(empty)') : h('code', null, value))))] : null,
    run.resultExcerpt ? [h('h3', null, 'Result'), h('pre', { class: 'block' }, run.resultExcerpt)] : null,
    startedRuns(run),
    h('h3', null, `Attempts (${attempts.length})`),
    attempts.length === 0
      ? h('p', { class: 'muted' }, run.inFlightAttempt ? `Attempt ${run.inFlightAttempt} is running.` : 'No attempt recorded yet.')
      : h('ol', { class: 'attempts', style: 'list-style: none; padding: 0; margin: 0' }, attempts.map(attempt)),
  ];
}

/** The run whose end started this one, opened on its job's page. */
function parentLink(parent) {
  return [h('a', { href: `#/jobs/${enc(parent.jobId)}?run=${enc(parent.runId)}`, class: 'parent-run' }, parent.runId), ' ', badge(parent.status)];
}

function attempt(a) {
  return h('li', { class: `attempt s-${String(a.status).toLowerCase()}`, dataset: { attempt: a.number } },
    h('div', { class: 'attempt-head' },
      h('strong', null, `Attempt ${a.number}`),
      badge(a.status),
      h('span', { class: 'durations' }, fmt.duration(a.durationMs)),
      h('span', { class: 'muted' }, fmt.time(a.startedUtc)),
      a.statusCode != null ? h('span', null, 'HTTP ', h('code', null, a.statusCode)) : null,
      a.exitCode != null ? h('span', null, 'exit ', h('code', null, a.exitCode)) : null,
      a.status !== 'Succeeded' ? h('span', { class: 'muted' }, a.retryable ? 'retryable' : 'not retryable') : null,
      a.retryAfter ? h('span', { class: 'muted' }, `retry after ${fmt.span(a.retryAfter)}`) : null),
    a.error ? h('p', { class: 'error-text' }, a.error) : null,
    a.requestExcerpt ? excerpt('Request', a.requestExcerpt) : null,
    a.responseExcerpt ? excerpt('Response', a.responseExcerpt, true) : null,
    (a.log || []).length ? excerpt('Log', a.log.join('\n')) : null,
    (a.commands || []).length ? commands(a.commands) : null);
}

function excerpt(label, text, open = false) {
  return h('details', { open, class: 'excerpt' }, h('summary', null, label), h('pre', { class: 'block' }, text));
}

function commands(list) {
  return h('div', { class: 'table-wrap' },
    h('table', { class: 'data responsive commands' },
      h('caption', { class: 'visually-hidden' }, 'Per-command results'),
      h('thead', null, h('tr', null, ['Command', 'Exit', 'Duration', 'Output'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', null, list.map((c) => h('tr', null,
        h('td', { 'data-label': 'Command' }, h('code', null, c.command)),
        h('td', { 'data-label': 'Exit', class: 'num' }, c.exitCode ?? '—'),
        h('td', { 'data-label': 'Duration', class: 'nowrap' }, fmt.span(c.duration)),
        h('td', { 'data-label': 'Output' },
          c.stdout ? h('pre', { class: 'block' }, c.stdout) : null,
          c.stderr ? h('pre', { class: 'block error-text' }, c.stderr) : null,
          c.error ? h('p', { class: 'error-text' }, c.error) : null,
          !c.stdout && !c.stderr && !c.error ? h('span', { class: 'muted' }, 'no output') : null))))));
}

function dt(label, value) {
  return [h('dt', null, label), h('dd', null, value)];
}
