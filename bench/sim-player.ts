/**
 * One simulated player on a raw `ws` socket, behaving like the real client: hello, join on the
 * first snapshot, a ping every 5 s, one answer per question. It keeps what it sent and received,
 * computes its own score from its acknowledgements and the reveals by the documented rules, and
 * reports anything wrong: error messages, unexpected closes, messages lost or received twice,
 * results that do not match. In "floor" mode it only receives broadcasts and answers once.
 */
import WebSocket, { type RawData } from 'ws';
import {
  PROTOCOL_VERSION,
  type ClientMessage,
  type PlayerResult,
  type QuestionView,
  type ServerMessage,
} from '../src/shared/protocol';
import { expectedPoints, nextStreak, type OwnRecord } from './scoring-rules';

export type ProblemKind = 'error' | 'lost' | 'duplicated' | 'wrong_score';

/** What a player tells the crowd it belongs to. */
export interface CrowdEvents {
  now(): number;
  problem(player: SimPlayer, kind: ProblemKind, detail: string): void;
  joined(player: SimPlayer): void;
  /** The socket closed or failed before the player joined. */
  failed(player: SimPlayer): void;
  question(player: SimPlayer, question: QuestionView, receivedAt: number): void;
  acked(player: SimPlayer, question: number, latencyMs: number): void;
  pong(sentAt: number, serverTime: number, receivedAt: number): void;
  finished(player: SimPlayer): void;
}

export const PING_EVERY_MS = 5_000;

interface Asked {
  points: number;
  timeLimitMs: number;
  optionCount: number;
}

interface Sent {
  option: number;
  sentAt: number;
  ack: { elapsedMs: number } | null;
}

/** How far a player got in connecting and joining (for a join storm that does not finish). */
export type Stage = 'idle' | 'connecting' | 'open' | 'join_sent' | 'joined' | 'closed';

export class SimPlayer {
  id: string | null = null;
  stage: Stage = 'idle';
  joinedAt = 0;
  done = false;
  private ws: WebSocket | null = null;
  private joinSent = false;
  /** Joined (game) or connected (floor). */
  private entered = false;
  private leaving = false;
  private pingTimer: NodeJS.Timeout | null = null;
  private pingsSent = 0;
  private pongs = 0;
  private readonly counts = new Map<string, number>();
  private readonly asked: (Asked | undefined)[] = [];
  private readonly sent: (Sent | undefined)[] = [];
  private readonly revealed: ({ correct: number; voided: boolean } | undefined)[] = [];
  private readonly results = new Set<number>();
  private score = 0;
  private streak = 0;
  private correct = 0;
  private totalTimeMs = 0;

  constructor(
    readonly name: string,
    /** Chance of picking the right option. */
    readonly skill: number,
    private readonly mode: 'game' | 'floor',
    private readonly crowd: CrowdEvents,
  ) {}

  connect(url: string): void {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    this.ws = ws;
    this.stage = 'connecting';
    ws.on('open', () => {
      this.stage = 'open';
      if (this.mode === 'floor') {
        this.entered = true;
        return this.crowd.joined(this);
      }
      this.send({ type: 'hello', protocol: PROTOCOL_VERSION });
      this.ping();
      this.pingTimer = setInterval(() => this.ping(), PING_EVERY_MS);
    });
    ws.on('message', (data, isBinary) => this.receive(data, isBinary, this.crowd.now()));
    ws.on('error', (e) => {
      if (!this.leaving) this.crowd.problem(this, 'error', `socket error: ${e.message}`);
    });
    ws.on('close', (code, reason) => {
      this.stage = 'closed';
      this.stopPinging();
      if (this.leaving || this.done) return;
      this.crowd.problem(this, 'error', `closed by the host before the end (${code} ${String(reason)})`);
      if (!this.entered) this.crowd.failed(this);
      this.done = true;
      this.crowd.finished(this);
    });
  }

  /** Answers `question` now (once; never after its reveal). */
  answer(question: number, option: number): void {
    if (this.sent[question] || this.revealed[question] || this.done) return;
    this.sent[question] = { option, sentAt: this.crowd.now(), ack: null };
    this.send({ type: 'answer', question, option });
  }

  /** How many options question `index` had (4 if it never arrived). */
  optionCount(index: number): number {
    return this.asked[index]?.optionCount ?? 4;
  }

  leave(): void {
    this.leaving = true;
    this.stopPinging();
    this.ws?.terminate();
  }

  /** The player's own account of the game, for the final leaderboard check. */
  record(): OwnRecord | null {
    if (!this.id) return null;
    return {
      id: this.id,
      seq: Number(this.id.slice(1)),
      score: this.score,
      correct: this.correct,
      totalTimeMs: this.totalTimeMs,
    };
  }

  /** After the game: everything that should have arrived once did. */
  audit(questions: number): void {
    const expectOnce = (type: string, want: number) => {
      const got = this.counts.get(type) ?? 0;
      if (got < want) this.crowd.problem(this, 'lost', `${want - got} "${type}" message(s) missing`);
      if (got > want) this.crowd.problem(this, 'duplicated', `${got - want} extra "${type}" message(s)`);
    };
    if (this.mode === 'floor') {
      expectOnce('question', questions);
      for (const s of this.sent) if (s && !s.ack) this.crowd.problem(this, 'lost', 'an answer got no ack');
      return;
    }
    expectOnce('welcome', 1);
    expectOnce('joined', 1);
    expectOnce('countdown', 1);
    expectOnce('question', questions);
    expectOnce('reveal', questions);
    expectOnce('result', questions);
    expectOnce('leaderboard', questions - 1);
    expectOnce('finished', 1);
    const acks = this.sent.filter((s) => s?.ack).length;
    expectOnce('answer_ack', acks);
    for (let i = 0; i < questions; i++) {
      const s = this.sent[i];
      if (s && !s.ack) this.crowd.problem(this, 'lost', `no answer_ack for the answer to question ${i + 1}`);
    }
    if (this.pongs < this.pingsSent)
      this.crowd.problem(this, 'lost', `${this.pingsSent - this.pongs} pong(s) missing`);
  }

