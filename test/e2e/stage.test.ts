/**
 * Every game screen fits, with the longest texts the quiz format allows: the host's screen at
 * 1280x720 and 1920x1080, phones at 375x667, 390x844 and 844x390 (on its side). Four games on one
 * host, with 1, 2, 3 and 30 players (the 27 beyond the three phones are bare sockets). At every
 * phase each screen is checked at each size for a scrollbar and for text cut off, screenshotted
 * (test-results/screens/stage-*.png) and (in the games with one and thirty players, which show
 * every screen) audited with axe. The host is driven from its keyboard, as a presenter would
 * (with thirty players it also pauses a question with P).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, screenshot } from './support/audit';
import { PHONE, PROJECTOR } from './support/browser';
import { LONGEST_QUIZ, longName } from './support/longest-quiz';
import { heading, joinAs, visible } from './support/players';
import { HOST_SIZES, misfits, PHONE_SIZES } from './support/stage-fit';
import { useBrowserAndHost } from './support/suite';
import { HeldClock } from '../support/held-clock';
import { RawSocket } from '../support/raw-socket';
import { choice } from '../support/choice-question';

describe('the stage fits every screen', () => {
  const clock = new HeldClock();
  const { host, open } = useBrowserAndHost({
    quiz: LONGEST_QUIZ,
    roomName: 'Room 12B, Friday afternoon',
    clock,
    // Thirty players come from this one machine's address.
    settings: { countdownSeconds: 30, questionSeconds: 120, autoAdvance: false, maxPlayersPerAddress: 100 },
  });
  const problems: string[] = [];
  let dashboard: Page;
  /** The three phones: the first is looked at in every size, the others in one each. */
  const phones: { page: Page; name: string; sizes: { width: number; height: number }[] }[] = [];
  const raws: RawSocket[] = [];

  /** Audit with axe in this game (the games with one and thirty players cover every screen). */
  let audit = true;

  /** Checks and screenshots `page` at each size, and audits it with axe at the first. */
  async function look(page: Page, name: string, sizes: { width: number; height: number }[]): Promise<void> {
    for (const [i, size] of sizes.entries()) {
      await page.setViewportSize(size);
      const label = `${name} at ${size.width}x${size.height}`;
      for (const p of await misfits(page)) problems.push(`${label}: ${p}`);
      await screenshot(page, `stage-${name}-${size.width}x${size.height}`);
      if (i === 0 && audit) for (const v of await axeViolations(page)) problems.push(`${label}: ${v}`);
    }
  }

  async function lookAll(game: string, phase: string, players: number): Promise<void> {
    await look(dashboard, `${game}-host-${phase}`, HOST_SIZES);
    for (const [i, phone] of phones.slice(0, players).entries())
      await look(phone.page, `${game}-phone${i + 1}-${phase}`, phone.sizes);
  }

  function wsUrl(): string {
    return `${host().playerUrl.replace('http', 'ws')}ws`;
  }

  async function everyone(players: number, check: (page: Page) => Promise<unknown>): Promise<void> {
    await check(dashboard);
    for (const phone of phones.slice(0, players)) await check(phone.page);
  }

  /** The open question's index, as the host sees it. */
  function questionIndex(): number {
    return host().server.game.round?.index ?? -1;
  }

  function rawAnswers(correct: number, wrong: number): void {
    const q = questionIndex();
    // A spread of right and wrong answers, so that the table has winners and losers.
    raws.forEach((raw, i) =>
      raw.send({ type: 'answer', question: q, option: i % 3 === 0 ? wrong : correct }),
    );
  }

  async function playGame(game: string, players: number, ending: 'end-key' | 'time-up'): Promise<void> {
    const [q1, q2] = LONGEST_QUIZ.questions.map(choice);
    await visible(dashboard.getByRole('button', { name: 'Start game' }));
    await lookAll(game, 'lobby', players);

    await dashboard.getByRole('button', { name: 'Start game' }).click();
    await everyone(players, (p) => visible(heading(p, 'Get ready!')));
    await lookAll(game, 'countdown', players);
    // Space skips the rest of the countdown.
    await dashboard.keyboard.press('Space');

    await everyone(players, (p) => visible(heading(p, q1!.prompt)));
    await lookAll(game, 'question', players);
    if (ending === 'time-up') {
      // P holds the timer: every screen says so, and still fits.
      await dashboard.keyboard.press('p');
      await everyone(players, (p) => visible(p.locator('.tag--paused')));
      await lookAll(game, 'question-paused', players);
      await dashboard.keyboard.press('p');
      await everyone(players, (p) => p.locator('.tag--paused').waitFor({ state: 'detached' }));
    }
    await phones[0]!.page.getByRole('button', { name: q1!.options[0]!, exact: true }).click();
    // With one player, the one answer closes the question at once: "locked" is seen with more.
    if (players > 1) {
      await visible(phones[0]!.page.getByText('Answer locked:'));
      await look(phones[0]!.page, `${game}-phone1-locked`, phones[0]!.sizes);
    }
    for (const phone of phones.slice(1, players))
      await phone.page.getByRole('button', { name: q1!.options[3]!, exact: true }).click();
    rawAnswers(0, 1);
    await everyone(players, (p) => visible(heading(p, /^The answer is/)));
    await lookAll(game, 'reveal', players);

    await dashboard.keyboard.press('ArrowRight');
    await everyone(players, (p) => visible(heading(p, 'Leaderboard')));
    // Let the rows move to their places and the scores finish counting.
    await everyone(players, (p) => p.locator('table[aria-busy="true"]').waitFor({ state: 'detached' }));
    await lookAll(game, 'leaderboard', players);

    await dashboard.keyboard.press('PageDown');
    await everyone(players, (p) => visible(heading(p, q2!.prompt)));
    await lookAll(game, 'question-two-options', players);
    // The first phone answers wrong; the host shows the answer before the others answer.
    await phones[0]!.page.getByRole('button', { name: q2!.options[0]!, exact: true }).click();
    if (players > 1) {
      await visible(phones[0]!.page.getByText('Answer locked:'));
      await dashboard.keyboard.press('Space');
    }
    await everyone(players, (p) => visible(heading(p, /^The answer is/)));
    await lookAll(game, 'reveal-two-options', players);

    if (ending === 'end-key') {
      await dashboard.keyboard.press('e');
      await visible(dashboard.getByRole('button', { name: 'Press again to end the game' }));
      await dashboard.keyboard.press('e');
    } else {
      await dashboard.keyboard.press('Space');
      await everyone(players, (p) => visible(heading(p, 'Leaderboard')));
      await dashboard.keyboard.press('Space');
      const q3 = choice(LONGEST_QUIZ.questions[2]);
      await everyone(players, (p) => visible(heading(p, q3.prompt)));
      // Hold the host's timers: the phones reach the deadline while the question is still open.
      clock.hold();
      try {
        for (const phone of phones.slice(0, players))
          await visible(phone.page.getByText('Time’s up!'), 15_000);
        for (const [i, phone] of phones.slice(0, players).entries())
          await look(phone.page, `${game}-phone${i + 1}-time-up`, phone.sizes);
        expect(
          await phones[0]!.page.getByRole('button', { name: q3.options[0]!, exact: true }).isDisabled(),
        ).toBe(true);
      } finally {
        clock.release();
      }
      await everyone(players, (p) => visible(heading(p, /^The answer is/)));
      await dashboard.keyboard.press('Space');
    }

    // The podium plays out: the winner is named last.
    await everyone(players, (p) => visible(heading(p, /wins!$/)));
    await lookAll(game, 'final', players);

    await dashboard.getByRole('button', { name: 'Full standings' }).click();
    await visible(dashboard.getByRole('table', { name: 'Final standings' }));
    await look(dashboard, `${game}-host-final-standings`, HOST_SIZES);
    await dashboard.keyboard.press('Escape');
    await dashboard.getByRole('dialog').waitFor({ state: 'hidden' });

    await dashboard.keyboard.press('?');
    await visible(dashboard.getByRole('dialog', { name: 'Keys for the host' }));
    await look(dashboard, `${game}-host-keys`, HOST_SIZES.slice(0, 1));
    await dashboard.keyboard.press('Escape');
    await dashboard.getByRole('dialog').waitFor({ state: 'hidden' });

    await dashboard.getByRole('button', { name: 'Play again' }).click();
    for (const phone of phones.slice(0, players)) await visible(heading(phone.page, /^You’re in/));
    expect(problems).toEqual([]);
  }

  async function addPhone(sizes: { width: number; height: number }[], n: number): Promise<void> {
    const page = await open({ ...PHONE, viewport: sizes[0]! });
    const name = longName(n, n === 2);
    if (n === 1) {
      // The join form, as a phone first sees it.
      await page.goto(host().playerUrl);
      await page.getByLabel('Nickname').fill(name);
      await look(page, 'phone-join', PHONE_SIZES);
    }
    await joinAs(page, host().playerUrl, name);
    phones.push({ page, name, sizes });
  }

  /**
   * The games after the first are played with reduced motion: they look at where each screen
   * ends up and need not wait for it to get there (motion.test.ts is about the motion).
   */
  async function still(): Promise<void> {
    for (const page of [dashboard, ...phones.map((p) => p.page)])
      await page.emulateMedia({ reducedMotion: 'reduce' });
  }

  /** Changes the game's settings as the host (a second host connection). */
  async function settings(patch: Record<string, unknown>): Promise<void> {
    const raw = await RawSocket.hello(wsUrl(), host().server.hostToken);
    try {
      raw.send({ type: 'settings', settings: patch });
      await raw.waitFor('settings');
    } finally {
      raw.destroy();
    }
  }

  it('fits a game with one player', { timeout: 300_000 }, async () => {
    dashboard = await open(PROJECTOR);
    await dashboard.goto(host().hostUrl);
    await addPhone(PHONE_SIZES, 1);
    await playGame('one', 1, 'end-key');
  });

  // With two and three players the phones are seen at one size each: the first phone went
  // through every size in the game with one player, and does again with thirty.
  // This game moves on by itself (after a long while): the screens show what comes next and when.
  it('fits a game with two players', { timeout: 300_000 }, async () => {
    audit = false;
    phones[0]!.sizes = [PHONE_SIZES[1]!];
    await addPhone([PHONE_SIZES[0]!], 2);
    await still();
    await settings({ autoAdvance: true, revealSeconds: 120, leaderboardSeconds: 120 });
    try {
      await playGame('two', 2, 'end-key');
    } finally {
      await settings({ autoAdvance: false });
    }
  });

  it('fits a game with three players', { timeout: 300_000 }, async () => {
    await addPhone([PHONE_SIZES[2]!], 3);
    await still();
    await playGame('three', 3, 'end-key');
  });

  it('fits a game with thirty players, to the end of the quiz', { timeout: 400_000 }, async () => {
    audit = true;
    phones[0]!.sizes = PHONE_SIZES;
    try {
      for (let n = 4; n <= 30; n++) {
        const raw = await RawSocket.hello(wsUrl());
        raws.push(raw);
        raw.send({ type: 'join', name: longName(n, n % 9 === 0) });
        await raw.waitFor('joined');
      }
      await visible(dashboard.getByText(/Host · 30 players/));
      await playGame('thirty', 3, 'time-up');
    } finally {
      for (const raw of raws) raw.destroy();
    }
  });
});
