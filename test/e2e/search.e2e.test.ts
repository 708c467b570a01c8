/**
 * Search end to end: in the built extension's real side panel, `/` focuses the search
 * box, typing a coder's words shows the expected code first (ICD-10-CM group, with the reason),
 * the keyboard opens its detail (path from chapter to code, instructional notes, release), and a
 * code typed without its dot is found too. The index is built in the engine worker from the
 * tables installed in IndexedDB on the first search.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchWithExtension,
  openSidePanel,
  waitForSidePanelReady,
  waitInPanel,
  type ExtensionBrowser,
} from './support/browser';

async function typeQuery(panel: Page, query: string): Promise<void> {
  await panel.keyboard.press('Escape'); // back to the box / clear
  await panel.keyboard.press('/');
  const focused = await panel.evaluate(() => document.activeElement?.id);
  expect(focused).toBe('code-lookup-input');
  await panel.evaluate(() => {
    const input = document.getElementById('code-lookup-input') as HTMLInputElement;
    input.select();
  });
  await panel.keyboard.type(query);
  await waitInPanel(
    panel,
    `results for "${query}"`,
    (q) => {
      const status = document.querySelector('[data-search-state]');
      return status?.getAttribute('data-search-state') === 'ready' && status.getAttribute('data-query') === q;
    },
    query,
    240_000,
  );
}

/**
 * The fiscal year of today's date in the panel: with no chart open, the date of service is today,
 * and the tables of that year answer (FY = calendar year + 1 from October 1).
 */
const fiscalYearToday = (panel: Page): Promise<number> =>
  panel.evaluate(() => {
    const now = new Date();
    return now.getMonth() >= 9 ? now.getFullYear() + 1 : now.getFullYear();
  });

/** The fiscal year the last search reported (`data-fiscal-year` of the status line). */
const searchYear = (panel: Page): Promise<number> =>
  panel.evaluate(() => Number(document.querySelector('[data-search-state]')?.getAttribute('data-fiscal-year')));

const firstCode = (panel: Page, system: string): Promise<string | null> =>
  panel.evaluate(
    (s) =>
      document
        .querySelector(`#search-results section[data-system="${s}"] li[role="option"]`)
        ?.getAttribute('data-code') ?? null,
    system,
  );

describe('search in the side panel', () => {
  let chartside: ExtensionBrowser;
  let panel: Page;
  let errors: string[];

  beforeAll(async () => {
    chartside = await launchWithExtension();
    ({ page: panel, errors } = await openSidePanel(chartside));
    await waitForSidePanelReady(panel, errors);
    await panel.bringToFront();
    await panel.keyboard.down('Alt');
    await panel.keyboard.press('1');
    await panel.keyboard.up('Alt');
    await waitInPanel(panel, 'search box', () => document.getElementById('code-lookup-input') !== null, '', 30_000);
  });
  afterAll(async () => {
    await chartside?.close();
  });

  it('types a clinical phrase, sees the specific code first with its reason, opens its detail', async () => {
    const year = await fiscalYearToday(panel);
    await typeQuery(panel, 'acute on chronic systolic heart failure');
    // The search used the tables of the date of service's fiscal year, and says so.
    expect(await searchYear(panel)).toBe(year);
    const status = await panel.evaluate(() => document.querySelector('[data-search-state]')?.textContent ?? '');
    expect(status).toContain(`results · FY${year} (ICD-10-CM FY${year}`);
    expect(await firstCode(panel, 'cm')).toBe('I50.23');
    const reason = await panel.evaluate(
      () => document.querySelector('#search-results li[data-code="I50.23"] .reason')?.textContent ?? '',
    );
    expect(reason).toMatch(/systolic/i);

    // Keyboard: into the list, Enter opens the active (first) result.
    await panel.keyboard.press('ArrowDown');
    await panel.keyboard.press('Enter');
    await waitInPanel(
      panel,
      'detail of I50.23',
      () => document.querySelector('article.code-detail[data-code="I50.23"] h2') !== null,
      '',
      60_000,
    );
    const detail = await panel.evaluate(() => document.querySelector('article.code-detail')?.textContent ?? '');
    expect(detail).toContain('Acute on chronic systolic (congestive) heart failure');
    expect(detail).toContain('I50.2'); // path from the category down
    expect(detail).toMatch(/Billable/);
    // The detail comes from the same year's table (not merely a label mentioning some year).
    const detailYear = await panel.evaluate(() =>
      Number(document.querySelector('article.code-detail p.release')?.getAttribute('data-fiscal-year')),
    );
    expect(detailYear).toBe(year);
    expect(errors).toEqual([]);
  });

  it("finds a code the FY2027 addenda add by its title only when the date of service's year has it", async () => {
    const year = await fiscalYearToday(panel);
    await typeQuery(panel, 'Glanzmann thrombasthenia');
    expect(await searchYear(panel)).toBe(year);
    // D69.11 is new in FY2027 (order addenda): first for an FY2027 date, absent before.
    const codes = await panel.evaluate(() =>
      [...document.querySelectorAll('#search-results section[data-system="cm"] li[role="option"]')].map((li) =>
        li.getAttribute('data-code'),
      ),
    );
    if (year >= 2027) expect(codes[0]).toBe('D69.11');
    else expect(codes).not.toContain('D69.11');
    expect(errors).toEqual([]);
  });

  it('finds a code typed without its dot and an abbreviation', async () => {
    await typeQuery(panel, 'i5023');
    expect(await firstCode(panel, 'cm')).toBe('I50.23');
    await typeQuery(panel, 'chf');
    expect(await firstCode(panel, 'cm')).toBe('I50.9');
    expect(errors).toEqual([]);
  });
});