  private send(msg: ClientMessage | { type: 'answer'; question: number; option: number }): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(msg));
  }

  private ping(): void {
    if (this.done) return;
    this.pingsSent++;
    this.send({ type: 'ping', t: this.crowd.now() });
  }

  private stopPinging(): void {
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.pingTimer = null;
  }

  private count(type: string): number {
    const n = (this.counts.get(type) ?? 0) + 1;
    this.counts.set(type, n);
    return n;
  }

  private receive(data: RawData, isBinary: boolean, at: number): void {
    if (isBinary) return this.crowd.problem(this, 'error', 'a binary frame from the host');
    const msg = JSON.parse(String(data)) as ServerMessage | { type: 'ack'; question: number; option: number };
    this.count(msg.type);
    if (this.mode === 'floor') {
      if (msg.type === 'question') this.onQuestion(msg.question, at);
      else if (msg.type === 'ack') this.onAck(msg.question, msg.option, null, at);
      return;
    }
    switch (msg.type) {
      case 'snapshot':
        if (!this.joinSent) {
          this.joinSent = true;
          this.stage = 'join_sent';
          this.send({ type: 'join', name: this.name });
        }
        return;
      case 'joined':
        if (this.id) return this.crowd.problem(this, 'duplicated', 'a second "joined"');
        this.id = msg.player.id;
        this.stage = 'joined';
        this.entered = true;
        this.joinedAt = at;
        this.crowd.joined(this);
        return;
      case 'question':
        return this.onQuestion(msg.question, at);
      case 'answer_ack':
        return this.onAck(msg.answer.question, msg.answer.option ?? -1, msg.answer.elapsedMs, at);
      case 'reveal':
        if (this.revealed[msg.reveal.index])
          return this.crowd.problem(this, 'duplicated', `reveal ${msg.reveal.index + 1}`);
        this.revealed[msg.reveal.index] = { correct: msg.reveal.correct, voided: msg.reveal.voided };
        return;
      case 'result':
        return this.onResult(msg.result);
      case 'finished':
        this.done = true;
        this.stopPinging();
        this.crowd.finished(this);
        return;
      case 'pong':
        this.pongs++;
        this.crowd.pong(msg.t, msg.serverTime, at);
        return;
      case 'error':
        return this.crowd.problem(this, 'error', `${msg.code}: ${msg.message}`);
      case 'welcome':
      case 'player_count':
      case 'countdown':
      case 'leaderboard':
      case 'settings':
        return;
      default:
        // Host-only messages (player, answer_count, standings) must never reach a player.
        return this.crowd.problem(this, 'error', `unexpected "${msg.type}" message`);
    }
  }

  private onQuestion(q: QuestionView, at: number): void {
    if (this.asked[q.index]) return this.crowd.problem(this, 'duplicated', `question ${q.index + 1}`);
    this.asked[q.index] = { points: q.points, timeLimitMs: q.timeLimitMs, optionCount: q.options.length };
    this.crowd.question(this, q, at);
  }

  private onAck(question: number, option: number, elapsedMs: number | null, at: number): void {
    const s = this.sent[question];
    if (!s)
      return this.crowd.problem(
        this,
        'error',
        `an ack for question ${question + 1}, which this player did not answer`,
      );
    if (s.ack) return this.crowd.problem(this, 'duplicated', `answer_ack for question ${question + 1}`);
    if (option !== s.option)
      this.crowd.problem(this, 'wrong_score', `ack for option ${option + 1}, sent ${s.option + 1}`);
    s.ack = { elapsedMs: elapsedMs ?? 0 };
    this.crowd.acked(this, question, at - s.sentAt);
  }

  private onResult(r: PlayerResult): void {
    const i = r.question;
    if (this.results.has(i)) return this.crowd.problem(this, 'duplicated', `result ${i + 1}`);
    this.results.add(i);
    const q = this.asked[i];
    const rev = this.revealed[i];
    if (!q || !rev)
      return this.crowd.problem(this, 'lost', `result ${i + 1} came without its question or reveal`);
    const sent = this.sent[i];
    const ack = sent?.ack ?? null;
    const correct = !!sent && !!ack && sent.option === rev.correct;
    const streak = nextStreak(this.streak, correct, rev.voided, q.points);
    const points = expectedPoints(q, ack ? { correct, elapsedMs: ack.elapsedMs } : null, streak, rev.voided);
    this.streak = streak;
    this.score += points;
    if (correct && !rev.voided) this.correct++;
    if (!rev.voided) this.totalTimeMs += ack ? ack.elapsedMs : q.timeLimitMs;
    const want = {
      option: sent && ack ? sent.option : null,
      correct,
      points,
      score: this.score,
      streak,
      elapsedMs: ack ? ack.elapsedMs : null,
    };
    const got = {
      option: r.option,
      correct: r.correct,
      points: r.points,
      score: r.score,
      streak: r.streak,
      elapsedMs: r.elapsedMs,
    };
    const wrong = (Object.keys(want) as (keyof typeof want)[]).filter((k) => want[k] !== got[k]);
    if (wrong.length > 0) {
      this.crowd.problem(
        this,
        'wrong_score',
        `question ${i + 1}: ${wrong.map((k) => `${k} ${String(got[k])} (expected ${String(want[k])})`).join(', ')}`,
      );
    }
  }
}
