// Runs before the first paint (a classic script, not a module) so a chosen theme never flashes the other one.
try {
  const theme = localStorage.getItem('scheduler.theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
} catch { /* storage disabled: follow the system */ }
