// Overview: run counts, slots against the budget, and two charts over the last hour, refreshed every few seconds.
// /api/stats gives the current values only, so the charts plot a rolling series of its snapshots kept in this tab.
import { h, replace } from '../dom.js';
import { get } from '../api.js';
import { poll } from '../ui.js';
import { barChart, lineChart } from '../chart.js';
import * as fmt from '../format.js';
import { history } from '../series.js';

const REFRESH_MS = 5000;
const HOUR = 3600e3;

const RUN_SERIES = [
  { key: 'succeeded', label: 'Succeeded', color: '--ok' },
  { key: 'failed', label: 'Failed', color: '--fail' },
  { key: 'canceled', label: 'Canceled', color: '--muted' },
  { key: 'skipped', label: 'Skipped', color: '--violet' },
  { key: 'active', label: 'Queued, running or retrying', color: '--info' },
];
const LATENESS_SERIES = [
  { key: 'p50', label: 'p50', color: '--ok' },
  { key: 'p95', label: 'p95', color: '--warn' },
  { key: 'p99', label: 'p99', color: '--fail' },
];

/** Reads a count from a map keyed by enum name, whatever the key's casing. */
export function count(map, name) {
  if (!map) return 0;
  const key = Object.keys(map).find((k) => k.toLowerCase() === name.toLowerCase());
  return key ? Number(map[key]) || 0 : 0;
}

function card(cls, label, id, foot) {
  return h('section', { class: `card ${cls}`, 'aria-labelledby': `${id}-label` },
    h('div', { class: 'label', id: `${id}-label` }, label),
    h('div', { class: 'value', id, 'data-testid': id }, '—'),
    h('div', { class: 'foot', id: `${id}-foot` }, foot));
}

function legend(series) {
  return h('div', { class: 'legend', 'aria-hidden': 'true' },
    series.map((s) => h('span', null, h('i', { style: `--swatch: var(${s.color})` }), s.label)));
}

