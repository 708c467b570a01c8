/** Light/dark theme: follows prefers-color-scheme unless the user picked one (saved in localStorage). */
export type ThemeChoice = 'system' | 'light' | 'dark';

const KEY = 'chartside.theme';

export function loadTheme(): ThemeChoice {
  const v = localStorage.getItem(KEY);
  return v === 'light' || v === 'dark' ? v : 'system';
}

export function applyTheme(choice: ThemeChoice): void {
  if (choice === 'system') document.documentElement.removeAttribute('data-theme');
  else document.documentElement.dataset.theme = choice;
  localStorage.setItem(KEY, choice);
}

/** The theme actually showing. */
export function effectiveTheme(choice: ThemeChoice): 'light' | 'dark' {
  if (choice !== 'system') return choice;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Toggles between light and dark, starting from what is showing now. */
export function nextTheme(choice: ThemeChoice): ThemeChoice {
  return effectiveTheme(choice) === 'dark' ? 'light' : 'dark';
}
