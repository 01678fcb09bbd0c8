/**
 * One question of every kind, played in Chromium: a host's projector (1920×1080) and two phones at
 * 375×667, one answering by touch and one by keyboard only. Every answer screen fits without
 * scrolling and is axe clean; the projector's reveal shows each kind's distribution; the engine
 * scores what was answered.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { MediaStore } from '../../src/main/media/media-store';
import { QuizSchema, type Quiz } from '../../src/shared/quiz/quiz-schema';
import { pngPicture } from '../support/media-fixtures';
import { capture } from './support/audit';
import { PROJECTOR } from './support/browser';
import { heading, joinAs, visible } from './support/players';
import { misfits } from './support/stage-fit';
import { useBrowserAndHost } from './support/suite';

// The first question carries a picture, served by the host like any quiz's media.
const mediaDir = await mkdtemp(join(tmpdir(), 'quizroom-e2e-kinds-'));
const media = new MediaStore(mediaDir);
const planet = await media.put(await pngPicture(7, 640, 400), 'png');
afterAll(async () => {
  await rm(mediaDir, { recursive: true, force: true });
});

const KINDS_QUIZ: Quiz = QuizSchema.parse({
  title: 'Every kind of question',
  questions: [
    {
      kind: 'choice',
      prompt: 'Which planet has rings you can see?',
      options: ['Saturn', 'Mercury', 'Venus', 'Mars'],
      correct: 0,
      image: planet,
    },
    {
      kind: 'true_false',
      prompt: 'Lightning never strikes twice.',
      correct: false,
      explanation: 'Tall towers are hit many times a year.',
    },
    {
      kind: 'multi_select',
      prompt: 'Which of these are mammals?',
      options: ['Whale', 'Shark', 'Bat', 'Trout'],
      correct: [0, 2],
    },
    {
      kind: 'typed',
      prompt: 'Which metal is liquid at room temperature?',
      accepted: ['Mercury', 'Hg'],
      typos: true,
    },
    {
      kind: 'number',
      prompt: 'How many legs does a spider have?',
      min: 0,
      max: 20,
      step: 1,
      correct: 8,
      tolerance: 4,
    },
    { kind: 'ordering', prompt: 'Smallest to largest', items: ['Atom', 'Cell', 'Mouse', 'Elephant'] },
    { kind: 'poll', prompt: 'Which round did you like best?', options: ['Science', 'History', 'Sports'] },
    { kind: 'slide', prompt: 'Halfway there!', text: 'Stretch your legs: the next round starts soon.' },
  ],
});

/** A small phone: the brief's no-scrolling size. */
const SMALL_TOUCH = {
  viewport: { width: 375, height: 667 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};
const SMALL_KEYS = { viewport: { width: 375, height: 667 } };
/** A phone on its side, played by touch. */
const LANDSCAPE_TOUCH = {
  viewport: { width: 844, height: 390 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};

/** Presses Tab until `target` has the focus (a keyboard user's way to reach it). */
async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if (await target.evaluate((el) => el === (el.ownerDocument as { activeElement: unknown }).activeElement))
      return;
    await page.keyboard.press('Tab');
  }
  throw new Error('could not reach the control with Tab');
}

async function fits(page: Page, what: string): Promise<void> {
  expect(await misfits(page), what).toEqual([]);
  await capture(page, what);
}

async function locked(page: Page): Promise<void> {
  await visible(page.getByText('Answer locked:').or(page.locator('.reveal')));
}

