// What the form keeps without showing it. The form owns exactly the members it has a field for (their data-field
// paths); every other member of the loaded definition (a target's secretHeaders or auth, a member added to the API
// after this form was written) goes back unchanged, so saving an edit never drops what the form does not show.

/** The paths the form has a field for: 'timeout', 'target.url', 'retry.maxAttempts', ... */
export function ownedPaths(f) {
  return new Set(Object.values(f).map((el) => el.dataset.field));
}

/**
 * Copies into `definition` every member of `loaded` that no field owns, at any depth. An object whose discriminator
 * (a target's type, a schedule's kind) the user changed keeps nothing of the old one: its members belong to the old
 * type and the API would refuse them.
 */
export function carryOver(loaded, definition, owned, prefix = '') {
  if (!loaded || typeof loaded !== 'object' || Array.isArray(loaded)) return definition;
  for (const [key, value] of Object.entries(loaded)) {
    if (value === null || value === undefined) continue;
    const path = prefix ? `${prefix}.${key}` : key;
    const ownsInside = [...owned].some((p) => p.startsWith(`${path}.`));
    if (!owned.has(path) && !ownsInside) {
      if (!(key in definition)) definition[key] = value;
    } else if (ownsInside && definition[key] && typeof definition[key] === 'object' && sameKind(value, definition[key])) {
      carryOver(value, definition[key], owned, path);
    }
  }
  return definition;
}

const sameKind = (before, after) => before.type === after.type && before.kind === after.kind;
