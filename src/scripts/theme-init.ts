// Inlined into every page's <head> by ThemeScript.astro, minified. It runs before first paint, so a
// stored choice never flashes the system theme; it also wires the theme buttons, which move
// System → Light → Dark → System. No stored choice (or "system") means following the system: then
// <html> has no data-theme and CSS follows prefers-color-scheme.
(() => {
  const root = document.documentElement;
  const next: Record<string, string> = { system: 'light', light: 'dark', dark: 'system' };
  let stored: string | null = null;
  try {
    stored = localStorage.getItem('theme');
  } catch {
    // Storage can be blocked (private modes); the page then follows the system setting.
  }
  if (stored === 'light' || stored === 'dark') root.dataset.theme = stored;
  root.classList.add('js');
  document.addEventListener('click', (event) => {
    if (!(event.target instanceof Element) || !event.target.closest('[data-theme-toggle]')) return;
    const theme = next[root.dataset.theme ?? 'system']!;
    if (theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = theme;
    try {
      localStorage.setItem('theme', theme);
    } catch {
      // Not remembered, but the page still switches.
    }
  });
})();
