/**
 * What one state push from the main process to the desktop window costs the main process with a
 * big room, before (the whole AppState, as it was sent) and after (only what changed,
 * shared/ipc/state-delta.ts). Electron sends an IPC message through V8's structured-clone
 * serializer, the one `v8.serialize` uses, so a push's main-process cost is measured as: finding
 * the change (after only) plus serializing what is sent. Scenes, each with N players:
 *   lobby   one more player joins between pushes (the list grows; counts change)
 *   final   the final standings are up; one player's connection drops between pushes
 * Usage: `node --import tsx bench/desktop-push.ts [--players 5000] [--pushes 300]`.
 */
import { serialize } from 'node:v8';
import type { AppState } from '../src/shared/api/quiz-api';
import { initialView, type ClientView } from '../src/shared/client/client-view';
import { StateDeltas } from '../src/shared/ipc/state-delta';
import type { LeaderRow, PlayerSummary } from '../src/shared/protocol';
import { spreadOf } from './percentiles';

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const PLAYERS = arg('players', 5000);
const PUSHES = arg('pushes', 300);

const player = (n: number): PlayerSummary => ({
  id: `p${n}`,
  name: `Player number ${n}`,
  connected: true,
  score: n * 7,
});
const QUIZZES: AppState['quizzes'] = [{ id: 'builtin', title: 'General knowledge', questionCount: 12 }];
const DESKTOP: AppState['desktop'] = {
  rooms: [],
  library: [],
  reports: [],
  hosting: { roomName: 'Big room', port: 7420, quizTitle: 'Q', playing: false },
  interrupted: null,
};
const appState = (game: ClientView): AppState => ({
  game,
  player: null,
  clockOffset: 3,
  quizzes: QUIZZES,
  desktop: DESKTOP,
});

function lobbySteps(): AppState[] {
  const base: ClientView = {
    ...initialView(),
    role: 'host',
    ready: true,
    connection: 'open',
    players: Array.from({ length: PLAYERS }, (_, i) => player(i)),
  };
  const states = [appState(base)];
  let game = base;
  for (let i = 0; i < PUSHES; i++) {
    game = { ...game, players: [...game.players, player(PLAYERS + i)], playerCount: game.players.length + 1 };
    states.push(appState(game));
  }
  return states;
}

function finalSteps(): AppState[] {
  const players = Array.from({ length: PLAYERS }, (_, i) => player(i));
  const standings: LeaderRow[] = players.map(
    (p, i) => ({ rank: i + 1, id: p.id, name: p.name, score: PLAYERS - i }) as LeaderRow,
  );
  let game: ClientView = {
    ...initialView(),
    role: 'host',
    ready: true,
    connection: 'open',
    phase: 'finished',
    status: 'FINISHED',
    players,
    standings,
    top: standings.slice(0, 10),
  };
  const states = [appState(game)];
  for (let i = 0; i < PUSHES; i++) {
    const at = i % PLAYERS;
    game = {
      ...game,
      players: game.players.map((p, j) => (j === at ? { ...p, connected: false } : p)),
      connectedCount: PLAYERS - i - 1,
    };
    states.push(appState(game));
  }
  return states;
}

function measure(states: AppState[], send: (s: AppState) => Buffer | null) {
  const times: number[] = [];
  let bytes = 0;
  send(states[0]!);
  for (const s of states.slice(1)) {
    const t0 = process.hrtime.bigint();
    const sent = send(s);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    bytes += sent?.length ?? 0;
  }
  return { ...spreadOf(times), bytes: Math.round(bytes / (states.length - 1)) };
}

const rows: string[] = [];
for (const [scene, make] of [
  ['lobby', lobbySteps],
  ['final', finalSteps],
] as const) {
  const states = make();
  // Warm up both paths, then measure.
  for (let round = 0; round < 2; round++) {
    const before = measure(states, (s) => serialize(s));
    const deltas = new StateDeltas();
    const after = measure(states, (s) => {
      const change = deltas.next(s);
      return change ? serialize(change) : null;
    });
    if (round === 1) {
      for (const [kind, r] of [
        ['whole state', before],
        ['only the change', after],
      ] as const) {
        rows.push(
          `| ${scene} | ${kind} | ${r.p50.toFixed(2)} | ${r.p95.toFixed(2)} | ${r.bytes.toLocaleString('en-US')} |`,
        );
      }
    }
  }
}
console.log(`Per push, ${PLAYERS} players, ${PUSHES} pushes (main process: change found + serialized)\n`);
console.log('| scene | push | p50 ms | p95 ms | bytes per push |');
console.log('| --- | --- | --- | --- | --- |');
for (const r of rows) console.log(r);
