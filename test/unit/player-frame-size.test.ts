/**
 * The largest frame a player (or guest) can receive from a Quizroom host, with every text of the
 * quiz, the room and the names at its longest and in the characters JSON spells longest. The
 * desktop app holds a remote host to MAX_PAYLOAD (src/main/desktop/desktop-session.ts): this is
 * the proof that no honest host comes near it. A host's own dashboard is not held to it (its
 * roster grows with the room) and never talks to a remote host.
 */
import { describe, expect, it } from 'vitest';
import { snapshotFor } from '../../src/main/game';
import { MAX_PAYLOAD } from '../../src/main/server/quiz-server';
import { MAX_NAME_LENGTH } from '../../src/shared/nickname';
import type { ServerMessage } from '../../src/shared/protocol';
import { parseQuiz } from '../../src/shared/quiz/load-quiz';
import { MAX_OPTIONS } from '../../src/shared/quiz/quiz-schema';
import { EngineHarness, T0 } from '../support/engine-harness';

/** A code unit JSON writes as six bytes (\u0001), so a text of n units takes 6n bytes. */
const widest = (units: number, last = 'x') => `${'\u0001'.repeat(units - 1)}${last}`;
const bytes = (msg: ServerMessage) => Buffer.byteLength(JSON.stringify(msg));

describe('the largest message a player receives', () => {
  it('fits in the frame limit the desktop app holds a remote host to, with room to spare', () => {
    const quiz = parseQuiz({
      title: widest(120),
      questions: Array.from({ length: 3 }, () => ({
        kind: 'choice',
        prompt: widest(500),
        options: Array.from({ length: MAX_OPTIONS }, (_, i) => widest(160, String(i))),
        correct: 0,
      })),
    });
    const h = new EngineHarness(quiz, { minPlayers: 0 }, T0);
    // Names of the most characters, each a four-byte emoji.
    const ids = Array.from({ length: 12 }, (_, i) =>
      h.join(`${'😀'.repeat(MAX_NAME_LENGTH - 1)}${String.fromCodePoint(0x1f600 + i + 1)}`),
    );
    const room = { name: widest(60), pinRequired: true, protocol: 1 };
    const seen: number[] = [];
    const look = () => {
      for (const id of ids)
        seen.push(bytes(snapshotFor(h.state, { role: 'player', playerId: id }, room, h.now)));
      seen.push(bytes(snapshotFor(h.state, { role: 'guest' }, room, h.now)));
    };
    h.startGame();
    for (let q = 0; q < quiz.questions.length; q++) {
      h.toQuestion(q);
      ids.forEach((id, i) => h.answer(id, i % MAX_OPTIONS));
      look();
      h.closeQuestion();
      look();
    }
    h.fireUntil((s) => s.phase === 'finished');
    look();
    for (const e of h.allEffects) {
      if (e.kind === 'send' || (e.kind === 'broadcast' && e.audience === 'everyone')) seen.push(bytes(e.msg));
      if (e.kind === 'broadcast' && e.personal) for (const m of e.personal.values()) seen.push(bytes(m));
    }
    const largest = Math.max(...seen);
    expect(largest).toBeGreaterThan(6 * (500 + 4 * 160)); // the question is really in there
    expect(largest).toBeLessThanOrEqual(MAX_PAYLOAD * 0.75);
  });
});
