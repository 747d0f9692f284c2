// Every field of the job form, labelled and keyed by the API's field paths (so that 'errors' map onto them),
// filled from a definition (or the defaults).
import { field, keyValueEditor } from '../forms.js';
import * as fmt from '../format.js';
import { DEFAULTS } from './job-definition.js';
import { listFields } from './job-lists.js';

export function jobFields(d, { editing }) {
  const t = d.target || DEFAULTS.target;
  const s = d.schedule || DEFAULTS.schedule;
  const r = d.retry || DEFAULTS.retry;
  const m = d.misfire || DEFAULTS.misfire;
  return {
    id: field('id', 'Job id', { value: d.id, help: '1-128 letters, digits, ".", "_" or "-". It cannot change later.', attrs: { required: true, readonly: editing, autocomplete: 'off', spellcheck: 'false' } }),
    name: field('name', 'Name', { value: d.name, help: 'Optional, for people.' }),
    type: field('target.type', 'Target type', { kind: 'select', value: t.type || 'http', options: [['http', 'HTTP webhook'], ['queue', 'Storage queue message'], ['command', 'Command (server host)'], ['ssh', 'SSH commands']] }),
    method: field('target.method', 'Method', { kind: 'select', value: t.method || 'POST', options: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] }),
    url: field('target.url', 'URL', { kind: 'url', value: t.url, attrs: { placeholder: 'https://example.com/hooks/nightly', spellcheck: 'false' }, cls: 'span-2' }),
    headers: keyValueEditor('target.headers', 'Headers', t.headers, { keyLabel: 'Header', valueLabel: 'Value' }),
    body: field('target.body', 'Body', { kind: 'textarea', value: t.body, help: 'Sent as is (at most 16 KiB).' }),
    successCodes: field('target.successCodes', 'Success codes', { value: (t.successCodes || []).join(', '), help: 'Comma-separated; empty means any 2xx.', attrs: { inputmode: 'numeric' } }),
    queueName: field('target.queueName', 'Queue name', { value: t.queueName, attrs: { spellcheck: 'false' } }),
    message: field('target.message', 'Message', { kind: 'textarea', value: t.message }),
    program: field('target.program', 'Program', { value: t.program, help: 'Run without a shell unless "use shell" is on.', attrs: { spellcheck: 'false' } }),
    args: field('target.args', 'Arguments', { kind: 'textarea', value: (t.args || []).join('\n'), help: 'One per line.' }),
    workingDirectory: field('target.workingDirectory', 'Working directory', { value: t.workingDirectory }),
    environment: keyValueEditor('target.environment', 'Environment', t.environment, { keyLabel: 'Variable', valueLabel: 'Value' }),
    useShell: field('target.useShell', 'Use shell (/bin/sh -c)', { kind: 'checkbox', value: t.useShell }),
    connection: field('target.connection', 'Connection profile', { value: t.connection, help: 'A named profile (see Connections), or leave empty and fill host, user and secret.', attrs: { list: 'connection-list', autocomplete: 'off', spellcheck: 'false' } }),
    host: field('target.host', 'Host', { value: t.host }),
    port: field('target.port', 'Port', { kind: 'number', value: t.port ?? 22, attrs: { min: 1, max: 65535 } }),
    user: field('target.user', 'User', { value: t.user }),
    secretRef: field('target.secretRef', 'Secret reference', { value: t.secretRef, help: 'The name of a secret, never the secret itself.' }),
    hostKeyFingerprint: field('target.hostKeyFingerprint', 'Host key fingerprint', { value: t.hostKeyFingerprint, attrs: { placeholder: 'SHA256:…' } }),
    commands: field('target.commands', 'Commands', { kind: 'textarea', value: (t.commands || []).join('\n'), help: 'One per line, run in order.' }),
    continueOnError: field('target.continueOnError', 'Continue after a failing command', { kind: 'checkbox', value: t.continueOnError }),
    connectTimeout: field('target.connectTimeout', 'Connect timeout', { value: fmt.spanInput(t.connectTimeout), help: 'e.g. 10s' }),
    commandTimeout: field('target.commandTimeout', 'Command timeout', { value: fmt.spanInput(t.commandTimeout), help: 'e.g. 5m' }),

    kind: field('schedule.kind', 'Schedule', { kind: 'select', value: s.kind || 'Cron', options: [['Cron', 'Cron expression'], ['Interval', 'Fixed interval'], ['Once', 'Once'], ['None', 'None: after its parents or by hand']] }),
    cron: field('schedule.cron', 'Cron expression', { value: s.cron, help: '5 fields (minute hour day month weekday) or 6 with seconds first.', attrs: { spellcheck: 'false', autocomplete: 'off', placeholder: '0 9 * * MON-FRI' } }),
    timeZone: field('schedule.timeZone', 'Time zone', { value: s.timeZone || (editing ? '' : fmt.viewerZone), help: 'IANA id; UTC when empty.', attrs: { list: 'tz-list', spellcheck: 'false', autocomplete: 'off' } }),
    interval: field('schedule.interval', 'Every', { value: fmt.spanInput(s.interval), help: 'e.g. 30s, 5m, 1h30m', attrs: { autocomplete: 'off' } }),
    at: field('schedule.at', 'Run at', { kind: 'datetime-local', value: fmt.toLocalInput(s.at), help: `In your zone (${fmt.viewerZone}).`, attrs: { step: 1 } }),
    delay: field('schedule.delay', 'Or after a delay', { value: fmt.spanInput(s.delay), help: 'e.g. 10m; used when "Run at" is empty.' }),
    startUtc: field('schedule.startUtc', 'Start', { kind: 'datetime-local', value: fmt.toLocalInput(s.startUtc), help: 'Optional; your zone.', attrs: { step: 1 } }),
    endUtc: field('schedule.endUtc', 'End', { kind: 'datetime-local', value: fmt.toLocalInput(s.endUtc), help: 'Optional; your zone.', attrs: { step: 1 } }),
    maxOccurrences: field('schedule.maxOccurrences', 'Max occurrences', { kind: 'number', value: s.maxOccurrences, attrs: { min: 1 } }),

    priority: field('priority', 'Priority', { kind: 'number', value: d.priority ?? 5, help: '0 (lowest) to 9 (highest).', attrs: { min: 0, max: 9 } }),
    timeout: field('timeout', 'Timeout per attempt', { value: fmt.spanInput(d.timeout), help: 'e.g. 30s' }),
    lane: field('lane', 'Lane', { value: d.lane || 'default', help: 'Concurrency budget this job counts against.' }),
    overlap: field('overlap', 'When the previous run is still active', { kind: 'select', value: d.overlap || 'Allow', options: [['Allow', 'Allow: run in parallel'], ['Skip', 'Skip the occurrence'], ['BufferOne', 'Buffer one until it ends']] }),
    tags: field('tags', 'Tags', { value: (d.tags || []).join(', '), help: 'Comma-separated.' }),
    metadata: keyValueEditor('metadata', 'Metadata', d.metadata, { keyLabel: 'Key', valueLabel: 'Value' }),

    maxAttempts: field('retry.maxAttempts', 'Max attempts', { kind: 'number', value: r.maxAttempts, help: 'Including the first (1 = no retry).', attrs: { min: 1, max: 20 } }),
    firstInterval: field('retry.firstInterval', 'First delay', { value: fmt.spanInput(r.firstInterval) }),
    coefficient: field('retry.coefficient', 'Backoff coefficient', { kind: 'number', value: r.coefficient, attrs: { step: '0.1', min: 1, max: 10 } }),
    maxInterval: field('retry.maxInterval', 'Max delay', { value: fmt.spanInput(r.maxInterval) }),
    jitter: field('retry.jitter', 'Jitter', { kind: 'number', value: r.jitter, help: '0 to 1', attrs: { step: '0.05', min: 0, max: 1 } }),

    misfireAction: field('misfire.action', 'Missed occurrences', { kind: 'select', value: m.action || 'RunOnce', options: [['RunOnce', 'Run once for all missed'], ['RunAll', 'Run every missed one in the window'], ['Skip', 'Skip them']] }),
    threshold: field('misfire.threshold', 'Late after', { value: fmt.spanInput(m.threshold) }),
    window: field('misfire.window', 'Catch-up window', { value: fmt.spanInput(m.window) }),
    ...listFields(d),
  };
}
