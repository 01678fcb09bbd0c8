/**
 * What a player knows the host accepted from them, and the score that earns. A player learns of
 * an accepted answer from its `answer_ack`, from `you.answer` in a snapshot after reconnecting,
 * and from its `result` (or `you.result` in a snapshot) once the question closes. All of these
 * must agree; a result that says "no answer" for an acknowledged answer means the host lost it.
 * The score is recomputed with the scoring rules from these answers alone, so a test can check
 * the host's arithmetic and its bookkeeping against what the player was told.
 */
import { answerPoints, streakBonus } from '../../src/main/game';
import type { ServerMessage } from '../../src/shared/protocol';
import type { Quiz } from '../../src/shared/quiz/quiz-schema';
import { choice } from './choice-question';

export interface AckedAnswer {
  option?: number;
  elapsedMs: number;
}

export class AnswerLedger {
  /** Question index to the answer the host accepted. */
  readonly acked = new Map<number, AckedAnswer>();
  /** Disagreements between what the host said at different times (should stay empty). */
  readonly conflicts: string[] = [];
  /** Questions whose result the player saw, with the option it recorded (null: none). */
  readonly results = new Map<number, number | null>();
  /** Where the player first learned of each accepted answer (an ack lost with a connection shows). */
  readonly learnedFrom = { answer_ack: 0, snapshot: 0, result: 0 };

  constructor(readonly who: string) {}

  /** Feeds one message from the host. */
  take(msg: ServerMessage): void {
    switch (msg.type) {
      case 'answer_ack':
        this.accept(msg.answer.question, msg.answer, 'answer_ack');
        return;
      case 'snapshot':
        if (msg.you?.answer) this.accept(msg.you.answer.question, msg.you.answer, 'snapshot');
        if (msg.you?.result)
          this.result(msg.you.result.question, msg.you.result.option, msg.you.result.elapsedMs);
        return;
      case 'result':
        this.result(msg.result.question, msg.result.option, msg.result.elapsedMs);
        return;
      default:
        return;
    }
  }

  private accept(question: number, answer: AckedAnswer, source: keyof AnswerLedger['learnedFrom']): void {
    const known = this.acked.get(question);
    if (known && (known.option !== answer.option || known.elapsedMs !== answer.elapsedMs)) {
      this.conflicts.push(
        `${this.who}: ${source} for question ${question} says ${JSON.stringify(answer)}, earlier ${JSON.stringify(known)}`,
      );
      return;
    }
    if (!known) this.learnedFrom[source]++;
    this.acked.set(question, { option: answer.option, elapsedMs: answer.elapsedMs });
  }

  private result(question: number, option: number | null, elapsedMs: number | null): void {
    this.results.set(question, option);
    const known = this.acked.get(question);
    if (option === null) {
      if (known) this.conflicts.push(`${this.who}: the acknowledged answer to question ${question} was lost`);
      return;
    }
    this.accept(question, { option, elapsedMs: elapsedMs ?? -1 }, 'result');
  }
}

/** The score and streak that `acked` answers earn under the scoring rules (no question skipped). */
export function expectedScore(
  quiz: Quiz,
  acked: ReadonlyMap<number, AckedAnswer>,
  questionSeconds: number,
): { score: number; streak: number; correct: number } {
  let score = 0;
  let streak = 0;
  let correct = 0;
  quiz.questions.forEach((q, i) => {
    const answer = acked.get(i);
    const right = answer !== undefined && answer.option === choice(q).correct;
    if (right) correct++;
    if (q.points === 0) return;
    if (!right) {
      streak = 0;
      return;
    }
    streak++;
    const limitMs = (q.timeLimit ?? questionSeconds) * 1000;
    score += answerPoints(q.points, answer.elapsedMs, limitMs) + streakBonus(streak);
  });
  return { score, streak, correct };
}
