/**
 * Chaos: a 200-player game in which a seeded random 20 % of the players lose their connection at
 * random moments (the socket is cut without a closing handshake, by the player's side or by the
 * host's) and come back by themselves with their resume token. Every player must finish with
 * exactly the score that the answers the host acknowledged to them earn, nobody may appear twice,
 * and no answer may be counted twice.
 *
 * Game time is a fake clock, so answer times and scores are exact; the sockets, the reconnect
 * back-off and the drops are real. A player whose answer was in flight when its connection
 * dropped answers again once it is back, unless its snapshot shows the host already had it.
 */
import type WebSocket from 'ws';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { MAX_GRACE_MS } from '../../src/main/game';
import { makeQuiz } from '../support/engine-harness';
import { AnswerLedger, expectedScore } from '../support/answer-ledger';
import { SeededRandom } from '../support/seeded-random';
import { TestHost, type TestClient } from '../support/test-host';
import { waitFor } from '../support/wait';
import { choice } from '../support/choice-question';

/** Each seed plays a whole game with its own players, plans and drops. */
const SEEDS = [0xc4a05, 0x5eed1, 0xd20b5];
const PLAYERS = 200;
const DROPPED_SHARE = 0.2;
const QUESTION_SECONDS = 10;
/** When each answer group answers, in ms after the question opened. */
const GROUP_AT = [400, 1500, 4000, 8000];
const QUIZ = makeQuiz(
  { correct: 1 },
  { correct: 3 },
  { correct: 0, points: 2000 },
  { correct: 2 },
  { correct: 1 },
);

interface Player {
  name: string;
  c: TestClient;
  ledger: AnswerLedger;
  /** Per question: the option and answer group, or null (does not answer). */
  plan: ({ option: number; group: number } | null)[];
  drops: number;
  /** Welcomes the player had received when it last dropped. */
  welcomesAtDrop: number;
  /** No drop since the last snapshot: the view is the host's (else an answer may be in doubt). */
  synced: boolean;
}

/** Where in the game a drop can happen: just after the test made something happen. */
type Moment = `q${number}:${'open' | 'g0' | 'g1' | 'g2' | 'g3' | 'close' | 'leaderboard'}`;

