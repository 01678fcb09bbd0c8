/**
 * The media gate in the engine: a question with pictures opens its clock once every connected
 * phone has them, or after MEDIA_WAIT_MS with the laggards shown to the host; everyone's clock
 * starts at the same moment; questions without pictures open as they always did.
 */
import { describe, expect, it } from 'vitest';
import { restoreGame, serializeGame } from '../../src/main/game';
import { MEDIA_WAIT_MS } from '../../src/main/game/media-gate';
import { decodeRecord, encodeRecord } from '../../src/main/server/journal-records';
import { parseQuiz } from '../../src/shared/quiz/load-quiz';
import type { Quiz } from '../../src/shared/quiz/quiz-schema';
import { EngineHarness, T0 } from '../support/engine-harness';

const ref = (n: number, ext = 'png') => `${n.toString(16).padStart(64, '0')}.${ext}`;
const PROMPT_PIC = ref(1);
const OPTION_PICS = [ref(2), null, ref(3), ref(4)];
const SOUND = ref(5, 'mp3');

/** Question 1 plain, question 2 with a picture, option pictures and a sound, question 3 plain. */
function mediaQuiz(): Quiz {
  return parseQuiz({
    title: 'Pictures',
    questions: [
      { kind: 'choice', prompt: 'Plain?', options: ['a', 'b'], correct: 0 },
      {
        kind: 'choice',
        prompt: 'Which flag?',
        options: ['France', 'Chad', 'Peru', 'Japan'],
        correct: 1,
        image: PROMPT_PIC,
        optionImages: OPTION_PICS,
        audio: SOUND,
      },
      { kind: 'choice', prompt: 'Plain again?', options: ['a', 'b'], correct: 0 },
    ],
  });
}

/** Three players, the game started, question 1 answered by all, so question 2's pictures are named. */
function atReveal(): { h: EngineHarness; ids: string[] } {
  const h = new EngineHarness(mediaQuiz(), { minPlayers: 0 });
  const ids = h.joinAll('Ann', 'Bob', 'Cy');
  h.startGame();
  for (const id of ids) h.answer(id, 0);
  expect(h.state.phase).toBe('reveal');
  return { h, ids };
}

const ready = (h: EngineHarness, playerId: string, question = 1) =>
  h.send({ kind: 'media_ready', playerId, question });

