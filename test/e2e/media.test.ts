/**
 * A question with a picture and picture options, played in Chromium: a projector at 1280×720 and
 * two phones at 375×667 (one keeping the host's Content-Security-Policy). The phones fetch the
 * pictures during the countdown, before the question opens, and tell the host, so the question
 * opens on time; every picture shows, nothing scrolls, the screens are axe clean, and every media
 * address a phone asks for is a content hash.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { MEDIA_WAIT_MS } from '../../src/main/game/media-gate';
import { MediaStore } from '../../src/main/media/media-store';
import { QuizSchema, type Quiz } from '../../src/shared/quiz/quiz-schema';
import { capture, screenshot } from './support/audit';
import { cspViolations, newStrictPage } from './support/browser';
import { answer, heading, joinAs, visible } from './support/players';
import { exactly, MAX_OPTION, MAX_PROMPT } from './support/longest-quiz';
import { HOST_SIZES, misfits, PHONE_SIZES } from './support/stage-fit';
import { useBrowserAndHost } from './support/suite';
import { pngPicture } from '../support/media-fixtures';
import { waitFor } from '../support/wait';

const dir = await mkdtemp(join(tmpdir(), 'quizroom-e2e-media-'));
const store = new MediaStore(dir);
const prompt = await store.put(await pngPicture(1, 800, 500), 'png');
const flags: string[] = [];
for (let i = 2; i <= 5; i++) flags.push(await store.put(await pngPicture(i, 300, 200), 'png'));

const QUIZ: Quiz = QuizSchema.parse({
  title: 'Flags of the world',
  questions: [
    {
      kind: 'choice',
      prompt: 'Which of these flags is the flag of Chad?',
      options: ['France', 'Chad', 'Peru', 'Japan'],
      correct: 1,
      image: prompt,
      optionImages: flags,
      shuffle: true,
    },
    {
      kind: 'choice',
      prompt: exactly(
        MAX_PROMPT,
        'Looking closely at the photograph above and at the four pictures below, which of the patterns repeats across the whole surface without ever changing its colour, its size or its spacing',
      ),
      options: [1, 2, 3, 4].map((i) =>
        exactly(
          MAX_OPTION,
          `${i}: the pattern in this picture repeats Pneumonoultramicroscopicsilicovolcanoconiosis and never changes`,
        ),
      ),
      correct: 0,
      image: prompt,
      optionImages: flags,
    },
  ],
});

const SMALL_PHONE = {
  viewport: { width: 375, height: 667 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};
const COUNTDOWN_S = 6;

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Waits until `count` pictures are on the page, each loaded and with pixels. */
async function picturesShown(page: Page, count: number): Promise<void> {
  await page.waitForFunction((n) => {
    const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<unknown> } })
      .document;
    const all = Array.from(doc.querySelectorAll('img.quiz-picture')) as {
      complete: boolean;
      naturalWidth: number;
    }[];
    return all.length === n && all.every((i) => i.complete && i.naturalWidth > 0);
  }, count);
}