describe('every kind of question', () => {
  const { host, open } = useBrowserAndHost({
    quiz: KINDS_QUIZ,
    media,
    settings: { countdownSeconds: 0 },
  });

  it(
    'is played by touch and by keyboard on small phones, and revealed with its distribution',
    { timeout: 240_000 },
    async () => {
      const h = host();
      const projector = await open(PROJECTOR);
      await projector.goto(h.hostUrl);
      const touch = await open(SMALL_TOUCH);
      const keys = await open(SMALL_KEYS);
      const side = await open(LANDSCAPE_TOUCH);
      await joinAs(touch, h.playerUrl, 'Tess');
      await joinAs(keys, h.playerUrl, 'Kai');
      await joinAs(side, h.playerUrl, 'Lan');
      await projector.getByRole('button', { name: 'Start game' }).click();

      const ask = async (prompt: string, name: string) => {
        for (const [page, who] of [
          [touch, 'touch'],
          [keys, 'keys'],
          [side, 'landscape'],
        ] as const) {
          await visible(heading(page, prompt));
          await fits(page, `kinds-${name}-${who}`);
        }
        await visible(heading(projector, prompt));
        await fits(projector, `kinds-${name}-projector`);
      };
      const revealed = async (name: string) => {
        await visible(projector.locator('.reveal--chart'));
        await fits(projector, `kinds-${name}-reveal-projector`);
        await visible(touch.locator('.reveal'));
        await fits(touch, `kinds-${name}-reveal-touch`);
      };
      const next = async () => {
        await projector.getByRole('button', { name: 'Show leaderboard' }).click();
        await projector.getByRole('button', { name: 'Next question' }).click();
      };

      // 1. Choice with a picture: a tap, and a number key.
      await ask('Which planet has rings you can see?', 'choice');
      for (const page of [touch, keys, side, projector])
        await page.waitForFunction(() => {
          const img = (
            globalThis as unknown as {
              document: { querySelector(s: string): { complete: boolean; naturalWidth: number } | null };
            }
          ).document.querySelector('img.quiz-picture');
          return !!img && img.complete && img.naturalWidth > 0;
        });
      await touch.getByRole('button', { name: 'Saturn', exact: true }).tap();
      await locked(touch);
      await keys.keyboard.press('2');
      await side.getByRole('button', { name: 'Venus', exact: true }).tap();
      await revealed('choice');
      await visible(heading(projector, /The answer is\s*Saturn/));
      await next();

      // 2. True or false: two tiles; the explanation comes with the reveal.
      await ask('Lightning never strikes twice.', 'true-false');
      expect(await touch.getByText('Tall towers are hit many times a year.').count()).toBe(0);
      await touch.getByRole('button', { name: 'False', exact: true }).tap();
      await locked(touch);
      await keys.keyboard.press('1');
      await side.getByRole('button', { name: 'True', exact: true }).tap();
      await revealed('true-false');
      await visible(projector.getByText('Tall towers are hit many times a year.'));
      await next();

      // 3. Multi-select: toggle, then send; number keys and Enter.
      await ask('Which of these are mammals?', 'multi-select');
      await touch.getByRole('button', { name: 'Whale', exact: true }).tap();
      await touch.getByRole('button', { name: 'Bat', exact: true }).tap();
      await touch.getByRole('button', { name: 'Send 2 picked' }).tap();
      await locked(touch);
      await keys.keyboard.press('1');
      await keys.keyboard.press('2');
      await keys.keyboard.press('Enter');
      await side.getByRole('button', { name: 'Shark', exact: true }).tap();
      await side.getByRole('button', { name: 'Send 1 picked' }).tap();
      await revealed('multi-select');
      await visible(heading(projector, /Whale, Bat/));
      await next();

      // 4. Typed: a small typo still counts; the reveal groups what people typed.
      await ask('Which metal is liquid at room temperature?', 'typed');
      await touch.getByLabel('Your answer').tap();
      await touch.getByLabel('Your answer').fill('mercury!');
      await touch.getByRole('button', { name: 'Send answer' }).tap();
      await locked(touch);
      await tabTo(keys, keys.getByLabel('Your answer'));
      await keys.keyboard.type('Mercuyr');
      await keys.keyboard.press('Enter');
      await side.getByLabel('Your answer').tap();
      await side.getByLabel('Your answer').fill('Hg');
      await side.getByRole('button', { name: 'Send answer' }).tap();
      await revealed('typed');
      await visible(projector.getByRole('list', { name: 'What people typed' }));
      expect(h.server.game.players.size).toBe(3);
      await next();

      // 5. Number (the slider starts in the middle, 10): a − step by touch; arrow keys and Enter.
      await ask('How many legs does a spider have?', 'number');
      await touch.getByRole('button', { name: /^Less/ }).tap();
      await touch.getByRole('button', { name: 'Send answer' }).tap();
      await locked(touch);
      await tabTo(keys, keys.getByRole('slider', { name: 'Your answer' }));
      await keys.keyboard.press('ArrowLeft');
      await keys.keyboard.press('ArrowLeft');
      await keys.keyboard.press('Enter');
      await side.getByRole('button', { name: /^More/ }).tap();
      await side.getByRole('button', { name: 'Send answer' }).tap();
      await revealed('number');
      await visible(projector.getByRole('list', { name: 'The numbers given' }));
      await next();

      // 6. Ordering: move items up and down, by touch and with Tab and Enter.
      await ask('Smallest to largest', 'ordering');
      const shown = await touch.locator('.order-item__text').allTextContents();
      expect(shown).not.toEqual(['Atom', 'Cell', 'Mouse', 'Elephant']);
      await touch.getByRole('button', { name: `Move ${shown[1]!.trim()} up` }).tap();
      await touch.getByRole('button', { name: 'Send answer' }).tap();
      await locked(touch);
      await tabTo(keys, keys.getByRole('button', { name: /down$/ }).first());
      await keys.keyboard.press('Enter');
      await tabTo(keys, keys.getByRole('button', { name: 'Send answer' }));
      await keys.keyboard.press('Enter');
      await side.getByRole('button', { name: 'Send answer' }).tap();
      await revealed('ordering');
      await visible(heading(projector, /Atom → Cell → Mouse → Elephant/));
      await next();

      // 7. Poll: no right answer; the reveal is how everyone voted.
      await ask('Which round did you like best?', 'poll');
      await touch.getByRole('button', { name: 'History', exact: true }).tap();
      await locked(touch);
      await keys.keyboard.press('1');
      await side.getByRole('button', { name: 'Sports', exact: true }).tap();
      await revealed('poll');
      await visible(heading(projector, 'How everyone voted'));
      await next();

      // 8. Slide: nothing to answer; the host moves on.
      await ask('Halfway there!', 'slide');
      await visible(touch.getByText('Look at the big screen'));
      expect(await touch.getByRole('button', { name: 'Send answer' }).count()).toBe(0);
      await projector.keyboard.press('ArrowRight');
      await visible(projector.locator('.reveal--chart'));

      const tess = [...h.server.game.players.values()].find((p) => p.name === 'Tess')!;
      const kai = [...h.server.game.players.values()].find((p) => p.name === 'Kai')!;
      // Tess: right on choice, true/false, multi-select and typed; 9 legs, one off with a tolerance of 4.
      expect(tess.answers.slice(0, 4).map((a) => a?.correct)).toEqual([true, true, true, true]);
      expect(tess.answers[4]).toMatchObject({ value: 9, credit: 0.75 });
      expect(tess.answers[6]).toMatchObject({ points: 0 });
      // Kai: wrong choice; true/false "True" wrong; Whale+Shark is 0; one typo accepted; 8 legs right.
      expect(kai.answers.slice(0, 5).map((a) => a?.credit)).toEqual([0, 0, 0, 1, 1]);
      // Lan, on a phone on its side: wrong, wrong, Shark alone is 0, "Hg" accepted, 11 legs is 3 off.
      const lan = [...h.server.game.players.values()].find((p) => p.name === 'Lan')!;
      expect(lan.answers.slice(0, 4).map((a) => a?.credit)).toEqual([0, 0, 0, 1]);
      expect(lan.answers[4]).toMatchObject({ value: 11, credit: 0.25 });
      expect(tess.score).toBeGreaterThan(0);
    },
  );
});