describe('the media gate', () => {
  it('names the next question’s pictures (never its sound) to everybody at the reveal', () => {
    const h = new EngineHarness(mediaQuiz(), { minPlayers: 0 });
    const ids = h.joinAll('Ann', 'Bob');
    h.startGame();
    h.answer(ids[0]!, 0);
    const effects = h.answer(ids[1]!, 0);
    const [media] = h.broadcasts('media', 'everyone', effects);
    expect(media).toEqual({ type: 'media', question: 1, refs: [PROMPT_PIC, ref(2), ref(3), ref(4)] });
    expect(JSON.stringify(media)).not.toContain(SOUND);
    expect(h.snapshot({ role: 'player', playerId: ids[0]! }).media).toEqual({
      question: 1,
      refs: media!.refs,
    });
  });

  it('opens a question without pictures exactly as before', () => {
    const h = new EngineHarness(mediaQuiz(), { minPlayers: 0 });
    h.joinAll('Ann', 'Bob');
    h.host({ type: 'start' });
    const countdownEnds = h.state.endsAt!;
    h.fireTimer();
    expect(h.state.phase).toBe('question');
    expect(h.openedAt).toBe(countdownEnds);
    expect(h.allEffects.some((e) => e.kind === 'broadcast' && e.msg.type === 'media_wait')).toBe(false);
  });

  it('opens at once when every connected phone is ready before the question is due', () => {
    const { h, ids } = atReveal();
    for (const id of ids) ready(h, id);
    h.fireUntil((s) => s.phase === 'leaderboard');
    const due = h.state.endsAt!;
    h.fireTimer();
    expect(h.state.phase).toBe('question');
    expect(h.state.round!.index).toBe(1);
    expect(h.openedAt).toBe(due);
    expect(h.broadcasts('media_wait')).toEqual([]);
  });

  it('holds a question for a laggard, tells the host who, and opens after the wait with full time for all', () => {
    const { h, ids } = atReveal();
    ready(h, ids[0]!);
    ready(h, ids[1]!);
    h.fireUntil((s) => s.phase === 'leaderboard');
    const due = h.state.endsAt!;
    const held = h.fireTimer();
    expect(h.state.phase).toBe('leaderboard');
    const [wait] = h.broadcasts('media_wait', 'hosts', held);
    expect(wait).toEqual({
      type: 'media_wait',
      question: 1,
      until: due + MEDIA_WAIT_MS,
      loading: [{ id: ids[2], name: 'Cy' }],
    });
    expect(h.snapshot({ role: 'host' }).mediaWait?.loading.map((p) => p.name)).toEqual(['Cy']);
    expect(h.snapshot({ role: 'player', playerId: ids[0]! }).mediaWait).toBeUndefined();
    expect(h.timerAt).toBe(due + MEDIA_WAIT_MS);
    h.fireTimer();
    expect(h.state.phase).toBe('question');
    expect(h.openedAt).toBe(due + MEDIA_WAIT_MS);
    expect(h.state.round!.deadline - h.openedAt).toBe(10_000);
    const [question] = h.broadcasts('question', 'everyone');
    expect(question!.question.openedAt).toBe(due + MEDIA_WAIT_MS);
  });

  it('opens the moment the last phone says it is ready, for everyone at once', () => {
    const { h, ids } = atReveal();
    ready(h, ids[0]!);
    h.fireUntil((s) => s.phase === 'leaderboard');
    h.fireTimer();
    expect(h.state.phase).toBe('leaderboard');
    h.advance(700);
    const effects = ready(h, ids[1]!);
    expect(h.broadcasts('media_wait', 'hosts', effects)[0]!.loading.map((p) => p.name)).toEqual(['Cy']);
    h.advance(300);
    ready(h, ids[2]!);
    expect(h.state.phase).toBe('question');
    expect(h.openedAt).toBe(h.now);
    expect(h.broadcasts('question', 'everyone')).toHaveLength(1);
  });

  it('does not wait for a phone that disconnects, nor count one that comes back mid-wait twice', () => {
    const { h, ids } = atReveal();
    ready(h, ids[0]!);
    ready(h, ids[1]!);
    h.fireUntil((s) => s.phase === 'leaderboard');
    h.fireTimer();
    expect(h.state.phase).toBe('leaderboard');
    h.advance(100);
    h.disconnect(ids[2]!);
    expect(h.state.phase).toBe('question');
    expect(h.openedAt).toBe(h.now);
  });

  it('ignores a duplicate ready, a ready for another question and one from somebody who is not playing', () => {
    const { h, ids } = atReveal();
    ready(h, ids[0]!);
    ready(h, ids[0]!);
    ready(h, ids[1]!, 2);
    ready(h, ids[1]!, 0);
    ready(h, 'nobody');
    expect(h.state.mediaGate!.ready).toEqual([ids[0]]);
    h.fireUntil((s) => s.phase === 'leaderboard');
    h.fireTimer();
    expect(h.state.phase).toBe('leaderboard');
    expect(h.broadcasts('media_wait')[0]!.loading.map((p) => p.name)).toEqual(['Bob', 'Cy']);
    // A ready that comes after the question opened changes nothing.
    h.fireTimer();
    const openedAt = h.openedAt;
    ready(h, ids[1]!);
    expect(h.openedAt).toBe(openedAt);
    expect(h.last).toEqual([]);
  });

  it('lets the host open a held question at once with Next', () => {
    const { h } = atReveal();
    h.fireUntil((s) => s.phase === 'leaderboard');
    h.fireTimer();
    expect(h.state.phase).toBe('leaderboard');
    h.advance(1000);
    h.host({ type: 'next' });
    expect(h.state.phase).toBe('question');
    expect(h.openedAt).toBe(h.now);
  });

  it('holds the first question too when its pictures are not in yet, named with the countdown', () => {
    const quiz = mediaQuiz();
    const h = new EngineHarness({ ...quiz, questions: [quiz.questions[1]!] }, { minPlayers: 0 });
    const [ann] = h.joinAll('Ann', 'Bob');
    const start = h.host({ type: 'start' });
    expect(h.broadcasts('media', 'everyone', start)[0]!.question).toBe(0);
    ready(h, ann!, 0);
    h.fireTimer();
    expect(h.state.phase).toBe('countdown');
    expect(h.broadcasts('media_wait', 'hosts')[0]!.loading.map((p) => p.name)).toEqual(['Bob']);
    h.fireTimer();
    expect(h.state.phase).toBe('question');
    expect(h.openedAt).toBe(T0 + 3000 + MEDIA_WAIT_MS);
  });

  it('puts the pictures and the sound in the question as the host and phones see it', () => {
    const { h, ids } = atReveal();
    for (const id of ids) ready(h, id);
    h.toQuestion(1);
    const view = h.snapshot({ role: 'player', playerId: ids[0]! }).question!;
    expect(view.image).toBe(PROMPT_PIC);
    expect(view.optionImages).toEqual(OPTION_PICS);
    expect(view.audio).toBe(SOUND);
  });

  it('is written down in a journal: the ready input and the gate in a snapshot read back the same', () => {
    const { h, ids } = atReveal();
    ready(h, ids[0]!);
    h.fireUntil((s) => s.phase === 'leaderboard');
    h.fireTimer();
    const input = { kind: 'media_ready', playerId: ids[1]!, question: 1 } as const;
    const line = encodeRecord({ t: 'in', at: h.now, input });
    const back = decodeRecord(Buffer.from(line.trimEnd()));
    expect(back).toEqual({ ok: true, record: { t: 'in', at: h.now, input } });
    const game = serializeGame(h.state);
    const snap = decodeRecord(
      Buffer.from(encodeRecord({ t: 'snapshot', at: h.now, game, tokens: [] }).trimEnd()),
    );
    expect(snap.ok).toBe(true);
    if (!snap.ok || snap.record.t !== 'snapshot') return;
    expect(restoreGame(snap.record.game).mediaGate).toEqual(h.state.mediaGate);
    expect(h.state.mediaGate!.until).toBe(h.state.endsAt);
  });

  it('does not open a held question for nobody when every phone drops', () => {
    const { h, ids } = atReveal();
    h.fireUntil((s) => s.phase === 'leaderboard');
    h.fireTimer();
    for (const id of ids) h.disconnect(id);
    expect(h.state.phase).toBe('leaderboard');
    h.fireTimer();
    expect(h.state.phase).toBe('question');
  });
});
