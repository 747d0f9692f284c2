// Create and edit a connection profile: every field, with the API's validation messages (an unknown secret
// reference included) shown at the fields they name.
import { h, replace } from '../dom.js';
import { api, enc } from '../api.js';
import { toast, navigateFrom, errorPanel } from '../ui.js';
import { field, showErrors, clearErrors } from '../forms.js';
import * as fmt from '../format.js';

const DEFAULTS = { name: '', host: '', port: 22, user: '', secretRef: '', hostKeyFingerprint: '', connectTimeout: '00:00:10', commandTimeout: '00:05:00' };

/** The profile from the form, plus the errors of fields that cannot be read (durations, port). */
function readProfile(f) {
  const errors = {};
  const text = (el) => el.control.value.trim();
  const span = (el, path) => {
    const value = text(el);
    const ms = fmt.parseDuration(value);
    if (ms === null || Number.isNaN(ms) || ms <= 0) {
      errors[path] = [value ? `"${value}" is not a duration; write e.g. 10s, 5m or 00:05:00.` : 'Required, e.g. 10s or 5m.'];
      return undefined;
    }
    return fmt.toTimeSpan(ms);
  };
  const portText = text(f.port);
  const port = portText === '' ? 22 : Number(portText);
  if (!Number.isInteger(port)) errors.port = ['The port is a whole number from 1 to 65535.'];
  const profile = {
    name: text(f.name),
    host: text(f.host),
    port,
    user: text(f.user),
    secretRef: text(f.secretRef),
    hostKeyFingerprint: text(f.hostKeyFingerprint),
    connectTimeout: span(f.connectTimeout, 'connectTimeout'),
    commandTimeout: span(f.commandTimeout, 'commandTimeout'),
  };
  return { profile, errors };
}

export async function renderConnectionForm(main, params, _query, { signal } = {}) {
  const editing = Boolean(params.name);
  let c = DEFAULTS;
  let etag = null;
  if (editing) {
    try {
      const response = await api('GET', `/connections/${enc(params.name)}`, { signal });
      c = response.data;
      etag = response.etag || c.eTag;
    } catch (err) {
      replace(main, errorPanel(err));
      return undefined;
    }
  }

  const f = {
    name: field('name', 'Name', { value: c.name, help: 'What SSH jobs put in their "connection" field. It cannot change later.', attrs: { required: true, readonly: editing, autocomplete: 'off', spellcheck: 'false' } }),
    host: field('host', 'Host', { value: c.host, attrs: { required: true, autocomplete: 'off', spellcheck: 'false', placeholder: 'build-01.example.com' } }),
    port: field('port', 'Port', { kind: 'number', value: c.port ?? 22, attrs: { min: 1, max: 65535 } }),
    user: field('user', 'User', { value: c.user, attrs: { required: true, autocomplete: 'off', spellcheck: 'false' } }),
    secretRef: field('secretRef', 'Secret reference', { value: c.secretRef, help: 'The name of a secret this server knows (Scheduler:Secrets:<name> or the Key Vault), never the secret itself.', attrs: { required: true, autocomplete: 'off', spellcheck: 'false' } }),
    hostKeyFingerprint: field('hostKeyFingerprint', 'Host key fingerprint', { value: c.hostKeyFingerprint, help: 'As ssh-keygen -lf prints it: SHA256: and 43 base64 characters.', attrs: { required: true, autocomplete: 'off', spellcheck: 'false', placeholder: 'SHA256:…' }, cls: 'span-2' }),
    connectTimeout: field('connectTimeout', 'Connect timeout', { value: fmt.spanInput(c.connectTimeout), help: 'e.g. 10s (at most 5m)' }),
    commandTimeout: field('commandTimeout', 'Command timeout', { value: fmt.spanInput(c.commandTimeout), help: 'e.g. 5m (at most 6h)' }),
  };

  const summary = h('div', { class: 'form-errors', role: 'alert', tabindex: -1, hidden: true, id: 'form-errors' });
  const saveButton = h('button', { type: 'submit', class: 'btn btn-primary', id: 'save-connection' }, editing ? 'Save changes' : 'Create connection');
  const form = h('form', { id: 'connection-form', novalidate: true, 'aria-labelledby': 'form-title' },
    summary,
    h('div', { class: 'form-narrow' },
      h('fieldset', null, h('legend', null, 'Profile'), h('div', { class: 'form-grid' }, f.name)),
      h('fieldset', null, h('legend', null, 'Endpoint'), h('div', { class: 'form-grid' }, f.host, f.port, f.user, f.secretRef, f.hostKeyFingerprint)),
      h('fieldset', null, h('legend', null, 'Timeouts'), h('div', { class: 'form-grid' }, f.connectTimeout, f.commandTimeout)),
      h('div', { class: 'form-footer' }, saveButton, h('a', { class: 'btn', href: '#/connections' }, 'Cancel'))));

  replace(main,
    h('div', { class: 'page-head' },
      h('div', null, h('h1', { id: 'form-title' }, editing ? `Edit ${c.name}` : 'New connection'),
        h('p', { class: 'sub' }, editing ? 'Saving replaces the profile; jobs naming it use the new one from their next run.' : 'Fields marked by the server as wrong are shown in red with the reason.'))),
    form);

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form, summary);
    const { profile, errors } = readProfile(f);
    if (Object.keys(errors).length) {
      (showErrors(form, summary, errors, { title: 'Some fields cannot be read.' }) || summary).focus();
      return;
    }
    saveButton.disabled = true;
    try {
      if (editing) await api('PUT', `/connections/${enc(c.name)}`, { body: profile, ifMatch: etag });
      else await api('POST', '/connections', { body: profile });
      toast(editing ? `Saved ${profile.name}` : `Created ${profile.name}`);
      navigateFrom(signal, '/connections');
    } catch (err) {
      const fieldErrors = Object.keys(err.errors || {}).length ? err.errors : { '': [err.detail || err.message] };
      const title = err.kind === 'conflict'
        ? (err.status === 412 ? 'Someone changed this profile meanwhile: reload the page and apply your changes again.' : 'A connection with this name already exists.')
        : err.kind === 'validation' ? 'The server refused the profile.' : 'The profile was not saved.';
      const mapped = err.kind === 'conflict' && err.status === 409 ? { name: [err.detail] } : fieldErrors;
      (showErrors(form, summary, mapped, { title, detail: err.detail }) || summary).focus();
    } finally {
      saveButton.disabled = false;
    }
  });
  return undefined;
}
