// Lineage: the jobs a job runs after (its 'after' list) and those that run after it, and the runs a run started.
import { h, badge } from '../dom.js';
import { enc } from '../api.js';
import { prop } from './job-common.js';

const jobLink = (id) => h('a', { href: `#/jobs/${enc(id)}`, class: 'job-link' }, id);

// Props for the job page's definition: parents with their rule, and children (the API verifies each names this job).
export function lineageProps(job) {
  const after = job.definition?.after || [];
  const children = job.children || [];
  return [
    after.length
      ? prop('Runs after', h('div', { id: 'job-parents' },
        after.map((p) => h('div', { dataset: { parent: p.job } }, jobLink(p.job), h('span', { class: 'secondary' }, ` when ${String(p.on || 'Succeeded').toLowerCase()}`))),
        after.length > 1 ? h('div', { class: 'muted' }, job.definition.require === 'Any' ? 'any one of them' : 'all of them') : null))
      : null,
    children.length
      ? prop('Starts', h('div', { id: 'job-children' }, children.map((c) => h('div', { dataset: { child: c } }, jobLink(c)))))
      : null,
  ];
}

// The runs this run started, each linked to its job's page.
export function startedRuns(run) {
  const started = run.started || [];
  if (!started.length) return null;
  return [
    h('h3', null, `Runs it started (${started.length})`),
    h('ul', { class: 'started-runs', style: 'list-style: none; padding: 0; margin: 0' },
      started.map((s) => {
        const jobId = s.runId.slice(0, s.runId.lastIndexOf(':'));
        return h('li', { dataset: { runId: s.runId } }, badge(s.status), ' ', jobLink(jobId), ' ', h('code', { class: 'muted' }, s.runId));
      })),
  ];
}
