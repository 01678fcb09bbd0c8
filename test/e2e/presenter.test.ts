/**
 * The host's screen as a presenter uses it, from the keyboard (a clicker sends the same keys), and
 * its sound: the Web Audio graph is read through a probe (oscillators started and called off, the
 * master gain), never listened to.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TICK_HZ, TIME_UP_HZ } from '../../src/renderer/sound/cues';
import { capture } from './support/audit';
import { audioReport, installAudioProbe, sounding } from './support/audio-probe';
import { PROJECTOR } from './support/browser';
import { E2E_QUIZ } from './support/e2e-host';
import type { PageGlobals } from './support/page-globals';
import { heading, visible } from './support/players';
import { useBrowserAndHost } from './support/suite';
import { RawSocket } from '../support/raw-socket';

async function masterGain(page: Page): Promise<number | null> {
  return (await audioReport(page)).masterGain;
}

async function fullscreen(page: Page): Promise<boolean> {
  return page.evaluate(() => (globalThis as unknown as PageGlobals).document.fullscreenElement != null);
}

describe('the presenter’s keyboard and the host’s sound', () => {
  const { host, open } = useBrowserAndHost({
    settings: { countdownSeconds: 30, questionSeconds: 30, autoAdvance: false },
  });

  it(
    'runs a game from the keyboard, with sound that starts on the first key and mutes with M',
    { timeout: 180_000 },
    async () => {
      const h = host();
      const raws: RawSocket[] = [];
      try {
        for (const name of ['Ada', 'Bob']) {
          const raw = await RawSocket.hello(`${h.playerUrl.replace('http', 'ws')}ws`);
          raw.send({ type: 'join', name });
          await raw.waitFor('joined');
          raws.push(raw);
        }
        const dashboard = await open(PROJECTOR);
        await installAudioProbe(dashboard.context(), { heldBack: true });
        await dashboard.goto(h.hostUrl);
        await visible(dashboard.getByRole('button', { name: 'Remove Bob' }));

        // Before any click or key, the browser holds the audio back: nothing plays, "Sound on" shows.
        const soundOn = dashboard.getByRole('button', { name: 'Sound on' });
        await visible(soundOn);
        let report = await audioReport(dashboard);
        expect(report.contexts.map((c) => c.state)).toEqual(['suspended']);
        expect(report.oscillators).toEqual([]);
        await capture(dashboard, 'presenter-sound-held-back');

        // The first key (here: ? for the keys) starts it: the lobby music plays.
        await dashboard.keyboard.press('?');
        await visible(dashboard.getByRole('dialog', { name: 'Keys for the host' }));
        await capture(dashboard, 'presenter-keys');
        await soundOn.waitFor({ state: 'detached' });
        await expect.poll(async () => (await audioReport(dashboard)).oscillators.length).toBeGreaterThan(0);
        expect((await audioReport(dashboard)).contexts[0]?.state).toBe('running');
        await dashboard.keyboard.press('?');
        await dashboard.getByRole('dialog').waitFor({ state: 'hidden' });

        // M mutes: the master gain is 0; M again brings the volume back.
        const mute = dashboard.getByRole('button', { name: 'Mute' });
        expect(await masterGain(dashboard)).toBeGreaterThan(0);
        await dashboard.keyboard.press('m');
        await expect.poll(() => masterGain(dashboard)).toBe(0);
        expect(await mute.getAttribute('aria-pressed')).toBe('true');
        await dashboard.keyboard.press('m');
        await expect.poll(() => masterGain(dashboard)).toBeGreaterThan(0);

        // The volume is remembered, and so is mute: after a reload the page starts muted.
        await dashboard.getByRole('slider', { name: 'Volume' }).fill('50');
        await expect.poll(() => masterGain(dashboard)).toBeCloseTo(0.25);
        await mute.click();
        await dashboard.reload();
        await visible(dashboard.getByRole('button', { name: 'Remove Bob' }));
        await expect.poll(() => masterGain(dashboard)).toBe(0);
        expect(await dashboard.getByRole('slider', { name: 'Volume' }).inputValue()).toBe('50');
        // Muted, the page does not ask to turn the sound on.
        expect(await dashboard.getByRole('button', { name: 'Sound on' }).count()).toBe(0);
        await dashboard.getByRole('button', { name: 'Mute' }).click();
        await expect.poll(() => masterGain(dashboard)).toBeCloseTo(0.25);

        // Keys never fire while typing in a field: M, S, E and Space go to the field.
        await dashboard.getByText('Game settings').click();
        const field = dashboard.getByLabel('Seconds per question');
        await field.focus();
        for (const key of ['m', 'e', 'Space', 'ArrowRight', 'PageDown']) await dashboard.keyboard.press(key);
        expect(await masterGain(dashboard)).toBeCloseTo(0.25);
        expect(h.server.game.phase).toBe('lobby');
        await dashboard.getByText('Game settings').click();
        await heading(dashboard, E2E_QUIZ.title).click();

        // Space starts the game; → cuts the countdown short.
        await dashboard.keyboard.press('Space');
        await visible(heading(dashboard, 'Get ready!'));
        await dashboard.keyboard.press('ArrowRight');
        const [q1, q2] = E2E_QUIZ.questions;
        await visible(heading(dashboard, q1!.prompt));

        // The question bed ticks for each of the last five seconds and buzzes at the deadline.
        await expect.poll(async () => sounding(await audioReport(dashboard), TICK_HZ).length).toBe(5);
        report = await audioReport(dashboard);
        const ticks = sounding(report, TICK_HZ).map((o) => o.start!);
        const buzz = sounding(report, TIME_UP_HZ).filter((o) => o.type === 'sawtooth');
        expect(buzz).toHaveLength(2);
        for (let i = 1; i < ticks.length; i++) expect(ticks[i]! - ticks[i - 1]!).toBeCloseTo(1, 2);
        expect(buzz[0]!.start! - ticks[4]!).toBeCloseTo(1, 2);
        await visible(dashboard.getByText(/0\s*of 2 answered/));
        await capture(dashboard, 'presenter-question');

        // S skips the question: nobody scores, and the ticks still to come are called off.
        await dashboard.keyboard.press('s');
        await visible(heading(dashboard, /Question skipped/));
        await expect.poll(async () => sounding(await audioReport(dashboard), TICK_HZ).length).toBe(0);
        expect(
          sounding(await audioReport(dashboard), TIME_UP_HZ).filter((o) => o.type === 'sawtooth'),
        ).toEqual([]);

        // Page Down (a clicker) goes on to the leaderboard and the next question.
        await dashboard.keyboard.press('PageDown');
        await visible(heading(dashboard, 'Leaderboard'));
        await dashboard.keyboard.press('PageDown');
        await visible(heading(dashboard, q2!.prompt));

        // Space during a question shows the answer now: the question closes, scored, not skipped.
        raws[0]!.send({ type: 'answer', question: 1, option: 1 });
        await visible(dashboard.getByText(/1\s*of 2 answered/));
        await dashboard.keyboard.press('Space');
        await visible(heading(dashboard, /^The answer is\s*Canberra/));
        expect(h.scores().get('Ada')).toBeGreaterThan(0);

        // E asks first; E again ends the game.
        await dashboard.keyboard.press('e');
        await visible(dashboard.getByRole('button', { name: 'Press again to end the game' }));
        expect(h.server.game.phase).toBe('reveal');
        await dashboard.keyboard.press('e');
        await visible(heading(dashboard, /wins!$/));

        // F: full screen on and off.
        await dashboard.keyboard.press('f');
        await expect.poll(() => fullscreen(dashboard)).toBe(true);
        await visible(dashboard.getByRole('button', { name: 'Exit full screen' }));
        await dashboard.keyboard.press('f');
        await expect.poll(() => fullscreen(dashboard)).toBe(false);
      } finally {
        for (const raw of raws) raw.destroy();
      }
    },
  );
});
