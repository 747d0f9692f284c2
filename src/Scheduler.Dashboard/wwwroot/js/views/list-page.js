// The fetch step of a filtered, paged table (jobs, runs): a refused filter shows its reason above the table, any other
// error shows in an empty table and is rethrown (for the banner), and a view that was left shows nothing.
import { h, replace, clear } from '../dom.js';
import { get } from '../api.js';
import { describe } from '../ui.js';

/** The page, or null when there is nothing to draw (the view was left, or the filter was refused). */
export async function fetchPage(path, { signal, filterError, body, columns }) {
  try {
    const data = await get(path, { signal });
    filterError.hidden = true;
    return data;
  } catch (err) {
    if (signal?.aborted) return null;
    if (err.kind === 'validation') {
      filterError.textContent = describe(err);
      filterError.hidden = false;
      clear(body);
      return null;
    }
    if (!body.firstChild) replace(body, h('tr', null, h('td', { colspan: columns, class: 'empty' }, describe(err))));
    throw err;
  }
}
