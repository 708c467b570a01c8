/**
 * Helpers shared by the workspace and privacy end-to-end tests: drive the real side
 * panel with the keyboard the way a coder does. Event-driven waits only (never sleeps).
 */
import type { Page } from 'puppeteer-core';
import { waitInPanel } from './support/browser';

export { waitInPanel };

/** Presses Alt+<key> in the panel. */
export async function alt(panel: Page, key: string): Promise<void> {
  await panel.bringToFront();
  await panel.keyboard.down('Alt');
  await panel.keyboard.press(key as never);
  await panel.keyboard.up('Alt');
}

/** Accepts the first `n` suggestions with the keyboard (focus a row, press `a`); returns their codes. */
export async function acceptSuggestions(panel: Page, n: number): Promise<string[]> {
  await alt(panel, '2');
  await waitInPanel(
    panel,
    'suggestions listed',
    () => document.querySelectorAll('#panel-suggest [data-suggestion]').length > 0,
    undefined,
    90_000,
  );
  const codes: string[] = [];
  const rows = await panel.$$('#panel-suggest [data-suggestion]');
  for (const row of rows.slice(0, n)) {
    await row.focus();
    await panel.keyboard.press('a');
    codes.push(String(await row.evaluate((e) => e.getAttribute('data-code'))));
  }
  await waitInPanel(
    panel,
    `${n} suggestions accepted`,
    (k: number) => document.querySelectorAll('#panel-suggest [data-decision="accepted"]').length >= k,
    Math.min(n, rows.length),
  );
  return codes;
}

/** Opens the Case section and waits for its first recompute. */
export async function openCase(panel: Page): Promise<void> {
  await alt(panel, '5');
  await waitInPanel(
    panel,
    'case recomputed',
    () => document.querySelector('#panel-case [data-case-state="done"]') !== null,
  );
}

/** Sets an encounter field as a user would pick it (value + change event, what a date picker does). */
export async function setField(panel: Page, label: string, value: string): Promise<void> {
  const ok = await panel.evaluate(
    (l: string, v: string) => {
      const field = [...document.querySelectorAll<HTMLLabelElement>('#panel-case .ws-encounter label')].find((x) =>
        x.textContent?.trim().startsWith(l),
      );
      const input = field?.querySelector<HTMLInputElement | HTMLSelectElement>('input, select');
      if (!input) return false;
      input.focus();
      input.value = v;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      return true;
    },
    label,
    value,
  );
  if (!ok) throw new Error(`no encounter field labelled ${label}`);
}

/** Waits until the case has recomputed after the latest change and shows a DRG. */
export async function waitForDrg(panel: Page): Promise<string> {
  await waitInPanel(
    panel,
    'MS-DRG shown',
    () => document.querySelector('#panel-case #drg-panel-title .drg-number') !== null,
  );
  return panel.$eval('#panel-case #drg-panel-title .drg-number', (e) => e.textContent ?? '');
}

/**
 * Sets (first time) or types (later) the saved-case passphrase in the Case section's vault prompt
 * and waits until the vault is unlocked. The Case section must be open.
 */
export async function unlockVault(panel: Page, passphrase: string): Promise<void> {
  await waitInPanel(panel, 'vault prompt', () => document.querySelector('#panel-case [data-vault]') !== null);
  const state = await panel.$eval('#panel-case [data-vault]', (e) => e.getAttribute('data-vault'));
  if (state === 'unlocked') return;
  const inputs = await panel.$$('#panel-case form.ws-vault input[type="password"]');
  for (const input of inputs) await input.type(passphrase);
  await (await panel.$('#panel-case form.ws-vault button[type="submit"]'))!.click();
  await waitInPanel(
    panel,
    'vault unlocked',
    () => document.querySelector('#panel-case [data-vault="unlocked"]') !== null,
  );
}
