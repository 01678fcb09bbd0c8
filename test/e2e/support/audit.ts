/**
 * Evidence for people: an axe-core audit of a screen (serious and critical violations fail) and
 * a screenshot of it in test-results/screens/ (looked at to judge the design; not committed).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { PageGlobals } from './page-globals';
import { ROOT } from '../../support/built-app';

export const SCREENS_DIR = join(ROOT, 'test-results/screens');
const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** Runs axe on the page as it is now; returns a readable list of serious/critical violations. */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const g = globalThis as unknown as PageGlobals;
    const result = await g.axe!.run(g.document, { resultTypes: ['violations'] });
    return result.violations;
  });
  return (violations as AxeViolation[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
    );
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENS_DIR, { recursive: true });
  // Let entry animations settle so that the picture shows the screen as people see it.
  await page.evaluate(() => {
    const running = (globalThis as unknown as PageGlobals).document.getAnimations();
    const finite = running.filter((a) => a.effect?.getTiming().iterations !== Infinity);
    return Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
  });
  await page.screenshot({ path: join(SCREENS_DIR, `${name}.png`), fullPage: true });
}

/** Screenshots the screen as `name`, then fails the test on serious or critical axe violations. */
export async function capture(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  const violations = await axeViolations(page);
  if (violations.length > 0)
    throw new Error(`Accessibility violations on the "${name}" screen:\n${violations.join('\n')}`);
}
