/**
 * Extra time and who answered, in real Chromium against a real headless host: the host gives Ada
 * double time from her lobby chip (a badge only the host sees); in the question the host's ticks
 * show who answered (names only); once Bob and Cy are done the projector says "Finishing…", Bob's
 * phone says why the answer has not come, and nothing is revealed until Ada answers. A name
 * arriving in the lobby pops in, with a short sound on the host's screen that a join storm does not
 * turn into a noise (the page's Web Audio graph is read, not heard).
 */
import { describe, expect, it } from 'vitest';
import { deadlineFor } from '../../src/main/game';
import { JOIN_HZ } from '../../src/renderer/sound/cues';
import { choice } from '../support/choice-question';
import { RawSocket } from '../support/raw-socket';
import { audioReport, installAudioProbe, sounding } from './support/audio-probe';
import { capture } from './support/audit';
import { PHONE, PROJECTOR } from './support/browser';
import { E2E_QUIZ } from './support/e2e-host';
import { answer, heading, joinAs, visible } from './support/players';
import { misfits } from './support/stage-fit';
import { useBrowserAndHost } from './support/suite';

describe('extra time and who answered', () => {
  const { host, open } = useBrowserAndHost({ settings: { questionSeconds: 30, autoAdvance: false } });

  it(
    'grants double time, ticks who answered, and waits for Ada before the reveal',
    { timeout: 120_000 },
    async () => {
      const h = host();
      const dashboard = await open(PROJECTOR);
      await dashboard.goto(h.hostUrl);
      const ada = await open(PHONE);
      await joinAs(ada, h.playerUrl, 'Ada');
      const bob = await open(PHONE);
      await joinAs(bob, h.playerUrl, 'Bob');
      const cy = await open(PHONE);
      await joinAs(cy, h.playerUrl, 'Cy');

      // The names pop in (an animation on the chip).
      const chip = dashboard.locator('.player-chip', { hasText: 'Cy' });
      await visible(chip);
      const animation = (el: unknown) =>
        (
          globalThis as unknown as { getComputedStyle(e: unknown): { animationName: string } }
        ).getComputedStyle(el).animationName;
      expect(await chip.evaluate(animation)).toBe('chip-pop');
      // Not for someone who asked for less motion.
      const calm = await open({ ...PROJECTOR, reducedMotion: 'reduce' });
      await calm.goto(h.hostUrl);
      const calmChip = calm.locator('.player-chip', { hasText: 'Cy' });
      await visible(calmChip);
      expect(await calmChip.evaluate(animation)).toBe('none');
      await calm.close();

      await dashboard.getByRole('button', { name: /^Extra time for Ada: none/ }).click();
      await visible(dashboard.getByRole('button', { name: /^Extra time for Ada: 1\.5 times/ }));
      await dashboard.getByRole('button', { name: /^Extra time for Ada: 1\.5 times/ }).click();
      await visible(dashboard.getByRole('button', { name: /^Extra time for Ada: 2 times/ }));
      await expect
        .poll(() => [...h.server.game.players.values()].find((p) => p.name === 'Ada')?.extraTime)
        .toBe(2);
      expect(await ada.getByText('2×').count()).toBe(0);
      await capture(dashboard, 'extra-time-lobby');

      await dashboard.getByRole('button', { name: 'Start game' }).click();
      await dashboard.getByRole('button', { name: 'Start now' }).click();
      const q1 = choice(E2E_QUIZ.questions[0]);
      await visible(heading(ada, q1.prompt));
      const round = h.server.game.round!;
      const adaId = [...h.server.game.players.values()].find((p) => p.name === 'Ada')!.id;
      expect(deadlineFor(round, adaId) - round.openedAt).toBe(60_000);
      // Her phone counts down her own time; Bob's his.
      const seconds = async (page: typeof ada) =>
        Number(await page.locator('.time-bar__number').first().textContent());
      await visible(heading(bob, q1.prompt));
      expect(await seconds(ada)).toBeGreaterThan(30);
      expect(await seconds(bob)).toBeLessThanOrEqual(30);

      await answer(bob, q1.options[1]!);
      await answer(cy, q1.options[0]!);

      // The host's ticks: Bob and Cy answered, Ada not yet; never which option.
      await dashboard.getByRole('button', { name: 'Who answered' }).click();
      const ticks = dashboard.getByRole('region', { name: 'Who has answered' });
      await visible(ticks);
      await visible(ticks.locator('.answered-tick.is-answered', { hasText: 'Bob' }));
      await visible(ticks.locator('.answered-tick.is-answered', { hasText: 'Cy' }));
      expect(await ticks.locator('.answered-tick:not(.is-answered)').allTextContents()).toEqual([
        expect.stringContaining('Ada'),
      ]);
      expect(await ticks.textContent()).not.toContain(q1.options[1]!);
      // The same list grants extra time mid-game (from the next question on).
      await ticks.getByRole('button', { name: /^Extra time for Bob: none/ }).click();
      await expect
        .poll(() => [...h.server.game.players.values()].find((p) => p.name === 'Bob')?.extraTime)
        .toBe(1.5);
      await visible(ticks.getByRole('button', { name: /^Extra time for Bob: 1\.5 times/ }));
      expect(h.server.game.round!.extraTime).toEqual({ [adaId]: 2 });

      // Everyone else is done: finishing, for Ada only; no reveal anywhere.
      await visible(dashboard.getByText('Finishing…').first());
      await visible(dashboard.getByText('Waiting for 1 player with extra time'));
      await visible(bob.getByText('Waiting for players with extra time…'));
      expect(h.server.game.phase).toBe('question');
      expect(await heading(bob, /^The answer is/).count()).toBe(0);
      expect([...(await misfits(dashboard)), ...(await misfits(bob))]).toEqual([]);
      await capture(dashboard, 'extra-time-finishing');
      await capture(bob, 'extra-time-phone-waiting');

      await answer(ada, q1.options[0]!);
      await visible(heading(bob, /^The answer is/));
      await visible(heading(ada, /^The answer is/));
    },
  );
});

