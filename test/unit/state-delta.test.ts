/**
 * The pushes from the main process to the window carry only what changed: whatever the change,
 * the window ends up with exactly the main process's state, and a big room's player list is not
 * sent again when one player joins or nothing about the players changed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AppState } from '../../src/shared/api/quiz-api';
import { initialView, type ClientView } from '../../src/shared/client/client-view';
import { applyDelta, diffState, StateDeltas } from '../../src/shared/ipc/state-delta';
import type { PlayerSummary } from '../../src/shared/protocol';

const player = (n: number, score = 0): PlayerSummary => ({
  id: `p${n}`,
  name: `Player ${n}`,
  connected: true,
  score,
});
const lobby = (count: number): ClientView => ({
  ...initialView(),
  role: 'host',
  ready: true,
  connection: 'open',
  players: Array.from({ length: count }, (_, i) => player(i)),
  playerCount: count,
});
const QUIZZES: AppState['quizzes'] = [];
const state = (game: ClientView | null): AppState => ({
  game,
  player: null,
  clockOffset: 0,
  quizzes: QUIZZES,
});

describe('state pushes', () => {
  it('sends the whole state first, then nothing when nothing changed', () => {
    const deltas = new StateDeltas();
    const s = state(lobby(3));
    expect(deltas.next(s)).toEqual({ full: s });
    expect(deltas.next(s)).toBeNull();
    deltas.reset();
    expect(deltas.next(s)).toEqual({ full: s });
  });

  it('sends one joining player, not the 5,000 already there', () => {
    const before = state(lobby(5000));
    const game = before.game!;
    const after = state({ ...game, players: [...game.players, player(5000)], playerCount: 5001 });
    const delta = diffState(before, after);
    expect(delta).toEqual({
      set: {},
      game: { set: { playerCount: 5001 }, players: { upsert: [player(5000)], remove: [] } },
    });
    expect(applyDelta(before, delta)).toEqual(after);
  });

  it('sends the ids of new answers, not the thousands who answered before', () => {
    const ids = Array.from({ length: 4000 }, (_, i) => `p${i}`);
    const before = state({ ...lobby(5000), phase: 'question', answeredIds: ids });
    const after = state({ ...before.game!, answeredIds: ids.concat(['p4000', 'p4001']), answered: 4002 });
    const delta = diffState(before, after);
    expect(delta).toEqual({ set: {}, game: { set: { answered: 4002 }, answeredAppend: ['p4000', 'p4001'] } });
    expect(applyDelta(before, delta)).toEqual(after);
    // A new question starts the list again: sent whole (it is empty).
    const next = state({ ...after.game!, answeredIds: [] });
    const restart = diffState(after, next);
    expect(restart).toEqual({ set: {}, game: { set: { answeredIds: [] } } });
    expect(applyDelta(after, restart)).toEqual(next);
  });

  it('leaves the final standings out of a push that changes something else', () => {
    const view = {
      ...lobby(5000),
      phase: 'finished' as const,
      standings: lobby(5000).players.map((p, i) => ({ rank: i + 1, id: p.id, name: p.name, score: 0 })),
    };
    const before = state(view as ClientView);
    const after = { ...before, clockOffset: 5 };
    const delta = diffState(before, after);
    expect(delta).toEqual({ set: { clockOffset: 5 } });
    const applied = applyDelta(before, delta);
    expect(applied.game).toBe(before.game);
  });

  it('brings the window to exactly the main process state, whatever the players do', () => {
    type Step =
      | { kind: 'join' }
      | { kind: 'leave'; at: number }
      | { kind: 'score'; at: number }
      | { kind: 'reorder' }
      | { kind: 'close' };
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.constant<Step>({ kind: 'join' }),
      fc.nat(50).map<Step>((at) => ({ kind: 'leave', at })),
      fc.nat(50).map<Step>((at) => ({ kind: 'score', at })),
      fc.constant<Step>({ kind: 'reorder' }),
      fc.constant<Step>({ kind: 'close' }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        let next = 1000;
        let main = state(lobby(5));
        const deltas = new StateDeltas();
        let window = applyDelta(state(null), deltas.next(main)!);
        for (const s of steps) {
          const game = main.game;
          if (s.kind === 'close') main = state(game ? null : lobby(2));
          else if (!game) continue;
          else if (s.kind === 'join') main = state({ ...game, players: [...game.players, player(next++)] });
          else if (s.kind === 'leave')
            main = state({
              ...game,
              players: game.players.filter((_, i) => i !== s.at % Math.max(1, game.players.length)),
            });
          else if (s.kind === 'score')
            main = state({
              ...game,
              players: game.players.map((p, i) =>
                i === s.at % Math.max(1, game.players.length) ? { ...p, score: p.score + 1 } : p,
              ),
            });
          else main = state({ ...game, players: [...game.players].reverse() });
          const delta = deltas.next(main);
          if (delta) window = applyDelta(window, structuredClone(delta));
          expect(window).toEqual(main);
        }
      }),
      { numRuns: 300 },
    );
  });
});
