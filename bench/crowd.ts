/**
 * N simulated players in one process: the join storm, realistic answer times, the answer burst,
 * and the tallies the orchestrator asks for (fan-out and acknowledgement latencies, problems, each
 * player's own account of the game).
 *
 * Answers: each player knows the right option with its own probability (skill), thinks for a
 * log-normal time (median 2.5 s, most between 1 and 6 s) after the question reaches it, never
 * later than 1.5 s before the deadline, and 3 % of the time does not answer at all. The last
 * question is the burst: once it has reached every player, all of them answer in one go.
 */
import type { QuestionView } from '../src/shared/protocol';
import { logNormal, seededRandom, type Random } from './seeded-random';
import { SimPlayer, type CrowdEvents, type ProblemKind } from './sim-player';
import type { OwnRecord } from './scoring-rules';

export const THINK_MEDIAN_MS = 2500;
export const THINK_SIGMA = 0.6;
export const MIN_THINK_MS = 300;
export const DEADLINE_MARGIN_MS = 1500;
export const SKIP_CHANCE = 0.03;
/** If the burst question has not reached everyone by then, the burst goes anyway. */
export const BURST_WAIT_MS = 3000;
/** Longest the answers to a question wait to be planned for players still receiving it, ms. */
export const PLAN_WAIT_MS = 200;
const KEEP_PROBLEMS = 30;

export interface CrowdConfig {
  mode: 'game' | 'floor';
  url: string;
  players: number;
  questions: number;
  seed: number;
  /** The right option per question (the simulated players' knowledge). */
  key: number[];
}

export interface CrowdSummary {
  mode: 'game' | 'floor';
  players: number;
  entered: number;
  failed: number;
  storm: { startAt: number; lastAt: number; latencies: number[] };
  /** Per question, every player's receive time minus the question's `openedAt`. */
  fanout: number[][];
  ackSpread: number[];
  ackBurst: number[];
  burst: { index: number; startAt: number; lastAckAt: number; answers: number };
  problems: Record<ProblemKind, number>;
  firstProblems: string[];
  records: OwnRecord[];
  /** Host clock minus this process's clock, from the ping with the shortest round trip. */
  clockOffsetMs: number | null;
  clockRttMs: number | null;
}

export class Crowd implements CrowdEvents {
  readonly players: SimPlayer[] = [];
  private readonly random: Random;
  private readonly fanout: number[][];
  private readonly received: number[];
  private readonly ackSpread: number[] = [];
  private readonly ackBurst: number[] = [];
  private readonly problems: Record<ProblemKind, number> = {
    error: 0,
    lost: 0,
    duplicated: 0,
    wrong_score: 0,
  };
  private readonly firstProblems: string[] = [];
  private readonly storm = { startAt: 0, lastAt: 0, latencies: [] as number[] };
  private entered = 0;
  private failures = 0;
  private ended = 0;
  private readonly burstIndex: number;
  private burstWaiting: SimPlayer[] = [];
  private toPlan: { player: SimPlayer; q: QuestionView; receivedAt: number }[] = [];
  private burstTimer: NodeJS.Timeout | null = null;
  private planTimer: NodeJS.Timeout | null = null;
  private readonly burst = { index: -1, startAt: 0, lastAckAt: 0, answers: 0 };
  private bestRtt = Infinity;
  private clockOffset: number | null = null;
  private onStormDone: (() => void) | null = null;
  private onAllDone: (() => void) | null = null;
  private onReceivedAll: ((index: number) => void) | null = null;
  private onBurstAcked: (() => void) | null = null;

  constructor(private readonly config: CrowdConfig) {
    this.random = seededRandom(config.seed);
    this.fanout = Array.from({ length: config.questions }, () => []);
    this.received = Array.from({ length: config.questions }, () => 0);
    this.burstIndex = config.questions - 1;
    for (let i = 0; i < config.players; i++) {
      const skill = 0.35 + 0.55 * this.random();
      this.players.push(new SimPlayer(`Player ${i + 1}`, skill, config.mode, this));
    }
  }

  now(): number {
    return performance.timeOrigin + performance.now();
  }