describe('the join pop', () => {
  const { host, open } = useBrowserAndHost({ settings: { maxPlayers: 200, maxPlayersPerAddress: 100 } });

  it(
    'sounds when a name arrives, muted with M, and a storm of joins makes a few pops',
    { timeout: 120_000 },
    async () => {
      const h = host();
      const url = `${h.playerUrl.replace('http', 'ws')}ws`;
      const raws: RawSocket[] = [];
      const join = async (name: string) => {
        const raw = await RawSocket.hello(url);
        raws.push(raw);
        raw.send({ type: 'join', name });
        return raw;
      };
      try {
        const dashboard = await open(PROJECTOR);
        await installAudioProbe(dashboard.context());
        await dashboard.goto(h.hostUrl);
        await visible(dashboard.getByText('Waiting for players to join…'));
        // A key press lets the audio start (browsers hold it back until one).
        await dashboard.keyboard.press('Shift');
        await expect.poll(async () => (await audioReport(dashboard)).contexts[0]?.state).toBe('running');
        expect(sounding(await audioReport(dashboard), JOIN_HZ)).toEqual([]);

        await (await join('Ada')).waitFor('joined');
        await visible(dashboard.getByRole('button', { name: 'Remove Ada' }));
        await expect.poll(async () => sounding(await audioReport(dashboard), JOIN_HZ).length).toBe(1);

        // Muted: a join makes no sound.
        await dashboard.keyboard.press('m');
        await (await join('Bob')).waitFor('joined');
        await visible(dashboard.getByRole('button', { name: 'Remove Bob' }));
        await dashboard.keyboard.press('m');
        expect(sounding(await audioReport(dashboard), JOIN_HZ)).toHaveLength(1);

        // Sixty at once: a few pops, each at least 120 ms after the one before.
        const storm = await Promise.all(Array.from({ length: 60 }, (_, i) => join(`Storm ${i + 1}`)));
        await Promise.all(storm.map((r) => r.waitFor('joined')));
        await visible(dashboard.getByText('62', { exact: true }).first());
        const pops = sounding(await audioReport(dashboard), JOIN_HZ).slice(1);
        expect(pops.length).toBeGreaterThan(0);
        expect(pops.length).toBeLessThan(20);
        const starts = pops.map((o) => o.start!);
        for (let i = 1; i < starts.length; i++)
          expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(0.119);
      } finally {
        for (const r of raws) r.destroy();
      }
    },
  );
});
