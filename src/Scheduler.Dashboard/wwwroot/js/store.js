// What the dashboard keeps in the browser: the API key for this tab only (sessionStorage), the theme for good (localStorage).
const KEY = 'scheduler.apiKey';
const THEME = 'scheduler.theme';

function safe(fn, fallback) {
  try { return fn(); } catch { return fallback; }
}

export const apiKey = {
  get: () => safe(() => sessionStorage.getItem(KEY) || '', ''),
  set: (value) => safe(() => (value ? sessionStorage.setItem(KEY, value) : sessionStorage.removeItem(KEY))),
};

export const theme = {
  /** 'light' | 'dark' | '' (follow the system). */
  get: () => safe(() => localStorage.getItem(THEME) || '', ''),
  set: (value) => safe(() => (value ? localStorage.setItem(THEME, value) : localStorage.removeItem(THEME))),
};
