/**
 * Teams in real Chromium against a real headless host: three phones join a room of two teams
 * where players pick; newcomers land in the smallest team, Cy picks Blue by touch, the host moves
 * Bob to Red from his chip, and each phone says its team. After a question the projector shows
 * the teams' table (the average of members' scores, as the engine has it) beside the top five and
 * each phone where its team stands; the final screen names the winning team, with the session's
 * running totals beside the podium and on each phone. No screen scrolls.
 */
import { describe, expect, it } from 'vitest';
import { rankTeams } from '../../src/main/game';
import { choice } from '../support/choice-question';
import { capture } from './support/audit';
import { PHONE, PROJECTOR } from './support/browser';
import { E2E_QUIZ } from './support/e2e-host';
import { answer, heading, joinAs, visible } from './support/players';
import { misfits } from './support/stage-fit';
import { useBrowserAndHost } from './support/suite';

describe('teams', () => {
  const { host, open } = useBrowserAndHost({
    settings: {
      minPlayers: 0,
      autoAdvance: false,
      questionSeconds: 30,
      teamMode: 'teams',
      teamCount: 2,
      teamPick: true,
      runningTotals: true,
    },
  });

  it(
    'picks, moves and scores teams, and shows them on the projector and the phones',
    { timeout: 150_000 },
    async () => {
      const h = host();
      const teamOf = (name: string) => [...h.server.game.players.values()].find((p) => p.name === name)?.team;
      const dashboard = await open(PROJECTOR);
      await dashboard.goto(h.hostUrl);
      const ada = await open(PHONE);
      await joinAs(ada, h.playerUrl, 'Ada');
      const bob = await open(PHONE);
      await joinAs(bob, h.playerUrl, 'Bob');
      const cy = await open(PHONE);
      await joinAs(cy, h.playerUrl, 'Cy');

      // Newcomers join the smallest team: Ada red, Bob blue, Cy red.
      expect(['Ada', 'Bob', 'Cy'].map(teamOf)).toEqual([0, 1, 0]);
      const cyPicker = cy.getByRole('group', { name: 'Pick your team' });
      await visible(cyPicker);
      expect(await cyPicker.getByRole('button', { name: /^Red team/ }).getAttribute('aria-pressed')).toBe(
        'true',
      );
      await visible(cyPicker.getByRole('button', { name: 'Blue team 1 player' }));
      // Cy picks Blue by touch.
      await cyPicker.getByRole('button', { name: /^Blue team/ }).tap();
      await expect.poll(() => teamOf('Cy')).toBe(1);
      await visible(cyPicker.getByRole('button', { name: 'Blue team 2 players', pressed: true }));
      await visible(cy.getByText('You play for the Blue team.'));
      // The host moves Bob to Red from his chip; Bob's phone follows.
      await dashboard.getByRole('combobox', { name: 'Team of Bob' }).selectOption({ label: 'Red team' });
      await expect.poll(() => teamOf('Bob')).toBe(0);
      await visible(bob.getByText('You play for the Red team.'));
      await visible(dashboard.getByRole('list', { name: 'Teams' }));
      expect([...(await misfits(dashboard)), ...(await misfits(cy))]).toEqual([]);
      await capture(dashboard, 'teams-lobby');
      await capture(cy, 'teams-phone-lobby');

      // Question 1: Ada (Red) and Cy (Blue) right, Bob (Red) wrong: Blue leads on the average.
      await dashboard.getByRole('button', { name: 'Start game' }).click();
      const q1 = choice(E2E_QUIZ.questions[0]);
      for (const page of [ada, bob, cy]) await visible(heading(page, q1.prompt));
      await answer(ada, q1.options[q1.correct]!);
      await answer(cy, q1.options[q1.correct]!);
      await answer(bob, q1.options[(q1.correct + 1) % q1.options.length]!);
      await visible(heading(dashboard, /^The answer is/));
      await dashboard.getByRole('button', { name: 'Show leaderboard' }).click();
      for (const page of [dashboard, ada, bob, cy]) await visible(heading(page, 'Leaderboard'));

      const players = [...h.server.game.players.values()];
      const expected = rankTeams(players, 2);
      expect(expected.map((r) => r.team)).toEqual([1, 0]);
      const table = dashboard.getByRole('table', { name: /^Teams, best first/ });
      await visible(table);
      const rows = await table
        .locator('tbody tr')
        .evaluateAll((trs) =>
          trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim())),
        );
      expect(rows).toEqual(
        expected.map((r) => [
          String(r.rank),
          r.team === 0 ? 'Red team' : 'Blue team',
          r.score.toLocaleString('en-US'),
          String(r.members),
        ]),
      );
      await visible(cy.getByText(/^Your team, the Blue team, is 1st of 2/));
      await visible(bob.getByText(/^Your team, the Red team, is 2nd of 2/));
      expect([...(await misfits(dashboard)), ...(await misfits(bob))]).toEqual([]);
      await capture(dashboard, 'teams-leaderboard');
      await capture(bob, 'teams-phone-leaderboard');

      await dashboard.getByRole('button', { name: 'End game' }).click();
      await dashboard.getByRole('button', { name: 'Press again to end the game' }).click();
      await visible(dashboard.getByRole('heading', { name: 'Winning team: Blue team' }), 30_000);
      await visible(cy.getByText(/^Your team, the Blue team, is 1st of 2/), 30_000);
      // Running totals: the session's table beside the podium, and each phone's own line.
      await visible(dashboard.getByRole('table', { name: /^Totals over the games of this session/ }));
      const cyTotal = [...h.server.game.players.values()].find((p) => p.name === 'Cy')!.sessionScore!;
      await visible(
        cy.getByText(`Session total after 1 game: ${cyTotal.toLocaleString('en-US')} points`, {
          exact: false,
        }),
      );
      expect(await misfits(cy)).toEqual([]);
      await capture(cy, 'teams-phone-final');
      expect(await misfits(dashboard)).toEqual([]);
      await capture(dashboard, 'teams-final');
    },
  );
});
