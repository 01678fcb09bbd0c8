/**
 * A slow, lossy Wi-Fi: players reach the host through a relay that delays every chunk by
 * 100 ms ± 50 ms and holds 2 % of them 200–400 ms longer, as TCP does when it retransmits a lost
 * segment (test/support/lossy-proxy.ts; the kernel's netem qdisc is not available where these
 * tests run). They still play a whole game. And the fair-play rule: an answer that left a player
 * before the deadline counts, within a grace the host sizes from the round trips it measured to
 * that player (its own heartbeat pings, never a time the client reports); an answer that arrives
 * late from a player on a fast link does not.
 *
 * Game time is real here: the grace depends on round trips the host measures with its own clock.
 */
import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_GRACE_MS } from '../../src/main/game';
import { systemClock } from '../../src/main/server/clock';
import { GRACE_FLOOR_MS } from '../../src/main/server/connection';
import { QuizClient } from '../../src/shared/client/quiz-client';
import type { ServerMessage } from '../../src/shared/protocol';
import { makeQuiz } from '../support/engine-harness';
import { AnswerLedger, expectedScore } from '../support/answer-ledger';
import { LossyProxy, type ChunkRecord } from '../support/lossy-proxy';
import { RawSocket } from '../support/raw-socket';
import { SeededRandom } from '../support/seeded-random';
import { TestHost } from '../support/test-host';
import { waitFor } from '../support/wait';
import { delaySummary } from '../../bench/percentiles';
import { choice } from '../support/choice-question';

const SEED = 0x10557;
/** Often enough that the host has measured several round trips before the first question. */
const HEARTBEAT_MS = 1500;
/** Server pings each player must have seen before the game starts. */
const PINGS_BEFORE_START = 5;
const TIME_LIMIT_S = 5;

let host: TestHost | null = null;
let proxy: LossyProxy | null = null;
const clients: QuizClient[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await proxy?.close();
  proxy = null;
  await host?.stop();
  host = null;
});

/** A player's end of the wire: its socket, and the heartbeat pings it has answered. */
interface Wire {
  socket: WebSocket | null;
  pings: number;
}

interface Player {
  name: string;
  client: QuizClient;
  wire: Wire;
  messages: ServerMessage[];
  ledger: AnswerLedger;
}

/** A QuizClient on `url`, with its socket class wrapped so that the test can see its pings. */
function player(name: string, url: string): Player {
  const wire: Wire = { socket: null, pings: 0 };
  class WiredWebSocket extends WebSocket {
    constructor(address: string) {
      super(address);
      wire.socket = this;
      this.on('ping', () => wire.pings++);
    }
  }
  const client = new QuizClient({
    url,
    WebSocket: WiredWebSocket as never,
    pingEveryMs: 250,
    backoffMs: [250, 500, 1000],
  });
  clients.push(client);
  const messages: ServerMessage[] = [];
  const ledger = new AnswerLedger(name);
  client.onMessage((m) => {
    messages.push(m);
    ledger.take(m);
  });
  client.connect();
  return { name, client, wire, messages, ledger };
}

async function joinAll(players: Player[]): Promise<void> {
  await Promise.all(
    players.map(async (p) => {
      await waitFor(() => p.client.view.ready, `${p.name} to connect`, 30_000);
      p.client.join(p.name);
      await waitFor(() => p.client.view.you?.name === p.name, `${p.name} to join`, 30_000);
    }),
  );
}

/** The round trip the host measured to a player, as it sizes the player's answer grace. */
function hostRtt(p: Player): number | null {
  const id = p.client.view.you?.id;
  return (id === undefined ? undefined : host!.server.connectionOf(id))?.rttMs ?? null;
}

