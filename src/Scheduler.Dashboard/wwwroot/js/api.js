// The REST API client: sends X-Api-Key, turns ProblemDetails into ApiError, and tells the page
// (through 'api-status' events) whether the API is reachable and the key accepted.
import { apiKey } from './store.js';

const base = (document.querySelector('meta[name="scheduler-api-base"]')?.content || '/api').replace(/\/$/, '');
const TIMEOUT_MS = 15000;

export class ApiError extends Error {
  /**
   * kind: 'unreachable' | 'auth' | 'notfound' | 'validation' | 'conflict' | 'server'
   * errors: { 'schedule.cron': ['...'], ... } from the ProblemDetails 'errors' map.
   */
  constructor(kind, status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.kind = kind;
    this.status = status;
    this.title = problem?.title || '';
    this.detail = problem?.detail || '';
    this.errors = problem?.errors && typeof problem.errors === 'object' ? problem.errors : {};
  }
}

function kindOf(status) {
  if (status === 401 || status === 403) return 'auth';
  if (status === 404) return 'notfound';
  if (status === 400 || status === 422) return 'validation';
  if (status === 409 || status === 412) return 'conflict';
  if (status === 502 || status === 503 || status === 504) return 'unreachable';
  return 'server';
}

function announce(state, detail) {
  window.dispatchEvent(new CustomEvent('api-status', { detail: { state, ...detail } }));
}

export const apiBase = base;

/** Calls the API. Returns { data, etag, status, location }. Throws ApiError. */
export async function api(method, path, { body, ifMatch, signal } = {}) {
  const headers = { Accept: 'application/json' };
  const key = apiKey.get();
  // The Server reads X-Api-Key; the Functions host reads the same key as a function key.
  if (key) { headers['X-Api-Key'] = key; headers['x-functions-key'] = key; }
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (ifMatch) headers['If-Match'] = ifMatch;

  const timeout = AbortSignal.timeout(TIMEOUT_MS);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  let response;
  try {
    response = await fetch(base + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: combined,
      cache: 'no-store',
    });
  } catch (err) {
    if (signal?.aborted) throw err;
    const reason = timeout.aborted ? `no answer within ${TIMEOUT_MS / 1000} s` : 'the network request failed';
    announce('down', { reason });
    throw new ApiError('unreachable', 0, { title: 'The API is unreachable', detail: `Cannot reach ${base} (${reason}).` });
  }

  const text = await response.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch { data = null; }
  }

  if (!response.ok) {
    const kind = kindOf(response.status);
    const problem = data && typeof data === 'object' ? data : { title: response.statusText || `HTTP ${response.status}`, detail: text.slice(0, 300) };
    // The server's reason (a missing key and a refused key have different titles) when the answer is a ProblemDetails.
    const reason = data && typeof data === 'object' && data.title ? { title: data.title, detail: data.detail || '' } : null;
    if (kind === 'auth') announce('auth', { status: response.status, hasKey: Boolean(key), reason });
    else if (kind === 'unreachable') announce('down', { reason: `HTTP ${response.status}` });
    else announce('ok');
    throw new ApiError(kind, response.status, problem);
  }

  announce('ok');
  return { data, etag: response.headers.get('ETag'), status: response.status, location: response.headers.get('Location') };
}

export const get = (path, options) => api('GET', path, options).then((r) => r.data);
export const enc = encodeURIComponent;

/** Builds '?a=1&b=2' from the defined, non-empty entries. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') search.set(k, v);
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}
