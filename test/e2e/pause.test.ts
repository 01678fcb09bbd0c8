/**
 * The presenter's pause, in real Chromium against a real headless host: P (or the host bar's
 * button) holds the question's timer in the engine, the phone and the projector say "Paused" and
 * the phone takes no answer; P again goes on with the time that was left; "Show answer now"
 * closes the question early and scores it. The keys overlay lists P.
 */
import { describe, expect, it } from 'vitest';
import { choice } from '../support/choice-question';
import { capture } from './support/audit';
import { PHONE, PROJECTOR } from './support/browser';
import { E2E_QUIZ } from './support/e2e-host';
import { heading, joinAs, visible } from './support/players';
import { misfits } from './support/stage-fit';
import { useBrowserAndHost } from './support/suite';

describe('the presenter’s pause', () => {
  const { host, open } = useBrowserAndHost({ settings: { questionSeconds: 60, autoAdvance: false } });

  it('holds the timer with P, goes on with P, and shows the answer now', { timeout: 120_000 }, async () => {
    const h = host();
    const dashboard = await open(PROJECTOR);
    await dashboard.goto(h.hostUrl);
    const ada = await open(PHONE);
    await joinAs(ada, h.playerUrl, 'Ada');
    const bob = await open(PHONE);
    await joinAs(bob, h.playerUrl, 'Bob');

    await dashboard.getByRole('button', { name: 'Start game' }).click();
    await dashboard.getByRole('button', { name: 'Start now' }).click();
    const q1 = choice(E2E_QUIZ.questions[0]);
    await visible(heading(ada, q1.prompt));

    await dashboard.keyboard.press('p');
    await expect.poll(() => h.server.game.pausedAt ?? null).not.toBeNull();
    await visible(dashboard.getByRole('button', { name: 'Resume timer' }));
    await visible(dashboard.getByText('Paused', { exact: true }).first());
    await visible(ada.getByText('Paused', { exact: true }).first());
    const option = ada.getByRole('button', { name: q1.options[0]!, exact: true });
    expect(await option.isDisabled()).toBe(true);
    const problems = [...(await misfits(ada)), ...(await misfits(dashboard))];
    expect(problems).toEqual([]);
    await capture(ada, 'pause-phone');
    await capture(dashboard, 'pause-host');
    const deadline = h.server.game.round!.deadline;

    // P again: the question goes on, its deadline moved by the pause.
    await dashboard.keyboard.press('P');
    await visible(dashboard.getByRole('button', { name: 'Pause timer' }));
    await expect.poll(() => h.server.game.pausedAt ?? null).toBeNull();
    expect(h.server.game.round!.deadline).toBeGreaterThan(deadline);
    await option.click();
    await visible(ada.getByText('Answer locked:'));

    // The host's button works as the key does.
    await dashboard.getByRole('button', { name: 'Pause timer' }).click();
    await visible(bob.getByText('Paused', { exact: true }).first());

    // Show answer now: closes the question (paused or not), with Ada's answer scored.
    await dashboard.getByRole('button', { name: 'Show answer now' }).click();
    await visible(heading(ada, /^The answer is/));
    expect(h.scores().get('Ada')).toBeGreaterThan(0);
    expect(h.server.game.pausedAt ?? null).toBeNull();

    await dashboard.keyboard.press('?');
    const help = dashboard.getByRole('dialog', { name: 'Keys for the host' });
    await visible(help.getByText('Pause or resume the question’s timer'));
  });
});
