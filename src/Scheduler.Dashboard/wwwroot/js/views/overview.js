// Overview: run counts, slots against the budget, and two charts (runs by outcome, lateness percentiles) over the last hour
// or the last day, drawn from the server's per-minute run counters, so a fresh tab shows the whole history at once.
import { h, replace } from '../dom.js';
import { get } from '../api.js';
import { poll } from '../ui.js';
import { barChart, lineChart } from '../chart.js';
import * as fmt from '../format.js';
import { WINDOWS, count, fromHistory } from '../series.js';

const REFRESH_MS = 5000;

const RUN_SERIES = [
  { key: 'succeeded', status: 'Succeeded', label: 'Succeeded', color: '--ok' },
  { key: 'failed', status: 'Failed', label: 'Failed', color: '--fail' },
  { key: 'canceled', status: 'Canceled', label: 'Canceled', color: '--muted' },
  { key: 'skipped', status: 'Skipped', label: 'Skipped', color: '--violet' },
];
const LATENESS_SERIES = [
  { key: 'p50', label: 'p50', color: '--ok' },
  { key: 'p95', label: 'p95', color: '--warn' },
  { key: 'p99', label: 'p99', color: '--fail' },
];

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

export async function renderOverview(main, _params, search, { signal } = {}) {
  let windowKey = WINDOWS[search?.get?.('window')] ? search.get('window') : '1h';
  const updated = h('span', { class: 'sub', id: 'overview-updated' }, 'Loading…');
  const paused = h('div', { class: 'banner warn', role: 'status', hidden: true, id: 'pause-all-banner' },
    h('div', { class: 'grow' }, h('strong', null, 'Dispatch is paused (pause-all).'),
      h('span', null, ' No new runs start until it is lifted; runs in flight finish. '),
      h('a', { href: '#/config' }, 'Change it in Config')));
  const slotsMeter = h('span', { style: 'width: 0%' });
  const lanesBody = h('tbody');
  const runsCanvas = h('canvas', { role: 'img', id: 'chart-runs', 'aria-label': 'Runs finished, by outcome, over time' });
  const latenessCanvas = h('canvas', { role: 'img', id: 'chart-lateness', 'aria-label': 'Lateness percentiles of first attempts over time' });
  const runsSummary = h('p', { class: 'muted chart-summary', id: 'runs-summary', 'aria-live': 'polite' }, '');
  const latenessNow = h('p', { class: 'muted chart-summary', id: 'lateness-now' }, '');
  const windowButtons = Object.entries(WINDOWS).map(([key, w]) => h('button', {
    type: 'button', class: 'btn btn-small', dataset: { window: key }, 'aria-pressed': String(key === windowKey),
    onclick: () => { windowKey = key; history.replaceState(null, '', key === '1h' ? '#/' : `#/?window=${key}`); syncButtons(); refresh().catch(() => {}); },
  }, w.label));
  const syncButtons = () => windowButtons.forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.window === windowKey)));
  const stepHint = h('span', { class: 'hint', id: 'chart-step' }, '');

  replace(main,
    h('div', { class: 'page-head' },
      h('div', null, h('h1', null, 'Overview'), updated),
      h('div', { class: 'actions' }, h('a', { class: 'btn btn-primary', href: '#/jobs/new' }, '+ New job'))),
    paused,
    h('div', { class: 'cards' },
      card('running', 'Started', 'stat-started', 'first attempts, last hour'),
      card('succeeded', 'Succeeded', 'stat-succeeded', 'last hour'),
      card('failed', 'Failed', 'stat-failed', 'last hour'),
      card('queued', 'Canceled', 'stat-canceled', 'last hour'),
      card('throttled', 'Throttled', 'stat-throttled', 'left by the last sweep'),
      card('failed', 'Poison', 'stat-poison', 'messages to requeue or delete'),
      h('section', { class: 'card slots', 'aria-labelledby': 'stat-slots-label' },
        h('div', { class: 'label', id: 'stat-slots-label' }, 'Slots in use'),
        h('div', { class: 'value', id: 'stat-slots', 'data-testid': 'stat-slots' }, '—'),
        h('div', { class: 'meter', id: 'stat-slots-meter' }, slotsMeter),
        h('div', { class: 'foot', id: 'stat-slots-foot' }, 'of the budget'))),
    h('div', { class: 'panel-head chart-window' },
      h('div', { class: 'actions', role: 'group', 'aria-label': 'Chart window' }, windowButtons), stepHint),
    h('div', { class: 'grid-2' },
      h('section', { class: 'panel', 'aria-labelledby': 'chart-runs-title' },
        h('div', { class: 'panel-head' }, h('h2', { id: 'chart-runs-title' }, 'Runs over time'), h('span', { class: 'hint' }, 'runs finished, by outcome')),
        h('div', { class: 'chart-wrap' }, runsCanvas),
        legend(RUN_SERIES),
        runsSummary),
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

  const runsChart = barChart(runsCanvas, { series: RUN_SERIES, minMax: 4 });
  const latenessChart = lineChart(latenessCanvas, { series: LATENESS_SERIES, minMax: 100, format: (n) => fmt.duration(n) });

  const refresh = async () => {
    let stats;
    let series;
    try {
      [stats, series] = await Promise.all([get('/stats', { signal }), get(`/stats/history?window=${windowKey}`, { signal })]);
    } catch (err) {
      if (signal?.aborted) return;
      updated.textContent = err.kind === 'auth' ? 'Waiting for a valid API key.' : `Not updated: ${err.message}`;
      throw err;
    }
    const now = new Date(stats.generatedUtc || Date.now()).getTime();
    const runs = stats.runsLastHour || {};
    const late = stats.latenessMs || {};
    const lanes = stats.lanes || [];
    const inUse = lanes.reduce((s, l) => s + (l.inUse || 0), 0);
    const budget = lanes.reduce((s, l) => s + (l.budget || 0), 0);

    setText('stat-started', fmt.number(late.samples || 0));
    setText('stat-started-foot', late.early ? `${fmt.number(late.early)} started early` : 'first attempts, last hour');
    setText('stat-succeeded', fmt.number(count(runs, 'Succeeded')));
    setText('stat-failed', fmt.number(count(runs, 'Failed')));
    setText('stat-canceled', fmt.number(count(runs, 'Canceled')));
    setText('stat-canceled-foot', count(runs, 'Skipped') ? `${fmt.number(count(runs, 'Skipped'))} skipped, last hour` : 'last hour');
    setText('stat-throttled', fmt.number(stats.throttled ?? 0));
    setText('stat-poison', fmt.number(stats.poisonMessages ?? 0));
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

    drawHistory(series);
    drawLatenessNow(late);
    updated.textContent = `Updated ${fmt.time(now)} · refreshes every ${REFRESH_MS / 1000} s${stats.lastSweepUtc ? ` · last sweep ${fmt.relative(stats.lastSweepUtc, now)}` : ' · no sweep yet'}`;
  };

  function drawHistory(view) {
    const w = WINDOWS[windowKey];
    const data = fromHistory(view, RUN_SERIES);
    const span = { start: data.start, end: data.end, bucketMs: data.stepMs };
    runsChart.update(data.runs, span);
    latenessChart.update(data.lateness, span);
    stepHint.textContent = `one bar per ${w.unit}`;
    const total = RUN_SERIES.reduce((s, o) => s + data.totals[o.key], 0);
    const parts = RUN_SERIES.filter((o) => data.totals[o.key]).map((o) => `${fmt.number(data.totals[o.key])} ${o.label.toLowerCase()}`);
    runsSummary.textContent = total
      ? `${w.label}: ${fmt.number(total)} run${total === 1 ? '' : 's'} finished (${parts.join(', ')}); busiest ${w.unit} ${fmt.time(data.peak.t).slice(0, 5)} with ${fmt.number(data.peak.runs)}.`
      : `${w.label}: no run finished.`;
    runsCanvas.setAttribute('aria-label', `Runs finished, by outcome, per ${w.unit}. ${runsSummary.textContent}`);
  }

  function drawLatenessNow(late) {
    latenessNow.textContent = late.samples
      ? `Last hour: p50 ${fmt.duration(late.p50)} · p95 ${fmt.duration(late.p95)} · p99 ${fmt.duration(late.p99)} over ${fmt.number(late.samples)} first attempts${late.early ? `, ${fmt.number(late.early)} early` : ''}.`
      : 'No run started in the last hour.';
  }

  const stop = poll(refresh, REFRESH_MS, signal);
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
