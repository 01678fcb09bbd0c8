/**
 * `npm run bench:journal -- [--players N] [--questions Q] [--lobby-minutes M] [--churn loop|drops|none]
 * [--no-gate]`:
 * how big the game journal gets, and what keeping it small costs, in a whole game with reconnect
 * churn. The room's own parts run for real: the engine (`step`), the journal (`GameJournal`: real
 * file, fdatasync, compaction with snapshots) and the per-player presence limit (`PresenceGate`);
 * sockets do not, and game time is simulated (a question of 20 s takes no 20 s), so thousands of
 * players can reconnect in a loop for a whole game on a laptop. Every simulated 10 ms is one turn:
 * its inputs are appended and flushed together, as the server does. The game: the lobby fills in
 * 10 s, the host waits M minutes (default 5), then Q questions of 20 s (each player answers at a
 * random moment; a question closes early once every connected player answered), 5 s reveal and
 * 5 s leaderboard each.
 *
 * Churn: `loop` — every player drops and comes back every 200 ms for the whole game (a room of
 * broken phones or scripts: the worst case); `drops` — each player loses the connection about once
 * every two minutes for 1–5 s (a busy Wi-Fi); `none`. `--no-gate` tells the engine of every change
 * (as before the limit), to compare.
 *
 * Prints one JSON line: the largest file, the file at the end, bytes written, compactions (how
 * many, largest snapshot, longest compaction), the longest flush, and how long a resume from the
 * final file takes.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createGame, step, type GameState, type Input } from '../src/main/game';
import type { Clock } from '../src/main/server/clock';
import { GameJournal, rebuildRoom } from '../src/main/server/game-journal';
import { PresenceGate } from '../src/main/server/presence-gate';
import { DEFAULT_SETTINGS } from '../src/shared/protocol';
import { benchQuiz } from './bench-quiz';
import { seededRandom } from './seeded-random';

const TURN_MS = 10;
const QUESTION_SECONDS = 20;

/** Simulated time with a heap of timers: thousands of held presence changes stay cheap. */
class SimClock implements Clock {
  private time = Date.UTC(2025, 0, 1, 9);
  private nextId = 1;
  private heap: { at: number; id: number; fn: () => void }[] = [];
  private readonly cancelled = new Set<number>();

