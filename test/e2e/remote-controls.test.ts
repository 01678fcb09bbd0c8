/**
 * Remote controls in real Chromium: the host's screen shows the "Control from your phone" code, a
 * phone (390×844, touch) opens its address, gets the host bar at phone size without scrolling,
 * moves the game on, and shows it when the host takes the controls back.
 */
import { describe, expect, it } from 'vitest';
import { choice } from '../support/choice-question';
import { capture } from './support/audit';
import { PHONE, PROJECTOR } from './support/browser';
import { E2E_QUIZ } from './support/e2e-host';
import { heading, joinAs, visible } from './support/players';
import { misfits } from './support/stage-fit';
import { useBrowserAndHost } from './support/suite';

describe('controlling the game from a phone', () => {
  const { host, open } = useBrowserAndHost({ settings: { minPlayers: 0 } });

  it('hands the controls to a phone by QR code, and takes them back', { timeout: 180_000 }, async () => {
    const h = host();
    const dashboard = await open(PROJECTOR);
    await dashboard.goto(h.hostUrl);
    await visible(heading(dashboard, E2E_QUIZ.title));
    const ada = await open(PHONE);
    await joinAs(ada, h.playerUrl, 'Ada');

    await dashboard.getByRole('button', { name: 'Control from your phone' }).click();
    const dialog = dashboard.getByRole('dialog', { name: 'Control from your phone' });
    await visible(dialog.getByRole('img', { name: /^QR code to control the game from a phone/ }));
    await visible(dialog.getByText(/This code works once, for \d+ more seconds/));
    const url = (await dialog.locator('.remote-dialog__url code').textContent()) ?? '';
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?remote=[\w-]{24}$/);
    expect(url).not.toContain(h.server.hostToken);
    await capture(dashboard, 'remote-host-dialog');

    const phone = await open(PHONE);
    await phone.goto(url);
    const bar = phone.getByRole('region', { name: 'Game controls' });
    await visible(bar.getByText('Now: Lobby'));
    // The pass is gone from the address bar once used.
    expect(phone.url()).not.toContain('remote=');
    await visible(dialog.getByText(/Chrome, 127\.0\.0\.1/));
    await capture(phone, 'remote-phone-lobby');

    await bar.getByRole('button', { name: 'Start game' }).click();
    await bar.getByRole('button', { name: 'Start now' }).click();
    const q1 = choice(E2E_QUIZ.questions[0]);
    await visible(heading(ada, q1.prompt));
    await visible(bar.getByText(/^Now: Question 1 of/));
    for (const size of [
      { width: 390, height: 844 },
      { width: 375, height: 667 },
    ]) {
      await phone.setViewportSize(size);
      expect(await misfits(phone)).toEqual([]);
    }
    await capture(phone, 'remote-phone-question');
    await bar.getByRole('button', { name: 'Show answer now' }).click();
    await visible(heading(dashboard, /^The answer is/));
    expect(h.server.game.phase).toBe('reveal');

    await dialog.getByRole('button', { name: 'Take back' }).click();
    await visible(phone.getByText('The host took back the controls.'));
    await visible(dialog.getByText('No phone has the controls.'));
    await capture(phone, 'remote-phone-taken-back');
    // It stays taken back: the phone does not come back with its token.
    await phone.reload();
    await visible(phone.getByLabel('Nickname'));
    expect(h.server.game.phase).toBe('reveal');

    // The same code again, on another phone: used, said in the phone's language.
    const late = await open({ ...PHONE, locale: 'es-ES' });
    await late.goto(url);
    await visible(late.getByText('Este código ya se usó. Pide uno nuevo al anfitrión.'));
    expect(late.url()).not.toContain('remote=');
  });
});
