// The API key entry and the connection state: the top bar's indicator and the banner that asks for a key (with the
// server's own reason when it refused one) or says the API is unreachable. Fed by api.js's 'api-status' events.
import { h, replace, clear } from './dom.js';
import { apiKey } from './store.js';
import { apiBase } from './api.js';

const banner = document.getElementById('banner');
const connection = document.getElementById('connection');
let lastStatus = { state: 'unknown' };

/** What the indicator says: nothing about a key until one was tried. */
function indicator(status) {
  if (status.state === 'ok') return 'Connected';
  if (status.state === 'auth') return status.hasKey ? 'Key refused' : '';
  return 'Offline';
}

/** The server's reason when it sent a ProblemDetails; the Functions host's function-key 401 has no body. */
function authMessage(status) {
  const fallback = status.hasKey
    ? { title: 'The API key was refused (401).', detail: 'Enter a valid key to continue.' }
    : { title: 'This server needs an API key.', detail: 'Enter it to continue.' };
  return { title: status.reason?.title || fallback.title, detail: status.reason?.detail || fallback.detail };
}

export function watchConnection({ reload }) {
  const keyButton = document.getElementById('key-button');
  const paintKeyButton = () => { keyButton.textContent = apiKey.get() ? 'Change API key' : 'Set API key'; };

  function keyForm() {
    const input = h('input', { type: 'password', id: 'api-key-input', name: 'apiKey', autocomplete: 'off', placeholder: 'API key', 'aria-label': 'API key' });
    const form = h('form', {
      onsubmit: (e) => {
        e.preventDefault();
        apiKey.set(input.value.trim());
        paintKeyButton();
        clear(banner);
        lastStatus = { state: 'unknown' }; // the answer to this key is news even when it is another refusal
        reload();
      },
    },
    h('label', { for: 'api-key-input', class: 'visually-hidden' }, 'API key'),
    input,
    h('button', { type: 'submit', class: 'btn btn-primary' }, 'Use this key'),
    apiKey.get() ? h('button', { type: 'button', class: 'btn', onclick: () => { apiKey.set(''); paintKeyButton(); input.focus(); } }, 'Forget key') : null);
    return { form, input };
  }

  function showKeyPrompt(message, tone = 'warn') {
    const { form, input } = keyForm();
    replace(banner, h('div', { class: `banner ${tone}`, role: 'alert', id: 'key-prompt' },
      h('div', { class: 'grow' }, h('strong', null, message.title), ' ', h('span', { class: 'reason' }, message.detail)),
      form));
    input.focus();
  }

  keyButton.addEventListener('click', () => {
    showKeyPrompt({ title: 'API key', detail: 'Sent as X-Api-Key with every request; kept in this tab only (sessionStorage).' }, 'info');
  });

  window.addEventListener('api-status', (e) => {
    const status = e.detail;
    const changed = status.state !== lastStatus.state || Boolean(status.hasKey) !== Boolean(lastStatus.hasKey);
    lastStatus = status;
    connection.dataset.state = status.state === 'auth' && !status.hasKey ? 'nokey' : status.state;
    connection.textContent = indicator(status);
    if (!changed) return;
    if (status.state === 'auth') {
      showKeyPrompt(authMessage(status));
    } else if (status.state === 'down') {
      replace(banner, h('div', { class: 'banner error', role: 'alert' },
        h('div', { class: 'grow' },
          h('strong', null, 'The API is unreachable.'),
          h('span', null, ` ${apiBase} did not answer (${status.reason}). The dashboard keeps retrying.`)),
        h('button', { type: 'button', class: 'btn', onclick: () => reload() }, 'Retry now')));
    } else if (status.state === 'ok') {
      clear(banner);
    }
  });
  paintKeyButton();
}
