// Job page: the definition, its state, and a timeline of recent runs with their attempts, refreshed live.
import { h, replace, badge } from '../dom.js';
import { api, enc, query } from '../api.js';
import { poll, toast, describe, errorPanel, navigateFrom } from '../ui.js';
import * as fmt from '../format.js';
import { jobActions, scheduleSummary, jobZone, prop, targetSummary } from './job-common.js';
import { runBody } from './run-view.js';
import { alertsSection } from './job-alerts.js';
import { lineageProps } from './job-lineage.js';

const REFRESH_MS = 3000;
const RUNS_SHOWN = 20;
const TERMINAL = ['Succeeded', 'Failed', 'Canceled', 'Skipped'];

export async function renderJobDetail(main, params, routeQuery, { signal } = {}) {
  const id = params.id;
  const wanted = routeQuery?.get('run'); // a link to one run (a child run's parent) opens that run's card
  const head = h('div', { class: 'page-head' });
  const state = h('dl', { class: 'props', id: 'job-state' });
  const definition = h('dl', { class: 'props', id: 'job-definition' });
  const json = h('pre', { class: 'block', id: 'job-json' });
  const timeline = h('ol', { class: 'timeline', id: 'run-timeline', 'aria-label': 'Recent runs, newest first' });
  const runsNote = h('p', { class: 'muted', id: 'runs-note' }, 'Loading runs…');
  const cards = new Map(); // runId -> { el, signature, detail }
  let autoOpened = false; // the newest started run opens by itself once, so its attempts show without a click
  let job = null;
  const alerts = alertsSection(id, signal);

  replace(main,
    head,
    h('div', { class: 'grid-2' },
      h('section', { class: 'panel', 'aria-labelledby': 'state-title' }, h('h2', { id: 'state-title' }, 'State'), state),
      h('section', { class: 'panel', 'aria-labelledby': 'def-title' }, h('h2', { id: 'def-title' }, 'Definition'), definition,
        h('details', null, h('summary', null, 'Definition as JSON'), json))),
    h('section', { class: 'panel', style: 'margin-top: 1rem', 'aria-labelledby': 'runs-title' },
      h('div', { class: 'panel-head' }, h('h2', { id: 'runs-title' }, 'Recent runs'), h('span', { class: 'hint' }, `newest first · refreshes every ${REFRESH_MS / 1000} s`)),
      runsNote,
      timeline),
    alerts.el);

  const loadJob = async () => {
    const response = await api('GET', `/jobs/${enc(id)}`, { signal });
    job = response.data;
    renderHead();
    renderState();
    renderDefinition();
  };

  function renderHead() {
    const d = job.definition || {};
    replace(head,
      h('div', null,
        h('p', { class: 'sub' }, h('a', { href: '#/jobs' }, '← Jobs')),
        h('h1', null, job.id, ' ', badge(job.status)),
        d.name ? h('p', { class: 'sub' }, d.name) : null),
      jobActions(job, { onChange: () => refresh(), onDeleted: () => navigateFrom(signal, '/jobs') }));
  }

  function renderState() {
    const zone = jobZone(job.definition);
    replace(state,
      prop('Status', badge(job.status)),
      prop('Next due', job.nextDueUtc
        ? [h('div', null, `${fmt.dateTime(job.nextDueUtc)} (${fmt.relative(job.nextDueUtc)})`),
          zone !== fmt.viewerZone ? h('div', { class: 'muted' }, `${fmt.dateTime(job.nextDueUtc, zone)} in ${zone}`) : null]
        : '—'),
      prop('Runs', `${fmt.number(job.occurrences)} scheduled, ${fmt.number(job.manualRuns || 0)} manual`),
      prop('Last run', job.lastRunId ? h('code', null, job.lastRunId) : '—'),
      prop('Created', fmt.dateTime(job.createdUtc)),
      prop('Updated', fmt.dateTime(job.updatedUtc)));
  }

  function renderDefinition() {
    const d = job.definition || {};
    const t = d.target || {};
    const r = d.retry || {};
    const m = d.misfire || {};
    replace(definition,
      prop('Target', targetSummary(t)),
      prop('Schedule', scheduleSummary(d.schedule)),
      lineageProps(job),
      d.schedule?.startUtc ? prop('Starts', fmt.dateTime(d.schedule.startUtc)) : null,
      d.schedule?.endUtc ? prop('Ends', fmt.dateTime(d.schedule.endUtc)) : null,
      d.schedule?.maxOccurrences ? prop('Max occurrences', d.schedule.maxOccurrences) : null,
      prop('Lane', h('code', null, d.lane || 'default')),
      prop('Priority', d.priority),
      prop('Timeout', fmt.span(d.timeout)),
      prop('Retries', `${r.maxAttempts} attempt${r.maxAttempts === 1 ? '' : 's'}, first delay ${fmt.span(r.firstInterval)}, ×${r.coefficient}, max ${fmt.span(r.maxInterval)}, jitter ${r.jitter}`),
      prop('Overlap', d.overlap),
      prop('Misfire', `${m.action} when later than ${fmt.span(m.threshold)} (window ${fmt.span(m.window)})`),
      (d.tags || []).length ? prop('Tags', d.tags.map((x) => h('span', { class: 'tag' }, x))) : null,
      (d.parameters || []).length ? prop('Parameters', d.parameters.map((p) => h('div', null, h('code', null, p.name), ` = ${p.default ?? ''}`))) : null,
      Object.keys(d.metadata || {}).length ? prop('Metadata', Object.entries(d.metadata).map(([k, v]) => h('div', null, h('code', null, k), ` = ${v}`))) : null);
    json.textContent = JSON.stringify(d, null, 2);
  }

  const loadRuns = async () => {
    const data = (await api('GET', `/jobs/${enc(id)}/runs${query({ limit: RUNS_SHOWN })}`, { signal })).data;
    const runs = data.items || [];
    runsNote.textContent = runs.length ? '' : 'No run yet. Use "Run now" to start one, or wait for the next due time.';
    runsNote.hidden = runs.length > 0;
    const keep = new Set();
    const ordered = [];
    for (const run of runs) {
      keep.add(run.runId);
      let card = cards.get(run.runId);
      const signature = [run.status, run.attemptCount, run.inFlightAttempt, run.finishedUtc, run.cancelRequested].join('|');
      if (!card) {
        card = createCard(run);
        cards.set(run.runId, card);
      }
      if (card.signature !== signature) {
        card.signature = signature;
        card.run = run;
        updateSummary(card);
        if (card.details.open) await loadDetail(card);
        else card.stale = true;
      }
      ordered.push(card.el);
    }
    for (const runId of [...cards.keys()]) if (!keep.has(runId)) cards.delete(runId);
    if (!autoOpened) {
      const started = wanted ? runs.find((r) => r.runId === wanted) : runs.find((r) => r.status !== 'Queued');
      if (started) {
        autoOpened = true;
        cards.get(started.runId).details.open = true; // the toggle event loads its attempts
        if (wanted) cards.get(started.runId).el.scrollIntoView({ block: 'center' });
      }
    }
    // Re-append in order; moving existing nodes keeps their open state and focus.
    const current = [...timeline.children];
    if (current.length !== ordered.length || current.some((el, i) => el !== ordered[i])) replace(timeline, ordered);
  };

  function createCard(run) {
    const summaryEl = h('summary');
    const bodyEl = h('div', { class: 'run-body' }, h('p', { class: 'muted' }, 'Loading attempts…'));
    const details = h('details', { class: 'run-card' }, summaryEl, bodyEl);
    const dot = h('span', { class: 'dot', 'aria-hidden': 'true' });
    const el = h('li', { dataset: { runId: run.runId } }, dot, details);
    const card = { el, details, summaryEl, bodyEl, dot, run, signature: '', stale: true };
    details.addEventListener('toggle', () => { if (details.open && card.stale) loadDetail(card); });
    return card;
  }

  function updateSummary(card) {
    const run = card.run;
    card.dot.className = `dot s-${run.status.toLowerCase()}`;
    const took = run.startedUtc && run.finishedUtc ? new Date(run.finishedUtc) - new Date(run.startedUtc) : null;
    replace(card.summaryEl,
      badge(run.status),
      run.trigger !== 'Schedule' ? badge('Manual', run.trigger.toLowerCase()) : null,
      h('span', { class: 'nowrap' }, h('strong', null, fmt.dateTime(run.dueUtc))),
      h('span', { class: 'run-meta' },
        `${run.attemptCount} attempt${run.attemptCount === 1 ? '' : 's'}${run.inFlightAttempt ? ` · attempt ${run.inFlightAttempt} in flight` : ''}`,
        run.latenessMs != null ? ` · late ${fmt.duration(run.latenessMs)}` : '',
        took != null ? ` · took ${fmt.duration(took)}` : ''),
      run.cancelRequested && !TERMINAL.includes(run.status) ? h('span', { class: 'badge s-paused' }, 'cancel requested') : null);
  }

  async function loadDetail(card) {
    try {
      const run = (await api('GET', `/runs/${enc(card.run.jobId)}/${enc(card.run.runId)}`, { signal })).data;
      card.stale = false;
      replace(card.bodyEl, runBody(run, {
        onCancel: async () => {
          try {
            await api('POST', `/runs/${enc(run.jobId)}/${enc(run.runId)}/cancel`);
            toast(`Cancel requested for ${run.runId}`);
            card.signature = '';
            await loadRuns();
          } catch (err) {
            toast(describe(err), 'error');
          }
        },
      }));
    } catch (err) {
      if (signal?.aborted) return;
      replace(card.bodyEl, h('p', { class: 'error-text' }, describe(err)));
    }
  }

  const refresh = async () => {
    await loadJob();
    await loadRuns();
    await alerts.load();
  };

  try {
    await loadJob();
  } catch (err) {
    if (!signal?.aborted) replace(main, errorPanel(err));
    return undefined;
  }
  return poll(async () => {
    try {
      await refresh();
    } catch (err) {
      if (err.kind === 'notfound') navigateFrom(signal, '/jobs');
      throw err;
    }
  }, REFRESH_MS, signal);
}