export async function renderOverview(main) {
  const updated = h('span', { class: 'sub', id: 'overview-updated' }, 'Loading…');
  const paused = h('div', { class: 'banner warn', role: 'status', hidden: true, id: 'pause-all-banner' },
    h('div', { class: 'grow' }, h('strong', null, 'Dispatch is paused (pause-all).'),
      h('span', null, ' No new runs start until it is lifted; runs in flight finish. '),
      h('a', { href: '#/config' }, 'Change it in Config')));
  const slotsMeter = h('span', { style: 'width: 0%' });
  const lanesBody = h('tbody');
  const runsCanvas = h('canvas', { role: 'img', 'aria-label': 'Runs created in the trailing hour, by outcome, over time' });
  const latenessCanvas = h('canvas', { role: 'img', 'aria-label': 'Dispatch lateness percentiles over time' });
  const latenessNow = h('p', { class: 'muted', id: 'lateness-now' }, '');

  replace(main,
    h('div', { class: 'page-head' },
      h('div', null, h('h1', null, 'Overview'), updated),
      h('div', { class: 'actions' }, h('a', { class: 'btn btn-primary', href: '#/jobs/new' }, '+ New job'))),
    paused,
    h('div', { class: 'cards' },
      card('queued', 'Queued', 'stat-queued', 'waiting to start (last hour)'),
      card('running', 'Running', 'stat-running', 'incl. retrying'),
      card('succeeded', 'Succeeded', 'stat-succeeded', 'last hour'),
      card('failed', 'Failed', 'stat-failed', 'last hour'),
      card('throttled', 'Throttled', 'stat-throttled', 'left by the last sweep'),
      h('section', { class: 'card slots', 'aria-labelledby': 'stat-slots-label' },
        h('div', { class: 'label', id: 'stat-slots-label' }, 'Slots in use'),
        h('div', { class: 'value', id: 'stat-slots', 'data-testid': 'stat-slots' }, '—'),
        h('div', { class: 'meter', id: 'stat-slots-meter' }, slotsMeter),
        h('div', { class: 'foot', id: 'stat-slots-foot' }, 'of the budget'))),
    h('div', { class: 'grid-2' },
      h('section', { class: 'panel', 'aria-labelledby': 'chart-runs-title' },
        h('div', { class: 'panel-head' }, h('h2', { id: 'chart-runs-title' }, 'Runs over time'), h('span', { class: 'hint' }, 'runs created in the trailing hour, by outcome')),
        h('div', { class: 'chart-wrap' }, runsCanvas),
        legend(RUN_SERIES)),
      h('section', { class: 'panel', 'aria-labelledby': 'chart-lateness-title' },
        h('div', { class: 'panel-head' }, h('h2', { id: 'chart-lateness-title' }, 'Lateness'), h('span', { class: 'hint' }, 'start of first attempt − due time')),
        h('div', { class: 'chart-wrap' }, latenessCanvas),
        legend(LATENESS_SERIES),
        latenessNow)),
    h('section', { class: 'panel', style: 'margin-top: 1rem', 'aria-labelledby': 'lanes-title' },
      h('div', { class: 'panel-head' }, h('h2', { id: 'lanes-title' }, 'Lanes'), h('a', { href: '#/config', class: 'hint' }, 'Edit budgets')),
      h('div', { class: 'table-wrap' },
        h('table', { class: 'data responsive', id: 'lanes-table' },
          h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Lane'), h('th', { scope: 'col', class: 'num' }, 'In use'), h('th', { scope: 'col', class: 'num' }, 'Budget'), h('th', { scope: 'col' }, 'Usage'))),
          lanesBody))),
    h('section', { class: 'panel', 'aria-labelledby': 'jobs-title' },
      h('div', { class: 'panel-head' }, h('h2', { id: 'jobs-title' }, 'Jobs')),
      h('p', { id: 'jobs-counts', class: 'muted' }, '')));

  const runsChart = barChart(runsCanvas, { series: RUN_SERIES, spanMs: HOUR, bucketMs: REFRESH_MS * 6, minMax: 4 });
  const latenessChart = lineChart(latenessCanvas, { series: LATENESS_SERIES, spanMs: HOUR, minMax: 100, format: (n) => fmt.duration(n) });

  const refresh = async () => {
    let stats;
    try {
      stats = await get('/stats');
    } catch (err) {
      updated.textContent = err.kind === 'auth' ? 'Waiting for a valid API key.' : `Not updated: ${err.message}`;
      throw err;
    }
    const now = new Date(stats.generatedUtc || Date.now()).getTime();
    const runs = stats.runsLastHour || {};
    const queued = count(runs, 'Queued');
    const running = count(runs, 'Running') + count(runs, 'Retrying');
    const lanes = stats.lanes || [];
    const inUse = lanes.reduce((s, l) => s + (l.inUse || 0), 0);
    const budget = lanes.reduce((s, l) => s + (l.budget || 0), 0);

    setText('stat-queued', fmt.number(queued));
    setText('stat-running', fmt.number(running));
    setText('stat-running-foot', count(runs, 'Retrying') ? `${count(runs, 'Retrying')} retrying` : 'incl. retrying');
    setText('stat-succeeded', fmt.number(count(runs, 'Succeeded')));
    setText('stat-failed', fmt.number(count(runs, 'Failed')));
    setText('stat-throttled', fmt.number(stats.throttled ?? 0));
    setText('stat-slots', `${fmt.number(inUse)} / ${fmt.number(budget)}`);
    setText('stat-slots-foot', `across ${lanes.length} lane${lanes.length === 1 ? '' : 's'}`);
    slotsMeter.style.width = `${budget ? Math.min(100, (inUse / budget) * 100) : 0}%`;
    document.getElementById('stat-slots-meter')?.classList.toggle('full', budget > 0 && inUse >= budget);
    paused.hidden = !stats.pauseAll;

    replace(lanesBody, lanes.length === 0
      ? h('tr', null, h('td', { colspan: 4, class: 'empty' }, 'No lanes yet.'))
      : lanes.map((l) => h('tr', { dataset: { lane: l.lane } },
        h('td', { 'data-label': 'Lane' }, h('code', null, l.lane)),
        h('td', { 'data-label': 'In use', class: 'num' }, fmt.number(l.inUse)),
        h('td', { 'data-label': 'Budget', class: 'num lane-budget' }, fmt.number(l.budget)),
        h('td', { 'data-label': 'Usage' },
          h('div', { class: `meter${l.budget && l.inUse >= l.budget ? ' full' : ''}`, role: 'meter', 'aria-valuemin': 0, 'aria-valuemax': l.budget, 'aria-valuenow': l.inUse, 'aria-label': `Lane ${l.lane} slots in use` },
            h('span', { style: `width: ${l.budget ? Math.min(100, (l.inUse / l.budget) * 100) : 0}%` }))))));

    const jobs = stats.jobsByStatus || {};
    setText('jobs-counts', `${fmt.number(count(jobs, 'Active'))} active · ${fmt.number(count(jobs, 'Paused'))} paused · ${fmt.number(count(jobs, 'Completed'))} completed${stats.jobsTruncated ? ' (counted in part)' : ''}`);

    const late = stats.latenessMs || {};
    latenessNow.textContent = late.samples
      ? `Now: p50 ${fmt.duration(late.p50)} · p95 ${fmt.duration(late.p95)} · p99 ${fmt.duration(late.p99)} over ${late.samples} runs in the last hour.`
      : 'No run started in the last hour.';

    const points = history.add({
      t: now,
      runs: {
        succeeded: count(runs, 'Succeeded'),
        failed: count(runs, 'Failed'),
        canceled: count(runs, 'Canceled'),
        skipped: count(runs, 'Skipped'),
        active: queued + running,
      },
      lateness: { p50: late.p50 ?? null, p95: late.p95 ?? null, p99: late.p99 ?? null },
    });
    runsChart.update(history.buckets(points, REFRESH_MS * 6, (p) => p.runs), now);
    latenessChart.update(points.map((p) => ({ t: p.t, values: p.lateness })), now);

    updated.textContent = `Updated ${fmt.time(now)} · refreshes every ${REFRESH_MS / 1000} s${stats.lastSweepUtc ? ` · last sweep ${fmt.relative(stats.lastSweepUtc, now)}` : ' · no sweep yet'}`;
  };

  const stop = poll(refresh, REFRESH_MS);
  return () => {
    stop();
    runsChart.destroy();
    latenessChart.destroy();
  };
}

function setText(id, text) {
  const el = document.getElementById(id);
  if (el) el.textContent = text;
}