  now(): number {
    return this.time;
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const timer = { at: this.time + Math.max(0, ms), id: this.nextId++, fn };
    const heap = this.heap;
    heap.push(timer);
    for (let i = heap.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (earlier(heap[parent]!, heap[i]!)) break;
      [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
      i = parent;
    }
    return timer.id;
  }

  clearTimeout(handle: unknown): void {
    if (typeof handle === 'number') this.cancelled.add(handle);
  }

  /** Moves to `to`, running due timers in order. */
  advanceTo(to: number): void {
    for (;;) {
      const first = this.heap[0];
      if (!first || first.at > to) break;
      this.pop();
      if (this.cancelled.delete(first.id)) continue;
      this.time = Math.max(this.time, first.at);
      first.fn();
    }
    this.time = to;
  }

  private pop(): void {
    const heap = this.heap;
    const last = heap.pop()!;
    if (heap.length === 0) return;
    heap[0] = last;
    for (let i = 0; ;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && earlier(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && earlier(heap[r]!, heap[m]!)) m = r;
      if (m === i) break;
      [heap[m], heap[i]] = [heap[i]!, heap[m]!];
      i = m;
    }
  }
}

function earlier(a: { at: number; id: number }, b: { at: number; id: number }): boolean {
  return a.at < b.at || (a.at === b.at && a.id < b.id);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      players: { type: 'string', default: '5000' },
      questions: { type: 'string', default: '20' },
      churn: { type: 'string', default: 'loop' },
      'no-gate': { type: 'boolean', default: false },
      seed: { type: 'string', default: '1' },
      'lobby-minutes': { type: 'string', default: '5' },
    },
  });
  const players = Number(values.players);
  const questions = Number(values.questions);
  const churn = values.churn as 'loop' | 'drops' | 'none';
  const random = seededRandom(Number(values.seed));
  const dir = mkdtempSync(join(tmpdir(), 'quizroom-journal-bound-'));
  const clock = new SimClock();
  const quiz = benchQuiz(questions);
  const settings = {
    ...DEFAULT_SETTINGS,
    minPlayers: 0,
    maxPlayers: players,
    questionSeconds: QUESTION_SECONDS,
    revealSeconds: 5,
    leaderboardSeconds: 5,
  };
  const state: GameState = createGame(quiz, { settings });
  let timerAt: number | null = null;
  const journal = GameJournal.create(
    dir,
    { roomName: 'Bound', pin: null, hostToken: 'h'.repeat(24), port: 7420, quiz, settings },
    { clock, game: () => state },
  );

  let written = 0;
  const apply = (input: Input) => {
    const { effects } = step(state, input, clock.now());
    journal.append({ t: 'in', at: clock.now(), input });
    for (const e of effects) {
      if (e.kind === 'bind')
        journal.append({ t: 'token', playerId: e.playerId, token: `token-of-${e.playerId}` });
      if (e.kind === 'timer') timerAt = e.at;
    }
  };
  const gate = new PresenceGate(clock, {
    connected: (id) => state.players.get(id)?.connected,
    apply: (id, connected) => apply({ kind: connected ? 'connected' : 'disconnected', playerId: id }),
  });
  const setPresence = (id: string, connected: boolean) =>
    values['no-gate']
      ? state.players.get(id)?.connected !== connected &&
        apply({ kind: connected ? 'connected' : 'disconnected', playerId: id })
      : gate.set(id, connected, clock.now());

  // One turn: the inputs of the last TURN_MS go to disk together; compaction happens in flush.
  const stats = {
    largest: 0,
    flushes: 0,
    longestFlushMs: 0,
    compactions: 0,
    longestCompactionMs: 0,
    snapshot: 0,
  };
  let size = statSync(journal.path).size;
  const turn = () => {
    const t0 = performance.now();
    journal.flush();
    const ms = performance.now() - t0;
    const now = statSync(journal.path).size;
    if (now < size) {
      stats.compactions++;
      stats.longestCompactionMs = Math.max(stats.longestCompactionMs, ms);
      stats.snapshot = Math.max(stats.snapshot, now);
    } else written += now - size;
    size = now;
    stats.largest = Math.max(stats.largest, now);
    stats.longestFlushMs = Math.max(stats.longestFlushMs, ms);
    stats.flushes++;
  };
  const runUntil = (done: number | (() => boolean), each?: (now: number) => void) => {
    const limit = clock.now() + 10 * 60_000;
    while (typeof done === 'number' ? clock.now() < done : !done()) {
      if (clock.now() > limit)
        throw new Error(
          `The game did not move on for 10 minutes (phase "${state.phase}", question ${state.questionIndex + 1}).`,
        );
      clock.advanceTo(clock.now() + TURN_MS);
      each?.(clock.now());
      if (timerAt !== null && clock.now() >= timerAt) {
        timerAt = null;
        apply({ kind: 'timer' });
      }
      turn();
    }
  };

  // Churn: who drops when. `loop`: everyone, every 200 ms; `drops`: each about every 2 minutes.
  const ids = Array.from({ length: players }, (_, i) => `p${i + 1}`);
  const backAt = new Map<string, number>();
  const churnTurn = (now: number) => {
    if (churn === 'loop' && now % 200 === 0) {
      for (const id of ids) {
        setPresence(id, false);
        setPresence(id, true);
      }
    } else if (churn === 'drops') {
      for (const id of ids) {
        const back = backAt.get(id);
        if (back !== undefined && now >= back) {
          backAt.delete(id);
          setPresence(id, true);
        } else if (back === undefined && random() < TURN_MS / 120_000) {
          backAt.set(id, now + 1000 + random() * 4000);
          setPresence(id, false);
        }
      }
    }
  };

  const started = performance.now();
  // The lobby fills in 10 s.
  for (let i = 0; i < players; i++) {
    apply({ kind: 'join', conn: i + 1, name: `Player ${i + 1}` });
    if (i % 50 === 49) runUntil(clock.now() + 100);
  }
  // The host waits a while in the full lobby (churn goes on), then starts.
  runUntil(clock.now() + Number(values['lobby-minutes']) * 60_000, churnTurn);
  apply({ kind: 'host', conn: 0, command: { type: 'start' } });
  // Each question: everyone answers at a random moment; churn all along.
  for (let q = 0; q < questions; q++) {
    runUntil(() => state.phase === 'question' && state.round?.index === q, churnTurn);
    // Everyone answers at a random moment of the question, in time order.
    const answers = ids
      .map((id) => ({ id, at: clock.now() + random() * (QUESTION_SECONDS - 2) * 1000 }))
      .sort((a, b) => a.at - b.at);
    let next = 0;
    // Until the question closes: at its deadline, or before, once every connected player answered.
    runUntil(
      () => state.phase !== 'question',
      (now) => {
        churnTurn(now);
        for (; next < answers.length && answers[next]!.at <= now; next++) {
          const question = quiz.questions[q]!;
          const option = Math.floor(random() * (question.kind === 'choice' ? question.options.length : 1));
          apply({ kind: 'answer', conn: 1, playerId: answers[next]!.id, question: q, option });
        }
      },
    );
  }
  runUntil(clock.now() + 10_500, churnTurn);
  const simulatedMs = clock.now() - Date.UTC(2025, 0, 1, 9);
  const wallMs = performance.now() - started;
  journal.abandon(clock.now());

  const r0 = performance.now();
  const resumed = rebuildRoom(journal.path);
  const resumeMs = performance.now() - r0;
  // The costliest compaction: the whole finished game (every player's every answer) at once.
  const last = GameJournal.create(
    dir,
    { roomName: 'Bound', pin: null, hostToken: 'h'.repeat(24), port: 7420, quiz, settings },
    { clock, game: () => state, compactAtBytes: 1 },
  );
  // Past twice the room record, so that the next flush compacts.
  for (let i = 0; i < 1000; i++) last.append({ t: 'alive', at: clock.now() });
  const c0 = performance.now();
  last.flush();
  const finalCompactionMs = performance.now() - c0;
  const finalSnapshot = statSync(last.path).size;
  last.close(clock.now());
  const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
  console.log(
    JSON.stringify({
      players,
      questions,
      churn,
      gate: !values['no-gate'],
      phase: state.phase,
      answers: [...state.players.values()].reduce((n, p) => n + p.answers.filter(Boolean).length, 0),
      simulatedMinutes: Math.round(simulatedMs / 600) / 100,
      largestMB: mb(stats.largest),
      finalMB: mb(statSync(journal.path).size),
      appendedMB: mb(written),
      appendedMBPerHour: mb((written * 3_600_000) / simulatedMs),
      compactions: stats.compactions,
      largestSnapshotMB: mb(stats.snapshot),
      longestCompactionMs: Math.round(stats.longestCompactionMs),
      finalSnapshotMB: mb(finalSnapshot),
      finalCompactionMs: Math.round(finalCompactionMs),
      longestFlushMs: Math.round(stats.longestFlushMs),
      resumeMs: Math.round(resumeMs),
      resumedPlayers: resumed.game.players.size,
      wallSeconds: Math.round(wallMs / 1000),
    }),
  );
  rmSync(dir, { recursive: true, force: true });
}

void main();