describe('chaos: connections dropping at random during a 200-player game', () => {
  let h: TestHost | null = null;
  const reports: Record<string, unknown>[] = [];
  afterEach(async () => {
    await h?.stop();
    h = null;
  });
  afterAll(() => {
    for (const report of reports) console.log(`[reliability] chaos ${JSON.stringify(report)}`);
  });

  it.each(SEEDS)(
    'loses no point, counts no answer twice and shows nobody twice (seed %i)',
    async (seed) => {
      const rng = new SeededRandom(seed);
      const report: Record<string, unknown> = {};
      reports.push(report);
      h = await new TestHost({
        quiz: QUIZ,
        settings: { minPlayers: 0, autoAdvance: false, questionSeconds: QUESTION_SECONDS },
      }).start();
      const host = h;
      const dashboard = await host.hostClient();

      // --- 200 players join, 25 at a time.
      const players: Player[] = [];
      for (let i = 0; i < PLAYERS; i += 25) {
        const batch = await Promise.all(
          Array.from({ length: Math.min(25, PLAYERS - i) }, (_, k) => host.player(`Player ${i + k + 1}`)),
        );
        for (const c of batch) {
          const name = c.view().you!.name;
          const ledger = new AnswerLedger(name);
          for (const m of c.messages) ledger.take(m);
          c.client.onMessage((m) => ledger.take(m));
          const plan = QUIZ.questions.map(choice).map((q) =>
            rng.chance(0.15)
              ? null
              : {
                  option: rng.chance(0.6) ? q.correct : rng.int(0, q.options.length - 1),
                  group: rng.int(0, GROUP_AT.length - 1),
                },
          );
          players.push({ name, c, ledger, plan, drops: 0, welcomesAtDrop: 0, synced: true });
        }
      }
      await dashboard.waitView((v) => v.players.length === PLAYERS, 'all players on the dashboard');

      // --- The seeded chaos: which players drop, when, and from which side.
      const moments: Moment[] = QUIZ.questions.flatMap((_, q) =>
        (['open', 'g0', 'g1', 'g2', 'g3', 'close', 'leaderboard'] as const).map((m): Moment => `q${q}:${m}`),
      );
      const dropAt = new Map<Moment, Player[]>();
      const victims = rng.sample(players, Math.round(PLAYERS * DROPPED_SHARE));
      for (const p of victims) {
        for (let n = rng.chance(0.3) ? 2 : 1; n > 0; n--) {
          const m = rng.pick(moments);
          dropAt.set(m, [...(dropAt.get(m) ?? []), p]);
        }
      }
      let drops = 0;
      let hostSideDrops = 0;
      const welcomes = (p: Player) => p.c.messages.filter((m) => m.type === 'welcome').length;
      const drop = (p: Player, hostSide: boolean) => {
        const ws = (p.c.client as unknown as { ws: WebSocket | null }).ws;
        // A player still on its way back from the last drop is left alone, so that each drop is one reconnect.
        if (!ws || ws.readyState !== ws.OPEN || welcomes(p) <= p.welcomesAtDrop) return;
        p.synced = false;
        p.welcomesAtDrop = welcomes(p);
        drops++;
        p.drops++;
        if (hostSide) {
          // The host's side: its socket to this player is cut.
          hostSideDrops++;
          host.server.connectionOf(p.c.view().you!.id)?.ws.terminate();
        } else {
          // The player's side: the socket is gone, no closing handshake.
          ws.terminate();
        }
      };
      /** Drops this moment's players, some at once and some a few milliseconds later. */
      const chaos = (m: Moment) => {
        for (const p of dropAt.get(m) ?? []) {
          const delay = rng.int(0, 30);
          const hostSide = rng.chance(0.5);
          if (delay < 10) drop(p, hostSide);
          else setTimeout(() => drop(p, hostSide), delay);
        }
      };

      // --- Players answer as planned, and again after coming back when the host did not get it.
      let question = -1;
      let groupsDue = -1;
      let answersSent = 0;
      const tryAnswer = (p: Player) => {
        const v = p.c.view();
        const a = p.plan[question];
        // After a reconnect, only once the snapshot says whether the host already has the answer.
        if (!a || a.group > groupsDue || v.connection !== 'open' || !p.synced) return;
        if (v.phase !== 'question' || v.question?.index !== question || v.you?.answer || v.sending) return;
        answersSent++;
        p.c.client.answer(a.option);
      };
      for (const p of players) {
        p.c.client.subscribe(() => tryAnswer(p));
        p.c.client.onMessage((m) => {
          if (m.type !== 'snapshot') return;
          p.synced = true;
          tryAnswer(p);
        });
      }

      const everyone = (what: string, check: (p: Player) => boolean) =>
        waitFor(() => players.every(check), what, 60_000);
      const back = (p: Player) => p.c.view().connection === 'open' && p.synced;
      const roundClosed = () => host.server.game.round?.closed ?? true;

      dashboard.client.start();
      await everyone('the countdown', (p) => p.c.messages.some((m) => m.type === 'countdown'));
      for (let q = 0; q < QUIZ.questions.length; q++) {
        question = q;
        groupsDue = -1;
        host.clock.advance(q === 0 ? 3000 : 0);
        if (q > 0) dashboard.client.next();
        chaos(`q${q}:open`);
        await everyone(
          `question ${q + 1} on every screen`,
          (p) => back(p) && p.c.view().question?.index === q,
        );
        let elapsed = 0;
        for (let g = 0; g < GROUP_AT.length; g++) {
          host.clock.advance(GROUP_AT[g]! - elapsed);
          elapsed = GROUP_AT[g]!;
          groupsDue = g;
          for (const p of players) tryAnswer(p);
          chaos(`q${q}:g${g}` as Moment);
          // Every answer due so far is acknowledged (after a reconnect, if need be), unless the
          // question closed early because everyone still connected had answered.
          await everyone(
            `the answers of group ${g + 1} to question ${q + 1}`,
            (p) =>
              roundClosed() || (back(p) && ((p.plan[q]?.group ?? Infinity) > g || p.ledger.acked.has(q))),
          );
        }
        host.clock.advance(QUESTION_SECONDS * 1000 + MAX_GRACE_MS - elapsed);
        chaos(`q${q}:close`);
        await everyone(`the reveal of question ${q + 1}`, (p) => back(p) && p.c.view().reveal?.index === q);
        if (q < QUIZ.questions.length - 1) {
          dashboard.client.next();
          chaos(`q${q}:leaderboard`);
          await everyone(`leaderboard ${q + 1}`, (p) => back(p) && p.c.view().phase === 'leaderboard');
        }
      }
      dashboard.client.next();
      await everyone('the end on every screen', (p) => back(p) && p.c.view().phase === 'finished');
      const final = await dashboard.waitView(
        (v) => v.phase === 'finished' && v.standings.length > 0,
        'the final standings on the dashboard',
      );

      const reconnects = players.map((p) => p.c.messages.filter((m) => m.type === 'welcome').length - 1);
      const errors = players.flatMap((p) =>
        p.c.messages.flatMap((m) => (m.type === 'error' ? [`${p.name}: ${m.code}`] : [])),
      );
      const learned = { answer_ack: 0, snapshot: 0, result: 0 };
      for (const p of players)
        for (const [k, n] of Object.entries(p.ledger.learnedFrom)) learned[k as keyof typeof learned] += n;
      Object.assign(report, {
        seed,
        players: PLAYERS,
        playersDropped: players.filter((p) => p.drops > 0).length,
        drops,
        hostSideDrops,
        reconnects: reconnects.reduce((a, b) => a + b, 0),
        mostReconnectsOfOnePlayer: Math.max(...reconnects),
        answersAcknowledged: players.reduce((n, p) => n + p.ledger.acked.size, 0),
        answersSent,
        answersLearnedFrom: learned,
        answerErrors: errors,
      });

      // Everybody came back after every drop, and nobody else had to.
      expect(drops).toBeGreaterThanOrEqual(Math.round(PLAYERS * DROPPED_SHARE * 0.9));
      players.forEach((p, i) => expect(reconnects[i], `${p.name}'s reconnects`).toBe(p.drops));
      expect(host.server.game.connectedCount).toBe(PLAYERS);
      // The only refusal a player may meet is for an answer racing a question that closed early.
      for (const e of errors) expect(e).toMatch(/: too_late$/);

      // Every player's score is what their acknowledged answers earn, on every screen.
      expect(players.flatMap((p) => p.ledger.conflicts)).toEqual([]);
      const rows = new Map(final.standings.map((r) => [r.id, r]));
      for (const p of players) {
        const want = expectedScore(QUIZ, p.ledger.acked, QUESTION_SECONDS).score;
        const id = p.c.view().you!.id;
        expect(p.c.view().you?.score, `${p.name}'s own screen`).toBe(want);
        expect(host.server.game.players.get(id)?.score, `${p.name} on the host`).toBe(want);
        expect(rows.get(id)?.score, `${p.name} in the standings`).toBe(want);
        const recorded = host.server.game.players.get(id)!.answers;
        QUIZ.questions.forEach((_, q) => {
          const r = recorded[q];
          expect(
            r ? { option: r.option, elapsedMs: r.elapsedMs } : undefined,
            `${p.name}, question ${q + 1}`,
          ).toEqual(p.ledger.acked.get(q));
        });
      }

      // Nobody appears twice.
      expect(final.standings).toHaveLength(PLAYERS);
      expect(new Set(final.standings.map((r) => r.id)).size).toBe(PLAYERS);
      expect(new Set(final.standings.map((r) => r.name)).size).toBe(PLAYERS);
      expect(host.server.game.players.size).toBe(PLAYERS);

      // No answer counted twice: each reveal's counts are the acknowledged answers, once each.
      const reveals = dashboard.messages.filter((m) => m.type === 'reveal');
      expect(reveals.map((m) => m.reveal.index)).toEqual(QUIZ.questions.map((_, q) => q));
      for (const { reveal } of reveals) {
        const tally = choice(QUIZ.questions[reveal.index]).options.map(() => 0);
        for (const p of players) {
          const a = p.ledger.acked.get(reveal.index);
          if (a?.option !== undefined) tally[a.option]!++;
        }
        expect(reveal.counts, `answers counted for question ${reveal.index + 1}`).toEqual(tally);
        expect(reveal.answered).toBe(tally.reduce((a, b) => a + b, 0));
      }
    },
    60_000,
  );
});
