/** What a person does in the web player, written with roles and labels as they see them. */
import type { Locator, Page } from 'playwright-core';
import { UI_TIMEOUT_MS } from './browser';

export async function visible(locator: Locator, timeout = UI_TIMEOUT_MS): Promise<Locator> {
  await locator.waitFor({ state: 'visible', timeout });
  return locator;
}

export function heading(page: Page, name: string | RegExp): Locator {
  return page.getByRole('heading', { level: 1, name });
}

/** Opens the web player and joins under `name`; resolves on the lobby's "You're in" screen. */
export async function joinAs(page: Page, url: string, name: string, pin?: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Nickname').fill(name);
  if (pin !== undefined) await page.getByLabel('PIN').fill(pin);
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await visible(heading(page, new RegExp(`in, ${escape(name)}!`)));
}

export function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Clicks the answer button named by its option text and waits for "Answer locked" (or for the
 * reveal: the last answer closes the question at once).
 */
export async function answer(page: Page, option: string): Promise<void> {
  await page.getByRole('button', { name: option, exact: true }).click();
  await answered(page);
}

export async function answered(page: Page): Promise<void> {
  await visible(page.getByText('Answer locked:').or(heading(page, /^The answer is/)));
}

/** The rows of a leaderboard table as name and score (ignores the "You"/"offline" tags). */
export async function tableScores(table: Locator): Promise<Map<string, number>> {
  await visible(table);
  // A leaderboard is busy while its rows move and its scores count up.
  await table.and(table.page().locator(':not([aria-busy="true"])')).waitFor();
  const rows = await table
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [
        tr.querySelector('th[scope="row"] > span')?.textContent ?? '',
        tr.querySelector('td:last-child')?.textContent ?? '',
      ]),
    );
  return new Map(rows.map(([name, score]) => [name ?? '', Number((score ?? '').replace(/[^\d]/g, ''))]));
}
