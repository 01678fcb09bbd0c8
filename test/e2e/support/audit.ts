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

/** Waits for entry animations and transitions to end, so the page shows the screen as people see it. */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const doc = (globalThis as unknown as PageGlobals).document;
    // Reading layout first brings styles up to date, so that transitions a resize set off exist;
    // an animation ending may set off another, hence a few rounds.
    for (let round = 0; round < 3; round++) {
      void doc.documentElement.offsetHeight;
      const finite = doc.getAnimations().filter((a) => a.effect?.getTiming().iterations !== Infinity);
      if (finite.length === 0) return;
      await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
    }
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENS_DIR, { recursive: true });
  await settled(page);
  // One image pixel per CSS pixel: phones' pictures at their size in points.
  await page.screenshot({ path: join(SCREENS_DIR, `${name}.png`), fullPage: true, scale: 'css' });
}

/** Screenshots the screen as `name`, then fails the test on serious or critical axe violations. */
export async function capture(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  const violations = await axeViolations(page);
  if (violations.length > 0)
    throw new Error(`Accessibility violations on the "${name}" screen:\n${violations.join('\n')}`);
}
