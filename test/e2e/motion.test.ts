/**
 * Motion that tells the story, and none for those who asked their system for less: the host's
 * leaderboard first stands as it was, then its rows slide to their new ranks while the scores
 * count up; the podium shows third, second, then the winner with confetti. With
 * prefers-reduced-motion (Chromium's emulateMedia) everything is shown as it ends, at once.
 * What the screen shows over time is recorded in the page as it changes, not sampled by sleeps.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { QuizSchema } from '../../src/shared/quiz/quiz-schema';
import { capture } from './support/audit';
import { PROJECTOR } from './support/browser';
import { heading, visible } from './support/players';
import { useBrowserAndHost } from './support/suite';
import { RawSocket } from '../support/raw-socket';

const QUIZ = QuizSchema.parse({
  title: 'Motion',
  questions: [1000, 2000, 1000, 1000].map((points, i) => ({
    kind: 'choice',
    prompt: `Question number ${i + 1}?`,
    options: ['Right', 'Wrong'],
    correct: 0,
    points,
  })),
});

/** Who answers what, question by question: 0 right, 1 wrong, null no answer. */
const ANSWERS: Record<string, (0 | 1 | null)[]> = {
  Ada: [0, 1, 1, 1],
  Bob: [0, 0, 0, 1],
  Cy: [1, 1, 1, 1],
  Dee: [null, 0, 1, 1],
};

interface Frame {
  heading: string;
  order: string[];
  scores: string[];
  busy: boolean;
  shown: string[];
  confetti: boolean;
  callouts: string[];
}

/** Starts recording every change of the screen (headings, table order and scores, podium). */
async function record(page: Page): Promise<void> {
  await page.evaluate(() => {
    /* eslint-disable @typescript-eslint/no-explicit-any -- the page's own DOM */
    const g = globalThis as any;
    const frames: Frame[] = [];
    g.__frames = frames;
    const snap = () => {
      const doc = g.document;
      const rows = [...doc.querySelectorAll('.leaderboard tbody tr')];
      frames.push({
        heading: doc.querySelector('h1')?.textContent ?? '',
        order: rows.map((r: any) => r.querySelector('.leader-table__name-text')?.textContent ?? ''),
        scores: rows.map((r: any) => r.querySelector('.leader-table__score')?.textContent ?? ''),
        busy: doc.querySelector('.leaderboard table[aria-busy="true"]') !== null,
        shown: [...doc.querySelectorAll('.podium__place.is-shown .podium__name')].map(
          (e: any) => e.textContent,
        ),
        confetti: doc.querySelector('canvas.confetti') !== null,
        callouts: [...doc.querySelectorAll('.callout')].map((e: any) => e.textContent),
      });
    };
    new g.MutationObserver(snap).observe(g.document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['class', 'aria-busy'],
    });
    snap();
  });
}

async function frames(page: Page): Promise<Frame[]> {
  return page.evaluate(() => (globalThis as unknown as { __frames: Frame[] }).__frames);
}

