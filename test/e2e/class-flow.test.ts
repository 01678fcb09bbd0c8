/**
 * The flow of a game as a class or a party plays it, in real Chromium against a real headless host
 * running the original rule (start by itself at two players): the automatic start is announced on
 * the host and on the phones with a countdown the host cancels; after a game, Play again goes back
 * to the lobby (QR code, settings, the same players with no points) and waits for the host's Start.
 */
import { describe, expect, it } from 'vitest';
import { choice } from '../support/choice-question';
import { RawSocket } from '../support/raw-socket';
import { capture } from './support/audit';
import { PHONE, PROJECTOR } from './support/browser';
import { E2E_QUIZ } from './support/e2e-host';
import { heading, joinAs, visible } from './support/players';
import { useBrowserAndHost } from './support/suite';

describe('the flow of a game for a class', () => {
  // A long countdown: the test reads it and cancels it before it runs out.
  const { host, open } = useBrowserAndHost({ settings: { minPlayers: 2, countdownSeconds: 30 } });

  it(
    'announces the automatic start, lets the host cancel it, and plays again from the lobby',
    { timeout: 180_000 },
    async () => {
      const h = host();
      const dashboard = await open(PROJECTOR);
      await dashboard.goto(h.hostUrl);
      await visible(heading(dashboard, E2E_QUIZ.title));
      await visible(dashboard.getByText('Starts by itself when 2 players are here — 2 more to go.'));

      const ada = await open(PHONE);
      const bob = await open(PHONE);
      await joinAs(ada, h.playerUrl, 'Ada');
      await visible(ada.getByText('Starts by itself when 2 players are here — 1 more to go.'));
      // Bob's join sets the countdown off at once: his phone may never show the lobby.
      await bob.goto(h.playerUrl);
      await bob.getByLabel('Nickname').fill('Bob');
      await bob.getByRole('button', { name: 'Join', exact: true }).click();

      // The second player sets the countdown off: everyone is told it started by itself.
      const said = '2 players are here: the game starts by itself.';
      for (const page of [dashboard, ada, bob]) {
        await visible(heading(page, 'Get ready!'));
        await visible(page.getByText(said));
      }
      await visible(ada.getByText('The host can still hold it back.'));
      await capture(dashboard, 'flow-host-auto-countdown');
      await capture(ada, 'flow-phone-auto-countdown');
      expect(h.server.game.phase).toBe('countdown');

      await dashboard.getByRole('button', { name: 'Cancel start' }).click();
      await visible(dashboard.getByText('Press Start when everyone is in.'));
      await visible(heading(ada, 'You’re in, Ada!'));
      await visible(ada.getByText('The host will start the game soon.'));
      expect(h.server.game.phase).toBe('lobby');

      // A game, ended early by the host, with points on the board.
      await dashboard.getByRole('button', { name: 'Start game' }).click();
      await visible(heading(dashboard, 'Get ready!'));
      // Started by the host: no announcement.
      expect(await dashboard.getByText(said).count()).toBe(0);
      await dashboard.getByRole('button', { name: 'Start now' }).click();
      const q1 = choice(E2E_QUIZ.questions[0]);
      await visible(heading(ada, q1.prompt));
      await ada.getByRole('button', { name: q1.options[0]!, exact: true }).click();
      await bob.getByRole('button', { name: q1.options[0]!, exact: true }).click();
      await visible(heading(dashboard, /^The answer is/));
      await expect.poll(() => h.scores().get('Ada')).toBeGreaterThan(0);
      await dashboard.getByRole('button', { name: 'End game' }).click();
      await dashboard.getByRole('button', { name: 'Press again to end the game' }).click();
      await visible(heading(dashboard, /wins!$/));

      // The host asks for the original rule again before playing again: it does not fire on the
      // way back to the lobby.
      const controller = await RawSocket.hello(`${h.playerUrl.replace('http', 'ws')}ws`, h.server.hostToken);
      try {
        controller.send({ type: 'settings', settings: { minPlayers: 2 } });
        await controller.waitFor('settings');
      } finally {
        controller.destroy();
      }
      await dashboard.getByRole('button', { name: 'Play again' }).click();
      await visible(dashboard.getByRole('img', { name: /^QR code to join at / }));
      await visible(dashboard.getByText('Game settings'));
      for (const name of ['Ada', 'Bob'])
        await visible(dashboard.getByRole('button', { name: `Remove ${name}` }));
      await visible(dashboard.getByText('Press Start when everyone is in.'));
      await visible(heading(ada, 'You’re in, Ada!'));
      await visible(heading(bob, 'You’re in, Bob!'));
      expect(h.server.game.phase).toBe('lobby');
      expect([...h.scores().values()]).toEqual([0, 0]);
      expect(await dashboard.getByRole('heading', { name: 'Get ready!' }).count()).toBe(0);
      await capture(dashboard, 'flow-host-play-again-lobby');

      // Setting a number already reached starts the announced countdown, which the host can cancel.
      await dashboard.getByText('Game settings').click();
      await dashboard.getByLabel('Players needed to start').fill('2');
      await visible(heading(ada, 'Get ready!'));
      await visible(ada.getByText(said));
      await dashboard.getByRole('button', { name: 'Cancel start' }).click();
      await visible(heading(ada, 'You’re in, Ada!'));
    },
  );
});