  /**
   * Everyone connects (and in a game, says hello and joins) at once. Rejects after `timeoutMs`
   * saying how far the players that are not in yet got.
   */
  enter(timeoutMs: number): Promise<void> {
    this.storm.startAt = this.now();
    const done = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        const stages = new Map<string, number>();
        for (const p of this.players) stages.set(p.stage, (stages.get(p.stage) ?? 0) + 1);
        const where = [...stages].map(([stage, n]) => `${n} ${stage}`).join(', ');
        const seen = this.firstProblems.slice(0, 5).join('; ');
        reject(
          new Error(
            `Only ${this.entered} of ${this.players.length} players got in within ${timeoutMs / 1000} s (${where}).` +
              (seen ? ` Problems: ${seen}` : ''),
          ),
        );
      }, timeoutMs);
      this.onStormDone = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    for (const p of this.players) p.connect(this.config.url);
    return done;
  }

  /** Resolves when every player has finished the game (or dropped out). */
  allDone(): Promise<void> {
    if (this.ended === this.players.length) return Promise.resolve();
    return new Promise((resolve) => (this.onAllDone = resolve));
  }

  /** Floor mode: calls `listener` each time a question has reached every connected player. */
  onQuestionEverywhere(listener: (index: number) => void): void {
    this.onReceivedAll = listener;
  }

  /** Floor mode: every connected player answers question `index` at once; resolves when all are acked. */
  answerAll(index: number): Promise<void> {
    const acked = new Promise<void>((resolve) => (this.onBurstAcked = resolve));
    this.fireBurst(
      index,
      this.players.filter((p) => !p.done),
    );
    return acked;
  }

  summary(): CrowdSummary {
    for (const p of this.players) p.audit(this.config.questions);
    const records: OwnRecord[] = [];
    for (const p of this.players) {
      const r = p.record();
      if (r) records.push(r);
    }
    return {
      mode: this.config.mode,
      players: this.players.length,
      entered: this.entered,
      failed: this.failures,
      storm: this.storm,
      fanout: this.fanout,
      ackSpread: this.ackSpread,
      ackBurst: this.ackBurst,
      burst: this.burst,
      problems: this.problems,
      firstProblems: this.firstProblems,
      records,
      clockOffsetMs: this.clockOffset,
      clockRttMs: Number.isFinite(this.bestRtt) ? this.bestRtt : null,
    };
  }

  leave(): void {
    if (this.burstTimer) clearTimeout(this.burstTimer);
    if (this.planTimer) clearTimeout(this.planTimer);
    for (const p of this.players) p.leave();
  }

  // --- CrowdEvents ----------------------------------------------------------------------------

  problem(player: SimPlayer, kind: ProblemKind, detail: string): void {
    this.problems[kind]++;
    if (this.firstProblems.length < KEEP_PROBLEMS)
      this.firstProblems.push(`${player.name} (${player.id ?? 'not joined'}): ${kind}: ${detail}`);
  }

  joined(_player: SimPlayer): void {
    const at = this.now();
    this.entered++;
    this.storm.lastAt = at;
    this.storm.latencies.push(at - this.storm.startAt);
    this.checkStorm();
  }

  failed(_player: SimPlayer): void {
    this.failures++;
    this.checkStorm();
  }

  question(player: SimPlayer, q: QuestionView, receivedAt: number): void {
    this.fanout[q.index]?.push(receivedAt - q.openedAt);
    const received = ++this.received[q.index]!;
    if (this.config.mode === 'floor') {
      if (received === this.entered) this.onReceivedAll?.(q.index);
      return;
    }
    if (q.index === this.burstIndex) {
      this.burstWaiting.push(player);
      if (this.burstWaiting.length === this.players.length - this.ended)
        this.fireBurst(q.index, this.burstWaiting);
      else this.burstTimer ??= setTimeout(() => this.fireBurst(q.index, this.burstWaiting), BURST_WAIT_MS);
      return;
    }
    // Planned once every player has the question (or after PLAN_WAIT_MS), so that a player's
    // receive handler costs what the floor's does: planning thousands of answers while the
    // question is still arriving delayed the next sockets' receive times (by up to 70 ms on the
    // first question, while this process's code was still cold). Thinking is timed from
    // `receivedAt`, and nobody answers within MIN_THINK_MS, so the answers leave when planned.
    this.toPlan.push({ player, q, receivedAt });
    if (received === this.entered) setImmediate(() => this.planAnswers());
    else this.planTimer ??= setTimeout(() => this.planAnswers(), PLAN_WAIT_MS);
  }

  private planAnswers(): void {
    if (this.planTimer) clearTimeout(this.planTimer);
    this.planTimer = null;
    const now = this.now();
    for (const { player, q, receivedAt } of this.toPlan) {
      if (this.random() < SKIP_CHANCE) continue;
      const option = this.choose(player, q.index, q.options.length);
      const latest = q.timeLimitMs - DEADLINE_MARGIN_MS;
      const think = Math.min(
        Math.max(logNormal(this.random, THINK_MEDIAN_MS, THINK_SIGMA), MIN_THINK_MS),
        latest,
      );
      // Thinking started when the question arrived.
      setTimeout(() => player.answer(q.index, option), Math.max(0, receivedAt + think - now));
    }
    this.toPlan = [];
  }

  acked(_player: SimPlayer, question: number, latencyMs: number): void {
    if (question !== this.burst.index) {
      this.ackSpread.push(latencyMs);
      return;
    }
    this.ackBurst.push(latencyMs);
    this.burst.lastAckAt = this.now();
    if (this.ackBurst.length === this.burst.answers) this.onBurstAcked?.();
  }

  pong(sentAt: number, serverTime: number, receivedAt: number): void {
    const rtt = receivedAt - sentAt;
    if (rtt < this.bestRtt) {
      this.bestRtt = rtt;
      this.clockOffset = serverTime - (sentAt + receivedAt) / 2;
    }
  }

  finished(_player: SimPlayer): void {
    this.ended++;
    if (this.ended === this.players.length) this.onAllDone?.();
  }

  // --- Helpers --------------------------------------------------------------------------------

  private checkStorm(): void {
    if (this.entered + this.failures === this.players.length) this.onStormDone?.();
  }

  private choose(player: SimPlayer, index: number, optionCount: number): number {
    const right = this.config.key[index] ?? 0;
    if (this.random() < player.skill) return right;
    const wrong = Math.floor(this.random() * (optionCount - 1));
    return wrong >= right ? wrong + 1 : wrong;
  }

  private fireBurst(index: number, players: SimPlayer[]): void {
    if (this.burst.index === index) return;
    if (this.burstTimer) clearTimeout(this.burstTimer);
    this.burstTimer = null;
    this.burst.index = index;
    this.burst.answers = players.length;
    this.burst.startAt = this.now();
    for (const p of players) p.answer(index, this.choose(p, index, p.optionCount(index)));
  }
}