describe('motion on the host’s screen', () => {
  const { host, open } = useBrowserAndHost({
    quiz: QUIZ,
    settings: { countdownSeconds: 0, questionSeconds: 60, autoAdvance: false },
  });
  const raws = new Map<string, RawSocket>();
  let dashboard: Page;
  afterAll(() => {
    for (const raw of raws.values()) raw.destroy();
  });

  async function answerRound(index: number): Promise<void> {
    for (const [name, answers] of Object.entries(ANSWERS)) {
      const option = answers[index];
      if (option !== null && option !== undefined)
        raws.get(name)!.send({ type: 'answer', question: index, option });
    }
    // Dee does not answer the first question: the host shows the answer.
    if (index === 0) {
      await visible(dashboard.getByText(/3\s*of 4 answered/));
      await dashboard.keyboard.press('Space');
    }
    await visible(heading(dashboard, /^The answer is/));
  }

  /** Plays the quiz to its end, recording the screen from the second reveal on. */
  async function playRecorded(): Promise<{
    second: Frame[];
    third: Frame[];
    final: Frame[];
    /** The engine's scores after the second question. */
    scores: Map<string, number>;
  }> {
    await dashboard.getByRole('button', { name: 'Start game' }).click();
    await visible(heading(dashboard, 'Question number 1?'));
    await answerRound(0);
    await dashboard.keyboard.press('Space');
    await visible(heading(dashboard, 'Leaderboard'));
    await dashboard.keyboard.press('Space');
    await visible(heading(dashboard, 'Question number 2?'));
    await answerRound(1);
    const scores = host().scores();
    await record(dashboard);
    await dashboard.keyboard.press('Space');
    await visible(heading(dashboard, 'Leaderboard'));
    await dashboard.locator('table[aria-busy="true"]').waitFor({ state: 'detached' });
    await visible(dashboard.getByText(/climbs/));
    const second = await frames(dashboard);
    await capture(dashboard, 'motion-leaderboard');
    await dashboard.keyboard.press('Space');
    await visible(heading(dashboard, 'Question number 3?'));
    await answerRound(2);
    await record(dashboard);
    await dashboard.keyboard.press('Space');
    await dashboard.locator('table[aria-busy="true"]').waitFor({ state: 'detached' });
    await visible(dashboard.getByText(/on fire/));
    const third = await frames(dashboard);
    await dashboard.keyboard.press('Space');
    await visible(heading(dashboard, 'Question number 4?'));
    await answerRound(3);
    await record(dashboard);
    await dashboard.keyboard.press('Space');
    await visible(heading(dashboard, /wins!$/));
    await dashboard.locator('canvas.confetti').waitFor({ state: 'detached', timeout: 20_000 });
    const final = await frames(dashboard);
    await dashboard.getByRole('button', { name: 'Play again' }).click();
    await visible(dashboard.getByRole('button', { name: 'Start game' }));
    return { second, third, final, scores };
  }

  it(
    'slides the rows to their new ranks, counts the scores up and builds the podium to the winner',
    { timeout: 180_000 },
    async () => {
      const h = host();
      for (const name of Object.keys(ANSWERS)) {
        const raw = await RawSocket.hello(`${h.playerUrl.replace('http', 'ws')}ws`);
        raw.send({ type: 'join', name });
        await raw.waitFor('joined');
        raws.set(name, raw);
      }
      dashboard = await open(PROJECTOR);
      await dashboard.goto(h.hostUrl);
      const { second, third, final, scores } = await playRecorded();

      // After question 2 the board first stands as after question 1, busy, with the old scores...
      const boards = second.filter((f) => f.heading === 'Leaderboard' && f.order.length > 0);
      expect(boards[0]).toMatchObject({ order: ['Ada', 'Bob', 'Cy', 'Dee'], busy: true });
      expect(boards[0]!.scores[3]).toBe('0');
      // ...then Bob (two right, with a streak bonus) leads and Dee has climbed from last to second.
      const last = boards.at(-1)!;
      expect(last).toMatchObject({ order: ['Bob', 'Dee', 'Ada', 'Cy'], busy: false });
      expect(last.scores).toEqual(
        ['Bob', 'Dee', 'Ada', 'Cy'].map((n) => scores.get(n)!.toLocaleString('en-US')),
      );
      expect(last.callouts).toEqual(['Dee climbs 2 places to 2nd']);
      // Dee's score went up step by step rather than jumping.
      const dee = new Set(boards.map((f) => f.scores[f.order.indexOf('Dee')]));
      expect(dee.size).toBeGreaterThan(2);

      // Three right in a row is called out.
      expect(third.at(-1)!.callouts).toContain('Bob is on fire: 3 right in a row');

      // The podium: third, then second, then the winner, named only then, with confetti.
      const podium = final.filter((f) => f.heading.endsWith('…') || f.heading.endsWith('wins!'));
      const firstShown = (name: string) => podium.findIndex((f) => f.shown.includes(name));
      expect(firstShown('Dee')).toBeGreaterThan(-1);
      expect(firstShown('Ada')).toBeLessThan(firstShown('Dee'));
      expect(firstShown('Dee')).toBeLessThan(firstShown('Bob'));
      expect(podium[0]!.heading).toBe('And the winner is…');
      const winner = podium.findIndex((f) => f.heading === 'Bob wins!');
      expect(winner).toBe(firstShown('Bob'));
      expect(podium.slice(0, winner).some((f) => f.confetti)).toBe(false);
      expect(podium.slice(winner).some((f) => f.confetti)).toBe(true);
    },
  );

  it('shows the end of every motion at once with prefers-reduced-motion', { timeout: 180_000 }, async () => {
    await dashboard.emulateMedia({ reducedMotion: 'reduce' });
    try {
      const { second, final } = await playRecorded();
      const boards = second.filter((f) => f.heading === 'Leaderboard' && f.order.length > 0);
      // The first board drawn is already the final one: no old order, no counting, not busy.
      expect(boards[0]).toMatchObject({ order: ['Bob', 'Dee', 'Ada', 'Cy'], busy: false });
      expect(new Set(boards.map((f) => f.scores.join(' '))).size).toBe(1);
      // The whole podium and the winner's name at once, and no confetti.
      const podium = final.filter((f) => f.shown.length > 0);
      expect(podium[0]).toMatchObject({ heading: 'Bob wins!', shown: ['Bob', 'Dee', 'Ada'] });
      expect(final.some((f) => f.heading === 'And the winner is…' || f.confetti)).toBe(false);
      // Nothing on the page moves for longer than a moment (CSS animations are cut to nothing).
      const moving = await dashboard.evaluate(() => {
        type Animation = { effect: { getComputedTiming(): { duration: number | string } } | null };
        const doc = (globalThis as unknown as { document: { getAnimations(): Animation[] } }).document;
        return doc.getAnimations().filter((a) => Number(a.effect?.getComputedTiming().duration ?? 0) > 20)
          .length;
      });
      expect(moving).toBe(0);
    } finally {
      await dashboard.emulateMedia({ reducedMotion: null });
    }
  });
});
