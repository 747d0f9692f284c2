// The job form's live preview: the next occurrences of the schedule being typed (debounced POST /api/schedules/preview),
// in the viewer's zone and the schedule's, with the server's daylight-saving note where a change moved or repeats one;
// schedule errors are marked at their fields while typing.
import { h, replace } from '../dom.js';
import { api } from '../api.js';
import * as fmt from '../format.js';
import { readDefinition } from './job-definition.js';

const PREVIEW_COUNT = 5;

/** Wires the preview to the schedule fields; run() previews now, stop() (or the view's signal) ends pending work. */
export function livePreview({ form, f, editing, signal, previewStatus, previewList }) {
  let previewTimer = null;
  let previewSeq = 0;
  const previewFields = [f.kind, f.cron, f.timeZone, f.interval, f.at, f.delay, f.startUtc, f.endUtc, f.maxOccurrences];
  const schedulePreview = () => { clearTimeout(previewTimer); previewTimer = setTimeout(runPreview, 400); };
  for (const pf of previewFields) {
    pf.control.addEventListener('input', schedulePreview);
    pf.control.addEventListener('change', schedulePreview);
  }

  async function runPreview() {
    const seq = ++previewSeq;
    const { definition, errors } = readDefinition(f, { editing });
    const scheduleErrors = Object.fromEntries(Object.entries(errors).filter(([k]) => k.startsWith('schedule')));
    clearScheduleErrors();
    if (Object.keys(scheduleErrors).length) {
      markSchedule(scheduleErrors);
      previewStatus.textContent = 'Fix the schedule to see a preview.';
      replace(previewList);
      return;
    }
    if (definition.schedule.kind === 'None') {
      previewStatus.textContent = 'None: this job runs only after its parents or when started by hand.';
      replace(previewList);
      return;
    }
    previewStatus.textContent = 'Computing…';
    try {
      const result = (await api('POST', '/schedules/preview', { body: { schedule: definition.schedule, count: PREVIEW_COUNT }, signal })).data;
      if (seq !== previewSeq) return;
      const zone = result.timeZone || 'UTC';
      const items = result.occurrences || [];
      previewStatus.textContent = !items.length ? 'This schedule has no further occurrence.'
        : zone === fmt.viewerZone ? `In ${zone}, your zone and the schedule's.` : `In your zone (${fmt.viewerZone}), then in the schedule's (${zone}).`;
      replace(previewList, items.map((o) => h('li', { dataset: { dst: o.dstAdjustment || '' } },
        h('span', null, fmt.dateTime(o.utc)),
        h('span', { class: 'zone' }, zone !== fmt.viewerZone ? fmt.dateTime(o.utc, zone) : fmt.relative(o.utc)),
        // A daylight-saving change moved this occurrence or repeats its local time: the server says how, in a sentence.
        o.note ? h('span', { class: 'dst-note' }, o.note) : null)));
    } catch (err) {
      if (seq !== previewSeq || signal?.aborted) return;
      replace(previewList);
      if (err.kind === 'validation') {
        markSchedule(err.errors);
        previewStatus.textContent = 'The schedule is not valid yet.';
      } else {
        previewStatus.textContent = `Preview unavailable: ${err.message}`;
      }
    }
  }

  function clearScheduleErrors() {
    for (const el of form.querySelectorAll('[data-field^="schedule."].invalid')) {
      el.classList.remove('invalid');
      const e = el.querySelector('.field-error');
      e.hidden = true;
      e.textContent = '';
      el.querySelector('input, select, textarea')?.removeAttribute('aria-invalid');
    }
  }

  function markSchedule(errors) {
    for (const [key, messages] of Object.entries(errors)) {
      const el = form.querySelector(`[data-field="${CSS.escape(key)}"]`);
      if (!el || el.offsetParent === null) continue;
      el.classList.add('invalid');
      const e = el.querySelector('.field-error');
      e.textContent = [].concat(messages).join(' ');
      e.hidden = false;
      el.querySelector('input, select, textarea')?.setAttribute('aria-invalid', 'true');
    }
  }

  const stop = () => clearTimeout(previewTimer);
  signal?.addEventListener('abort', stop, { once: true });
  return { run: runPreview, stop };
}
