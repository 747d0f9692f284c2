// Times, durations and numbers for people. The API speaks UTC ISO-8601 instants and .NET TimeSpans ("d.hh:mm:ss.fffffff").

export const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

const cache = new Map();
function formatter(zone, withZone) {
  const key = `${zone}|${withZone}`;
  if (!cache.has(key)) {
    try {
      cache.set(key, new Intl.DateTimeFormat(undefined, {
        timeZone: zone, year: 'numeric', month: 'short', day: '2-digit',
        hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false,
        timeZoneName: withZone ? 'short' : undefined,
      }));
    } catch {
      cache.set(key, null); // an unknown zone: fall back to UTC below
    }
  }
  return cache.get(key);
}

/** '12 Mar 2030, 09:00:00 CET' in the given IANA zone (the viewer's by default). */
export function dateTime(value, zone = viewerZone) {
  if (!value) return '—';
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  const f = formatter(zone, true) || formatter('UTC', true);
  return f.format(d);
}

export function time(value) {
  if (!value) return '—';
  const d = value instanceof Date ? value : new Date(value);
  return d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
}

/** 'in 4 min', '12 s ago'. */
export function relative(value, now = Date.now()) {
  if (!value) return '';
  const ms = new Date(value).getTime() - now;
  const abs = Math.abs(ms);
  const unit = abs < 60e3 ? [1e3, 's'] : abs < 3600e3 ? [60e3, 'min'] : abs < 86400e3 ? [3600e3, 'h'] : [86400e3, 'd'];
  const n = Math.round(abs / unit[0]);
  if (n === 0) return 'now';
  return ms >= 0 ? `in ${n} ${unit[1]}` : `${n} ${unit[1]} ago`;
}

/** Parses a .NET TimeSpan ('1.02:03:04.5', '00:00:30') or an ISO-8601 duration ('PT30S') to milliseconds. */
export function parseTimeSpan(value) {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') return value;
  const s = String(value).trim();
  const m = /^(-)?(?:(\d+)\.)?(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?$/.exec(s);
  if (m) {
    const ms = ((+(m[2] || 0) * 24 + +m[3]) * 60 + +m[4]) * 60e3 + +m[5] * 1e3 + (m[6] ? +`0.${m[6]}` * 1e3 : 0);
    return m[1] ? -ms : ms;
  }
  const iso = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?)?$/i.exec(s);
  if (iso) return (((+(iso[1] || 0) * 24 + +(iso[2] || 0)) * 60 + +(iso[3] || 0)) * 60 + +(iso[4] || 0)) * 1e3;
  return null;
}

/** Milliseconds to a .NET TimeSpan string the API accepts ('00:00:30', '1.00:00:00'). */
export function toTimeSpan(ms) {
  const total = Math.round(ms);
  const days = Math.floor(total / 86400e3);
  const rest = total - days * 86400e3;
  const hh = String(Math.floor(rest / 3600e3)).padStart(2, '0');
  const mm = String(Math.floor((rest % 3600e3) / 60e3)).padStart(2, '0');
  const ss = String(Math.floor((rest % 60e3) / 1e3)).padStart(2, '0');
  const frac = rest % 1e3 ? `.${String(rest % 1e3).padStart(3, '0')}` : '';
  return `${days ? `${days}.` : ''}${hh}:${mm}:${ss}${frac}`;
}

/** Human input to milliseconds: '30s', '5m', '1h30m', '2d', '250ms', or a TimeSpan '00:05:00'. */
export function parseDuration(text) {
  const s = String(text ?? '').trim();
  if (!s) return null;
  const span = parseTimeSpan(s);
  if (span !== null) return span;
  const re = /(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)/gy;
  let total = 0;
  let matched = 0;
  let m;
  const units = { ms: 1, s: 1e3, m: 60e3, h: 3600e3, d: 86400e3 };
  const compact = s.replace(/\s+/g, '');
  re.lastIndex = 0;
  while ((m = re.exec(compact)) !== null) {
    total += parseFloat(m[1]) * units[m[2]];
    matched = re.lastIndex;
  }
  if (matched !== compact.length || matched === 0) return Number.NaN;
  return total;
}

/** Milliseconds to '1 h 2 min', '3.2 s', '30 s', '120 ms'. */
export function duration(ms) {
  if (ms === null || ms === undefined || Number.isNaN(ms)) return '—';
  const abs = Math.abs(ms);
  const sign = ms < 0 ? '-' : '';
  const two = (big, bigUnit, small, smallUnit) => (small ? `${sign}${big} ${bigUnit} ${small} ${smallUnit}` : `${sign}${big} ${bigUnit}`);
  if (abs < 1000) return `${Math.round(ms)} ms`;
  if (abs < 60e3) return `${sign}${Number((abs / 1e3).toFixed(abs < 10e3 ? 2 : 1))} s`;
  if (abs < 3600e3) return two(Math.floor(abs / 60e3), 'min', Math.round((abs % 60e3) / 1e3), 's');
  if (abs < 86400e3) return two(Math.floor(abs / 3600e3), 'h', Math.round((abs % 3600e3) / 60e3), 'min');
  return two(Math.floor(abs / 86400e3), 'd', Math.round((abs % 86400e3) / 3600e3), 'h');
}

/** A TimeSpan from the API, shown as a duration ('00:00:30' -> '30.0 s'). */
export function span(value) {
  const ms = parseTimeSpan(value);
  return ms === null ? '—' : duration(ms);
}

/** A TimeSpan from the API as a short editable text ('00:00:30' -> '30s'). */
export function spanInput(value) {
  const ms = parseTimeSpan(value);
  if (ms === null) return '';
  const parts = [];
  let rest = ms;
  for (const [unit, size] of [['d', 86400e3], ['h', 3600e3], ['m', 60e3], ['s', 1e3], ['ms', 1]]) {
    const n = Math.floor(rest / size);
    if (n) { parts.push(`${n}${unit}`); rest -= n * size; }
  }
  return parts.join('') || '0s';
}

export function number(n) {
  return n === null || n === undefined || Number.isNaN(n) ? '—' : new Intl.NumberFormat().format(n);
}

/** ISO instant -> value for <input type="datetime-local"> in the viewer's zone. */
export function toLocalInput(value) {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** <input type="datetime-local"> value (viewer's zone) -> ISO instant. */
export function fromLocalInput(value) {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}