describe('a question with pictures', () => {
  const { host, open, browser } = useBrowserAndHost({
    quiz: QUIZ,
    media: store,
    settings: { countdownSeconds: COUNTDOWN_S, questionSeconds: 60, autoAdvance: false },
  });

  it('is preloaded by the phones, opens on time, shows every picture and fits without scrolling', async () => {
    const dashboard = await open({ viewport: { width: 1280, height: 720 } });
    await dashboard.goto(host().hostUrl);
    const ann = await open(SMALL_PHONE);
    const strict = await newStrictPage(browser(), SMALL_PHONE);
    const bob = strict.page;
    const asked: string[] = [];
    for (const page of [ann, bob])
      page.on('request', (r) => {
        const path = new URL(r.url()).pathname;
        if (path.startsWith('/media/')) asked.push(path);
      });
    await joinAs(ann, host().playerUrl, 'Ann');
    await joinAs(bob, host().playerUrl, 'Bob');

    await dashboard.getByRole('button', { name: 'Start game' }).click();
    // Both phones fetch the pictures during the countdown and say so.
    await waitFor(() => host().server.game.mediaGate?.ready.length === 2, 'both phones to have the pictures');
    expect(host().server.game.phase).toBe('countdown');
    const due = host().server.game.endsAt!;
    await waitFor(() => host().server.game.phase === 'question', 'the question to open', 20_000);
    // Not held: it opened when the countdown ended, not MEDIA_WAIT_MS later.
    expect(host().server.game.round!.openedAt).toBeGreaterThanOrEqual(due);
    expect(host().server.game.round!.openedAt).toBeLessThan(due + MEDIA_WAIT_MS);

    await visible(heading(ann, /flag of Chad/));
    await visible(heading(bob, /flag of Chad/));
    for (const [page, name] of [
      [ann, 'media-phone-375x667'],
      [bob, 'media-phone-strict-375x667'],
      [dashboard, 'media-host-1280x720'],
    ] as const) {
      await picturesShown(page, 5);
      expect(await misfits(page), name).toEqual([]);
      // axe is injected as an inline script, which the strict page's CSP (rightly) refuses.
      if (page === bob) await screenshot(page, name);
      else await capture(page, name);
    }
    expect(await cspViolations(bob)).toEqual([]);

    await answer(ann, 'Chad');
    await answer(bob, 'Peru');
    await visible(heading(dashboard, /^The answer is/));
    // The reveal shows each option with its picture, on the projector and on a phone.
    await picturesShown(dashboard, 4);
    await visible(heading(ann, /^The answer is/));
    for (const [page, name] of [
      [dashboard, 'media-host-reveal-1280x720'],
      [ann, 'media-phone-reveal-375x667'],
    ] as const) {
      expect(await misfits(page), name).toEqual([]);
      await capture(page, name);
    }
    expect(host().scores().get('Ann')).toBeGreaterThan(0);
    expect(host().scores().get('Bob')).toBe(0);

    // The longest texts the format allows, with a picture and four picture options, fit every
    // size the stage is checked at. The phones had the pictures (the same ones) already.
    await dashboard.getByRole('button', { name: 'Show leaderboard' }).click();
    await waitFor(() => host().server.game.phase === 'leaderboard', 'the leaderboard');
    await dashboard.getByRole('button', { name: 'Next question' }).click();
    await waitFor(() => host().server.game.round?.index === 1, 'the longest picture question');
    const problems: string[] = [];
    for (const [page, sizes, name] of [
      [dashboard, HOST_SIZES, 'host'],
      [ann, PHONE_SIZES, 'phone'],
    ] as const) {
      await picturesShown(page, 5);
      for (const size of sizes) {
        await page.setViewportSize(size);
        const label = `media-longest-${name}-${size.width}x${size.height}`;
        for (const p of await misfits(page)) problems.push(`${label}: ${p}`);
        await screenshot(page, label);
      }
    }
    expect(problems).toEqual([]);

    // Every address asked for is a hash; each phone asked for each picture, and none for more.
    for (const path of asked) expect(path).toMatch(/^\/media\/[0-9a-f]{64}\.png$/);
    expect(new Set(asked)).toEqual(new Set([prompt, ...flags].map((r) => `/media/${r}`)));
    await strict.context.close();
  }, 120_000);
});

describe('a phone that is slow to get the pictures', () => {
  const one: Quiz = { ...QUIZ, questions: [QUIZ.questions[0]!] };
  const { host, open } = useBrowserAndHost({
    quiz: one,
    media: store,
    settings: { countdownSeconds: 1, questionSeconds: 60, autoAdvance: false },
  });

  it('holds the question for at most the wait, names the phone on the host screen, then opens for everyone at once', async () => {
    const dashboard = await open({ viewport: { width: 1280, height: 720 } });
    await dashboard.goto(host().hostUrl);
    const ann = await open(SMALL_PHONE);
    const cy = await open(SMALL_PHONE);
    // Cy's pictures do not come until the test lets them.
    const held: (() => Promise<void>)[] = [];
    await cy.route('**/media/**', (route) => void held.push(() => route.continue()));
    await joinAs(ann, host().playerUrl, 'Ann');
    await joinAs(cy, host().playerUrl, 'Cy');
    await dashboard.getByRole('button', { name: 'Start game' }).click();
    await visible(dashboard.getByText('Waiting for 1 phone to load the pictures: Cy'));
    expect(host().server.game.phase).toBe('countdown');
    const until = host().server.game.mediaGate!.until!;
    await capture(dashboard, 'media-host-waiting-1280x720');
    await waitFor(() => host().server.game.phase === 'question', 'the question to open anyway', 20_000);
    const round = host().server.game.round!;
    expect(round.openedAt).toBeGreaterThanOrEqual(until);
    // The slow phone has the question too, with the same clock as everyone.
    await visible(heading(cy, /flag of Chad/));
    for (const release of held.splice(0)) await release();
    await picturesShown(cy, 5);
    await answer(cy, 'Chad');
    expect(host().server.game.players.size).toBe(2);
    await answer(ann, 'France');
    await visible(heading(dashboard, /^The answer is/));
    expect(host().scores().get('Cy')).toBeGreaterThan(0);
  }, 120_000);
});
