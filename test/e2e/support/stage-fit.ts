/**
 * What "fits" means for a game screen: no scrollbar (the document and the stage's main area are no
 * larger than the window) and no text cut off (each prompt, option, answer and name is no larger
 * than its own box, and its box lies inside the window).
 */
import type { Page } from 'playwright-core';
import { settled } from './audit';

/** The sizes every game screen is checked at: the host's screens, and phones upright and on their side. */
export const HOST_SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];
export const PHONE_SIZES = [
  { width: 375, height: 667 },
  { width: 390, height: 844 },
  { width: 844, height: 390 },
];

/** Texts that must be shown whole: prompts, options, answers, player names. */
export const WHOLE_TEXTS = [
  '.question__prompt',
  '.option__text',
  '.locked',
  '.reveal__prompt',
  '.reveal__heading',
  '.result__text',
  '.result-panel__headline',
  '.leader-table__name-text',
  '.podium__name',
  '.final__title',
  '.chip__name',
  '.callout',
  'dialog[open]',
].join(', ');
// The lobby's list of names is not here: past a screenful it scrolls inside its own card.

interface FitReport {
  document: { scrollWidth: number; scrollHeight: number; width: number; height: number };
  main: { scrollHeight: number; clientHeight: number } | null;
  cut: string[];
}

/**
 * Everything that does not fit, in words; empty when the screen fits. Some motion is timed by the
 * page's own clock (rows that hold their old places, then move; a podium built step by step), so
 * a screen is measured again until it fits or the same misfit has stood for several seconds: what
 * is reported is what a person would see once the screen came to rest.
 */
export async function misfits(page: Page): Promise<string[]> {
  const until = Date.now() + 6_000;
  for (;;) {
    const found = await misfitsNow(page);
    if (found.length === 0 || Date.now() > until) return found;
    await page.waitForTimeout(250);
  }
}

async function misfitsNow(page: Page): Promise<string[]> {
  // An element moving in is measured where it ends up; text is refitted after a resize
  // (ResizeObserver, then layout): let two frames pass too.
  await settled(page);
  await page.evaluate(() => {
    const frame = (globalThis as unknown as { requestAnimationFrame(f: () => void): void })
      .requestAnimationFrame;
    return new Promise<void>((resolve) => frame(() => frame(() => resolve())));
  });
  const report = await page.evaluate((selector): FitReport => {
    /* eslint-disable @typescript-eslint/no-explicit-any */
    const g = globalThis as any;
    const doc = g.document.documentElement;
    const main = g.document.querySelector('.app__main');
    const cut: string[] = [];
    for (const el of g.document.querySelectorAll(selector)) {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue; // not shown (visually hidden, closed dialog)
      if (el.closest('dialog:not([open]), .visually-hidden')) continue;
      const what = `${el.className.split(' ')[0]} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
      if (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1)
        cut.push(
          `${what}: content ${el.scrollWidth}x${el.scrollHeight} in a ${el.clientWidth}x${el.clientHeight} box`,
        );
      // Something else drawn over the text (a box that grew over its neighbour). A modal dialog
      // covers the page on purpose, and so do the "Time's up!" and "Paused" signs the answers.
      const modal = g.document.querySelector('dialog[open]');
      const meant = (modal && !modal.contains(el)) || el.closest('.is-time-up .option, .is-paused .option');
      const hit = g.document.elementFromPoint(
        rect.left + rect.width / 2,
        rect.top + Math.min(rect.height / 2, 12),
      );
      if (!meant && hit && !el.contains(hit) && !hit.contains(el))
        cut.push(`${what}: covered by ${hit.tagName.toLowerCase()}.${String(hit.className).split(' ')[0]}`);
      // A dialog's content (the full standings) scrolls inside the dialog: only the dialog must fit.
      const inDialog = el.closest('dialog') !== null;
      if (
        !inDialog &&
        (rect.top < -1 || rect.left < -1 || rect.bottom > g.innerHeight + 1 || rect.right > g.innerWidth + 1)
      )
        cut.push(
          `${what}: box ${Math.round(rect.left)},${Math.round(rect.top)}–${Math.round(rect.right)},${Math.round(rect.bottom)} outside the ${g.innerWidth}x${g.innerHeight} window`,
        );
    }
    return {
      document: {
        scrollWidth: doc.scrollWidth,
        scrollHeight: doc.scrollHeight,
        width: g.innerWidth,
        height: g.innerHeight,
      },
      main: main ? { scrollHeight: main.scrollHeight, clientHeight: main.clientHeight } : null,
      cut,
    };
  }, WHOLE_TEXTS);
  const problems = [...report.cut];
  const d = report.document;
  if (d.scrollHeight > d.height)
    problems.push(`the page scrolls down: ${d.scrollHeight} px in a ${d.height} px window`);
  if (d.scrollWidth > d.width)
    problems.push(`the page scrolls sideways: ${d.scrollWidth} px in a ${d.width} px window`);
  if (report.main && report.main.scrollHeight > report.main.clientHeight + 1)
    problems.push(
      `the stage scrolls: ${report.main.scrollHeight} px of content in ${report.main.clientHeight} px`,
    );
  return problems;
}
