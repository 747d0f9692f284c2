// Turns the job form into the API's JobDefinition JSON (only the fields of the chosen target type and schedule kind:
// the API refuses unknown or misplaced members), with client-side errors for values that cannot be read at all. On an
// edit, the members the form has no field for come back from the loaded definition (job-carry.js).
import * as fmt from '../format.js';
import { readLists } from './job-lists.js';
import { carryOver, ownedPaths } from './job-carry.js';

export const DEFAULTS = {
  id: '',
  target: { type: 'http', method: 'POST' },
  schedule: { kind: 'Cron', cron: '*/5 * * * *' },
  priority: 5,
  timeout: '00:00:30',
  lane: 'default',
  overlap: 'Allow',
  retry: { maxAttempts: 3, firstInterval: '00:00:01', coefficient: 2, maxInterval: '00:05:00', jitter: 0.1 },
  misfire: { action: 'RunOnce', threshold: '00:01:00', window: '01:00:00' },
  tags: [],
  metadata: {},
};

const val = (f) => f.control.value.trim();
const lines = (text) => text.split('\n').map((l) => l.trim()).filter(Boolean);

export function readDefinition(f, { editing, loaded }) {
  const errors = {};
  const span = (fieldEl, path, { required = false } = {}) => {
    const text = val(fieldEl);
    if (!text) {
      if (required) errors[path] = ['Required, e.g. 30s, 5m or 1h.'];
      return undefined;
    }
    const ms = fmt.parseDuration(text);
    if (ms === null || Number.isNaN(ms) || ms < 0) {
      errors[path] = [`"${text}" is not a duration; write e.g. 30s, 5m, 1h30m or 00:05:00.`];
      return undefined;
    }
    return fmt.toTimeSpan(ms);
  };
  const int = (fieldEl, path) => {
    const text = val(fieldEl);
    if (!text) return undefined;
    const n = Number(text);
    if (!Number.isInteger(n)) { errors[path] = ['A whole number is required.']; return undefined; }
    return n;
  };
  const num = (fieldEl, path) => {
    const text = val(fieldEl);
    if (!text) return undefined;
    const n = Number(text);
    if (!Number.isFinite(n)) { errors[path] = ['A number is required.']; return undefined; }
    return n;
  };
  const instant = (fieldEl, path) => {
    const iso = fmt.fromLocalInput(fieldEl.control.value);
    if (iso === undefined) errors[path] = ['Not a valid date and time.'];
    return iso || undefined;
  };

  const type = f.type.control.value;
  let target;
  if (type === 'http') {
    const codes = val(f.successCodes) ? val(f.successCodes).split(/[\s,]+/).filter(Boolean).map(Number) : [];
    if (codes.some((c) => !Number.isInteger(c))) errors['target.successCodes'] = ['Write status codes separated by commas, e.g. 200, 202.'];
    target = { type, method: f.method.control.value, url: val(f.url), headers: f.headers.value(), successCodes: codes };
    if (f.body.control.value) target.body = f.body.control.value;
  } else if (type === 'queue') {
    target = { type, queueName: val(f.queueName), message: f.message.control.value };
  } else if (type === 'command') {
    target = { type, program: val(f.program), args: lines(f.args.control.value), environment: f.environment.value(), useShell: f.useShell.control.checked };
    if (val(f.workingDirectory)) target.workingDirectory = val(f.workingDirectory);
  } else {
    target = { type, commands: lines(f.commands.control.value), continueOnError: f.continueOnError.control.checked };
    for (const [key, el] of [['connection', f.connection], ['host', f.host], ['user', f.user], ['secretRef', f.secretRef], ['hostKeyFingerprint', f.hostKeyFingerprint]]) {
      if (val(el)) target[key] = val(el);
    }
    const port = int(f.port, 'target.port');
    if (port !== undefined) target.port = port;
    const connect = span(f.connectTimeout, 'target.connectTimeout');
    if (connect) target.connectTimeout = connect;
    const command = span(f.commandTimeout, 'target.commandTimeout');
    if (command) target.commandTimeout = command;
  }

  const kind = f.kind.control.value;
  const schedule = { kind };
  if (kind === 'Cron') {
    schedule.cron = val(f.cron);
    if (val(f.timeZone)) schedule.timeZone = val(f.timeZone);
  } else if (kind === 'Interval') {
    schedule.interval = span(f.interval, 'schedule.interval', { required: true });
  } else if (kind === 'Once') {
    const at = instant(f.at, 'schedule.at');
    const delay = span(f.delay, 'schedule.delay');
    if (at) schedule.at = at;
    if (delay) schedule.delay = delay;
    if (!at && !delay && !errors['schedule.at'] && !errors['schedule.delay']) errors['schedule.at'] = ['Choose a time, or a delay below.'];
  }
  const start = instant(f.startUtc, 'schedule.startUtc');
  const end = instant(f.endUtc, 'schedule.endUtc');
  const max = int(f.maxOccurrences, 'schedule.maxOccurrences');
  if (start) schedule.startUtc = start;
  if (end) schedule.endUtc = end;
  if (max !== undefined) schedule.maxOccurrences = max;

  const definition = {
    id: val(f.id),
    target,
    schedule,
    priority: int(f.priority, 'priority') ?? 5,
    timeout: span(f.timeout, 'timeout', { required: true }),
    lane: val(f.lane) || 'default',
    overlap: f.overlap.control.value,
    retry: {
      maxAttempts: int(f.maxAttempts, 'retry.maxAttempts') ?? 1,
      firstInterval: span(f.firstInterval, 'retry.firstInterval') ?? '00:00:00',
      coefficient: num(f.coefficient, 'retry.coefficient') ?? 1,
      maxInterval: span(f.maxInterval, 'retry.maxInterval') ?? '00:00:00',
      jitter: num(f.jitter, 'retry.jitter') ?? 0,
    },
    misfire: {
      action: f.misfireAction.control.value,
      threshold: span(f.threshold, 'misfire.threshold') ?? '00:00:00',
      window: span(f.window, 'misfire.window') ?? '00:00:00',
    },
    tags: val(f.tags) ? val(f.tags).split(',').map((x) => x.trim()).filter(Boolean) : [],
    metadata: f.metadata.value(),
    ...readLists(f, errors),
  };
  if (val(f.name)) definition.name = val(f.name);
  if (!editing && !definition.id) errors.id = ['A job id is required.'];
  return { definition: carryOver(loaded, definition, ownedPaths(f)), errors };
}
