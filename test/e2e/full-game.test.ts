/**
 * A whole game in real Chromium against a real headless host: the host dashboard on a projector-
 * sized window and three players (desktop, tablet, small phone) in their own browser profiles,
 * playing through the UI as people would. Every screen is screenshotted and audited with axe.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { capture } from './support/audit';
import { DESKTOP, PHONE, PROJECTOR } from './support/browser';
import { E2E_QUIZ } from './support/e2e-host';
import { answer, heading, joinAs, tableScores, visible } from './support/players';
import { useBrowserAndHost } from './support/suite';

describe('a full game through the UI', () => {
  const { host, open } = useBrowserAndHost({ settings: { countdownSeconds: 3 } });

  it(
    'plays three questions with a host and three players, and the leaderboard matches the engine',
    { timeout: 240_000 },
    async () => {
      const h = host();
      const dashboard = await open(PROJECTOR);
      await dashboard.goto(h.hostUrl);
      await visible(heading(dashboard, E2E_QUIZ.title));
      await visible(dashboard.getByText('Waiting for players to join…'));
      await capture(dashboard, 'host-lobby-empty');

      // The host changes a setting before anyone joins: the engine takes it.
      await dashboard.getByText('Game settings').click();
      await dashboard.getByLabel('Seconds per question').fill('25');
      await expect.poll(() => h.server.game.settings.questionSeconds).toBe(25);
      await visible(dashboard.getByText('3 questions · 25 seconds each'));
      await capture(dashboard, 'host-lobby-settings');
      await dashboard.getByText('Game settings').click();

      const ada = await open(DESKTOP);
      const bob = await open({ viewport: { width: 768, height: 1024 } });
      const cy = await open({ ...PHONE, viewport: { width: 360, height: 740 } });

      await ada.goto(h.playerUrl);
      await visible(ada.getByLabel('Nickname'));
      await capture(ada, 'player-join');
      await joinAs(ada, h.playerUrl, 'Ada');
      await capture(ada, 'player-lobby');
      await joinAs(bob, h.playerUrl, 'Bob');
      await joinAs(cy, h.playerUrl, 'Cy');

      for (const name of ['Ada', 'Bob', 'Cy'])
        await visible(dashboard.getByRole('button', { name: `Remove ${name}` }));
      await capture(dashboard, 'host-lobby');

      await dashboard.getByRole('button', { name: 'Start game' }).click();
      await visible(heading(dashboard, 'Get ready!'));
      await capture(dashboard, 'host-countdown');

      // Question 1: Ada and Cy right (Cy by keyboard), Bob wrong.
      const [q1, q2, q3] = E2E_QUIZ.questions;
      for (const page of [dashboard, ada, bob, cy]) await visible(heading(page, q1!.prompt));
      await capture(dashboard, 'host-question');
      await capture(ada, 'player-question');
      // A computer with a keyboard shows the number keys on the answers.
      expect(await ada.locator('.option__key').first().isVisible()).toBe(true);
      await capture(cy, 'phone-360-question');
      await cy.keyboard.press('1');
      await visible(cy.getByText('Answer locked:'));
      await answer(ada, 'Pacific Ocean');
      await capture(ada, 'player-question-locked');
      await visible(dashboard.getByText(/2\s*of 3 answered/));
      await answer(bob, 'Atlantic Ocean');

      // Everyone answered: the question closes at once and the answer is revealed.
      for (const page of [dashboard, ada, bob, cy])
        await visible(heading(page, /The answer is\s*Pacific Ocean/));
      await visible(ada.getByText('Correct!'));
      await visible(bob.getByText('Not this time'));
      await capture(dashboard, 'host-reveal');
      await capture(ada, 'player-reveal');
      await capture(bob, 'player-reveal-wrong');

      await dashboard.getByRole('button', { name: 'Show leaderboard' }).click();
      for (const page of [dashboard, ada, bob, cy]) await visible(heading(page, 'Leaderboard'));
      expect(await tableScores(dashboard.getByRole('table', { name: 'Top five players' }))).toEqual(
        h.scores(),
      );
      await capture(dashboard, 'host-leaderboard');
      await capture(bob, 'player-leaderboard');

      // Question 2 (three options): Bob and Cy right, Ada wrong.
      await dashboard.getByRole('button', { name: 'Next question' }).click();
      for (const page of [dashboard, ada, bob, cy]) await visible(heading(page, q2!.prompt));
      await answer(bob, 'Canberra');
      await answer(ada, 'Sydney');
      await answer(cy, 'Canberra');
      await visible(heading(dashboard, /The answer is\s*Canberra/));
      await dashboard.getByRole('button', { name: 'Show leaderboard' }).click();
      await visible(heading(dashboard, 'Leaderboard'));
      await dashboard.getByRole('button', { name: 'Next question' }).click();

      // Question 3 (true/false, double points): Ada and Bob right, Cy wrong.
      for (const page of [dashboard, ada, bob, cy]) await visible(heading(page, q3!.prompt));
      await capture(dashboard, 'host-question-two-options');
      await answer(ada, 'True');
      await answer(bob, 'True');
      await answer(cy, 'False');
      await visible(heading(dashboard, /The answer is\s*True/));
      await dashboard.getByRole('button', { name: 'Show final results' }).click();

      for (const page of [dashboard, ada, bob, cy]) await visible(heading(page, /wins!$/));
      const engine = h.scores();
      expect(await tableScores(ada.getByRole('table', { name: 'Top players' }))).toEqual(engine);
      const ranked = [...h.server.game.ranking].map((id) => h.server.game.players.get(id)!.name);
      await visible(heading(dashboard, `${ranked[0]} wins!`));
      expect(new Set(engine.values()).size).toBeGreaterThan(1);
      await capture(dashboard, 'host-final');
      await capture(ada, 'player-final');
      await capture(cy, 'phone-360-final');
      // The whole class is in the host's full standings, not on the projector.
      await dashboard.getByRole('button', { name: 'Full standings' }).click();
      expect(await tableScores(dashboard.getByRole('table', { name: 'Final standings' }))).toEqual(engine);
      await capture(dashboard, 'host-final-standings');
      await dashboard.getByRole('button', { name: 'Close' }).click();

      // The host exports the results, then starts another game: everyone is back in the lobby.
      const [download] = await Promise.all([
        dashboard.waitForEvent('download'),
        dashboard.getByRole('button', { name: 'Export CSV' }).click(),
      ]);
      const csv = await readFile((await download.path())!, 'utf8');
      expect(csv.split('\r\n')[0]).toMatch(/^Rank,Name,Score,Correct answers,/);
      for (const [name, score] of engine) expect(csv).toContain(`,${name},${score},`);

      await dashboard.getByRole('button', { name: 'Play again' }).click();
      await visible(dashboard.getByRole('button', { name: 'Start game' }));
      await visible(heading(ada, /in, Ada!/));
      expect(h.scores()).toEqual(new Map([...engine.keys()].map((name) => [name, 0])));
    },
  );
});
