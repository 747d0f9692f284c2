// A rolling hour of /api/stats snapshots, kept in sessionStorage so that it survives moving between pages of this tab.
const KEY = 'scheduler.statsHistory';
const SPAN_MS = 3600e3;
const MAX_POINTS = 1000;

function load() {
  try {
    const parsed = JSON.parse(sessionStorage.getItem(KEY) || '[]');
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

function save(points) {
  try { sessionStorage.setItem(KEY, JSON.stringify(points)); } catch { /* storage full or off: keep it in memory only */ }
}

let memory = null;

export const history = {
  /** Appends a snapshot { t, ... } and returns the last hour of them, oldest first. */
  add(point) {
    const points = (memory ??= load()).filter((p) => p.t > point.t - SPAN_MS && p.t < point.t);
    points.push(point);
    memory = points.slice(-MAX_POINTS);
    save(memory);
    return memory;
  },

  /** One point per bucket of bucketMs (the bucket's last snapshot): [{ t, values }]. */
  buckets(points, bucketMs, pick) {
    const byBucket = new Map();
    for (const p of points) byBucket.set(Math.floor(p.t / bucketMs) * bucketMs, pick(p));
    return [...byBucket.entries()].map(([t, values]) => ({ t, values }));
  },
};
