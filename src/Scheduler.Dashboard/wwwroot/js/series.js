// The overview's history, from the server's per-minute run counters (GET /api/stats/history): the same for every tab and
// every viewer, from the first paint. Turns the answer into chart points and a one-line summary.

export const WINDOWS = {
  '1h': { label: 'Last hour', unit: 'minute' },
  '24h': { label: 'Last day', unit: '15 minutes' },
};

/** Reads a count from a map keyed by enum name, whatever the key's casing. */
export function count(map, name) {
  if (!map) return 0;
  const key = Object.keys(map).find((k) => k.toLowerCase() === name.toLowerCase());
  return key ? Number(map[key]) || 0 : 0;
}

/**
 * view: { fromUtc, toUtc, stepSeconds, points: [{ startUtc, finished: { Succeeded: n, ... }, latenessMs: { samples, p50, p95, p99, early } }] }
 * Returns { start, end, stepMs, runs: [{ t, values }], lateness: [{ t, values }], totals, peak }.
 */
export function fromHistory(view, outcomes) {
  const stepMs = (view.stepSeconds || 60) * 1000;
  const points = view.points || [];
  const totals = Object.fromEntries(outcomes.map((o) => [o.key, 0]));
  let peak = null;
  const runs = points.map((p) => {
    const t = new Date(p.startUtc).getTime();
    const values = {};
    let sum = 0;
    for (const o of outcomes) {
      values[o.key] = count(p.finished, o.status);
      totals[o.key] += values[o.key];
      sum += values[o.key];
    }
    if (sum > 0 && (!peak || sum > peak.runs)) peak = { t, runs: sum };
    return { t, values };
  });
  // A line point sits in the middle of its step; steps with no start have no lateness (a gap, not a zero).
  const lateness = points.map((p) => {
    const late = p.latenessMs || {};
    const has = (late.samples || 0) > 0;
    return {
      t: new Date(p.startUtc).getTime() + stepMs / 2,
      values: { p50: has ? late.p50 : null, p95: has ? late.p95 : null, p99: has ? late.p99 : null },
    };
  });
  return {
    start: new Date(view.fromUtc).getTime(),
    end: new Date(view.toUtc).getTime(),
    stepMs,
    runs,
    lateness,
    totals,
    peak,
    started: points.reduce((s, p) => s + ((p.latenessMs && p.latenessMs.samples) || 0), 0),
  };
}
