// Builds DOM nodes without innerHTML, so that data from the API is always text, never markup.

/**
 * h('button', { class: 'btn', onclick: fn, type: 'button' }, 'Pause')
 * Props: class, dataset (object), style (CSS text), on<event> (listener), attributes (everything else; false/null skip it).
 * A style is set through the CSSOM, never as a style attribute: the hosts' Content-Security-Policy (style-src 'self')
 * refuses inline style attributes, not styles a script of the page's own origin sets.
 */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  if (props) {
    for (const [key, value] of Object.entries(props)) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'class') el.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
      else if (key === 'dataset') Object.assign(el.dataset, value);
      else if (key === 'style') el.style.cssText = value;
      else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
      else if (key === 'value' && 'value' in el) el.value = value;
      else if (key === 'checked' || key === 'selected' || key === 'disabled') el[key] = Boolean(value);
      else el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

export function replace(el, ...children) {
  clear(el);
  return append(el, children);
}

/** A status pill: badge('Paused') gets the class s-paused. */
export function badge(status, label) {
  const key = String(status ?? 'unknown').toLowerCase();
  return h('span', { class: `badge s-${key}` }, label ?? status ?? 'unknown');
}

/** A unique id for label/input pairs. */
let counter = 0;
export function uid(prefix = 'f') {
  counter += 1;
  return `${prefix}-${counter}`;
}