describe('a slow, lossy Wi-Fi', () => {
  it('still plays a whole game: every answer acknowledged, every score right', async () => {
    const quiz = makeQuiz(
      ...Array.from({ length: 4 }, (_, i) => ({
        correct: i % 4,
        timeLimit: TIME_LIMIT_S,
        points: 1000 as const,
      })),
    );
    host = await new TestHost({
      quiz,
      clock: systemClock,
      heartbeatMs: HEARTBEAT_MS,
      settings: { minPlayers: 0, countdownSeconds: 3, revealSeconds: 1, leaderboardSeconds: 1 },
    }).start();
    const link = (proxy = await new LossyProxy({ targetPort: host.server.port, seed: SEED }).start());
    const dashboard = await host.hostClient();
    const players = ['Ada', 'Bob', 'Cy', 'Dee', 'Eve', 'Fay'].map((name) => player(name, link.url));
    await joinAll(players);

    // Each player answers every question, 0.3–3 s after it shows, with a seeded option.
    const rng = new SeededRandom(SEED);
    const ackMs: number[] = [];
    for (const p of players) {
      const plan = quiz.questions.map(choice).map((q) => ({
        option: rng.chance(0.7) ? q.correct : rng.int(0, 3),
        afterMs: rng.int(300, 3000),
      }));
      p.client.onMessage((m) => {
        if (m.type !== 'question') return;
        const { option, afterMs } = plan[m.question.index]!;
        setTimeout(() => {
          const sentAt = performance.now();
          p.client.answer(option);
          void waitFor(() => p.ledger.acked.has(m.question.index), 'ack', 30_000).then(() =>
            ackMs.push(performance.now() - sentAt),
          );
        }, afterMs);
      });
    }
    const started = performance.now();
    dashboard.client.start();
    await Promise.all(
      players.map((p) =>
        waitFor(() => p.client.view.phase === 'finished', `${p.name} to see the end`, 90_000),
      ),
    );
    const standings = await dashboard.waitView(
      (v) => v.standings.length === players.length,
      'the final standings',
    );

    console.log(
      `[reliability] lossy-game ${JSON.stringify({
        players: players.length,
        questions: quiz.questions.length,
        gameSeconds: Math.round((performance.now() - started) / 100) / 10,
        link: link.stats,
        answerToAckMs: delaySummary(ackMs),
        reconnects: players.reduce(
          (n, p) => n + p.messages.filter((m) => m.type === 'welcome').length - 1,
          0,
        ),
      })}`,
    );
    for (const p of players) {
      expect(
        p.messages.filter((m) => m.type === 'error'),
        p.name,
      ).toEqual([]);
      expect(p.ledger.conflicts).toEqual([]);
      expect(p.ledger.acked.size, `${p.name}'s acknowledged answers`).toBe(quiz.questions.length);
      const want = expectedScore(quiz, p.ledger.acked, TIME_LIMIT_S).score;
      expect(p.client.view.you?.score, p.name).toBe(want);
      expect(standings.standings.find((r) => r.name === p.name)?.score, p.name).toBe(want);
    }
    expect(link.stats.chunks).toBeGreaterThan(100);
  }, 110_000);

  it('counts an answer that left shortly before the deadline, and refuses a late one from a fast link', async () => {
    /**
     * How long before the deadline players answer, by their own estimate of the host's clock.
     * That estimate is off by up to a few tens of ms on this link (the client's clock offset
     * comes from pings whose two directions are delayed differently), so a few answers leave just
     * after the deadline; the rule is about those that left before it.
     */
    const LEAD_MS = 50;
    /** How long after it the player on a direct connection answers. */
    const LATE_MS = 50;
    const quiz = makeQuiz(...Array.from({ length: 3 }, () => ({ correct: 0, timeLimit: TIME_LIMIT_S })));
    host = await new TestHost({
      quiz,
      clock: systemClock,
      heartbeatMs: HEARTBEAT_MS,
      settings: { minPlayers: 0, countdownSeconds: 1, revealSeconds: 1, leaderboardSeconds: 1 },
    }).start();
    const h = host;
    const link = (proxy = await new LossyProxy({ targetPort: h.server.port, seed: SEED + 1 }).start());
    const dashboard = await h.hostClient();
    const far = ['Ada', 'Bob', 'Cy', 'Dee', 'Eve'].map((name) => player(name, link.url));
    const near = player('Zed', h.url);
    await joinAll([...far, near]);
    // The host has measured each player's round trips (and each player its clock offset) first.
    await waitFor(
      () => [...far, near].every((p) => p.wire.pings >= PINGS_BEFORE_START),
      'heartbeat round trips to every player',
      30_000,
    );

    interface Sent {
      who: Player;
      question: number;
      /** Host-clock time the answer left the player, and the question's deadline. */
      leftAt: number;
      deadline: number;
      sentAt: number;
      hostRtt: number | null;
    }
    const sent: Sent[] = [];
    const schedule = (p: Player, offsetMs: number) =>
      p.client.onMessage((m) => {
        if (m.type !== 'question') return;
        // When the player's own estimate of the host's clock reads deadline + offset.
        setTimeout(
          () => {
            const sentAt = performance.now();
            sent.push({
              who: p,
              question: m.question.index,
              leftAt: performance.timeOrigin + sentAt,
              deadline: m.question.deadline,
              sentAt,
              hostRtt: hostRtt(p),
            });
            p.client.answer(0);
          },
          Math.max(0, m.question.deadline + offsetMs - p.client.serverNow()),
        );
      });
    for (const p of far) schedule(p, -LEAD_MS);
    schedule(near, LATE_MS);
    dashboard.client.start();
    await Promise.all(
      [...far, near].map((p) =>
        waitFor(() => p.client.view.phase === 'finished', `${p.name} to see the end`, 60_000),
      ),
    );

    /** What the link did to an answer: the chunks that left the player within 20 ms of sending it. */
    const chunksOf = (s: Sent): ChunkRecord[] => {
      const port = (s.who.wire.socket as unknown as { _socket: { localPort: number } })._socket.localPort;
      const record = link.links.find((l) => l.clientPort === port);
      return (record?.up ?? []).filter((c) => c.receivedAt >= s.sentAt && c.receivedAt <= s.sentAt + 20);
    };
    const rows = sent.map((s) => {
      const chunks = chunksOf(s);
      const held = Math.max(...chunks.map((c) => c.releasedAt - c.receivedAt));
      const arrived = performance.timeOrigin + Math.max(...chunks.map((c) => c.releasedAt));
      return {
        who: s.who.name,
        q: s.question,
        leftBeforeDeadlineMs: Math.round(s.deadline - s.leftAt),
        linkDelayMs: Math.round(held),
        arrivedAfterDeadlineMs: Math.round(arrived - s.deadline),
        retransmitted: chunks.some((c) => c.retransmitted),
        hostRttMs: s.hostRtt,
        outcome: s.who.ledger.acked.has(s.question) ? 'accepted' : 'refused',
        clean: held <= link.maxCleanDelayMs + 1,
      };
    });
    console.log(
      `[reliability] lossy-fair-play ${JSON.stringify({ leadMs: LEAD_MS, lateMs: LATE_MS, link: link.stats, answers: rows })}`,
    );

    const farRows = rows.filter((r) => r.who !== 'Zed');
    expect(farRows).toHaveLength(far.length * quiz.questions.length);
    // An answer that left before the deadline (by the host's clock) counts, unless the link held
    // it longer than any grace may be (behind a retransmission).
    const inTime = farRows.filter((r) => r.leftBeforeDeadlineMs > 0 && r.clean);
    expect(inTime.length).toBeGreaterThanOrEqual(farRows.length * 0.6);
    for (const r of inTime) expect(r.outcome, JSON.stringify(r)).toBe('accepted');
    // The player on the fast link answered after the deadline: refused, as too late.
    const late = near.messages.filter((m) => m.type === 'error');
    expect(late.map((m) => m.type === 'error' && m.code)).toEqual(quiz.questions.map(() => 'too_late'));
    expect(near.ledger.acked.size).toBe(0);
    // No answer was taken later than the longest grace allows.
    for (const r of farRows) {
      if (r.outcome === 'accepted')
        expect(r.arrivedAfterDeadlineMs, JSON.stringify(r)).toBeLessThanOrEqual(MAX_GRACE_MS + 1);
    }
  }, 110_000);

  it('gives a client that holds back its pongs no more grace than its real round trip', async () => {
    /** How long the cheat holds back two of every three pongs, and how late it then answers. */
    const HOLD_MS = 280;
    const LATE_MS = 150;
    const quiz = makeQuiz({ correct: 0, timeLimit: TIME_LIMIT_S });
    host = await new TestHost({
      quiz,
      clock: systemClock,
      // Beats far further apart than the pongs are held, so that the cheat is not cut as dead even
      // when this busy process wakes late and runs the next beat before it reads a held pong.
      heartbeatMs: 1_500,
      settings: { minPlayers: 0, countdownSeconds: 1, revealSeconds: 1, leaderboardSeconds: 1 },
    }).start();
    const h = host;
    const dashboard = await h.hostClient();
    const cheat = await RawSocket.hello(h.url, undefined, { autoPong: false });
    let pings = 0;
    cheat.ws.on('ping', (data) => {
      const hold = pings++ % 3 !== 0;
      if (hold) setTimeout(() => cheat.open && cheat.ws.pong(data), HOLD_MS);
      else cheat.ws.pong(data);
    });
    cheat.send({ type: 'join', name: 'Mallory' });
    const id = (await cheat.waitFor('joined')).player.id;
    const conn = () => h.server.connectionOf(id)!;
    await waitFor(
      () => pings >= 9 && conn().rttMs !== null && conn().rttMs! >= HOLD_MS,
      'held pongs to be measured',
      45_000,
    );
    // The held pongs raised the typical round trip the host measured; the grace is bounded by
    // the quickest one, which no client can fake.
    const measured = { rttMs: conn().rttMs!, lowestRttMs: conn().lowestRttMs!, graceMs: conn().graceMs };
    console.log(
      `[reliability] withheld-pongs ${JSON.stringify({ holdMs: HOLD_MS, lateMs: LATE_MS, ...measured })}`,
    );
    expect(measured.graceMs).toBeLessThanOrEqual(2 * measured.lowestRttMs + GRACE_FLOOR_MS);
    expect(measured.graceMs).toBeLessThan(LATE_MS);
    // Without that bound the held pongs alone would have bought this late answer.
    expect(Math.min(measured.rttMs, MAX_GRACE_MS)).toBeGreaterThan(LATE_MS);

    dashboard.client.start();
    const question = await cheat.waitFor('question', undefined, 30_000);
    // It answers LATE_MS after the deadline (the host's clock is this process's clock here).
    await new Promise((r) => setTimeout(r, Math.max(0, question.question.deadline + LATE_MS - Date.now())));
    expect(cheat.open, 'the cheat was cut as dead before it could answer').toBe(true);
    cheat.send({ type: 'answer', question: 0, option: 0 });
    expect((await cheat.waitError('too_late', 10_000)).ref).toBe('answer');
  }, 90_000);
});
