// Inlined into every page's <head> by ThemeScript.astro, minified. It runs before first paint, so a
// stored choice never flashes the system theme; it also wires the theme toggle buttons.
(() => {
  const root = document.documentElement;
  const media = matchMedia('(prefers-color-scheme: dark)');
  let stored: string | null = null;
  try {
    stored = localStorage.getItem('theme');
  } catch {
    // Storage can be blocked (private modes); the page then follows the system setting.
  }
  if (stored === 'light' || stored === 'dark') root.dataset.theme = stored;
  root.classList.add('js');
  const isDark = () => (root.dataset.theme ? root.dataset.theme === 'dark' : media.matches);
  const sync = () => {
    for (const button of document.querySelectorAll('[data-theme-toggle]')) {
      button.setAttribute('aria-pressed', String(isDark()));
    }
  };
  document.addEventListener('DOMContentLoaded', sync);
  media.addEventListener('change', sync);
  document.addEventListener('click', (event) => {
    if (!(event.target instanceof Element) || !event.target.closest('[data-theme-toggle]')) return;
    root.dataset.theme = isDark() ? 'light' : 'dark';
    try {
      localStorage.setItem('theme', root.dataset.theme);
    } catch {
      // Not remembered, but the page still switches.
    }
    sync();
  });
})();
