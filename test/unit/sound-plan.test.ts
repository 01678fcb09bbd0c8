/** Which sounds belong to which moment of the game (the rules behind the host's sound). */
import { describe, expect, it } from 'vitest';
import { initialView, type ClientView } from '../../src/shared/client/client-view';
import { podiumTimeline } from '../../src/renderer/motion/podium-timeline';
import { revealMood, soundMoment, soundPlan } from '../../src/renderer/sound/sound-plan';
import { parseSoundSettings, DEFAULT_SOUND } from '../../src/renderer/sound/sound-settings';

const T0 = 1_700_000_000_000;

function view(patch: Partial<ClientView>): ClientView {
  return { ...initialView(), ready: true, role: 'host', ...patch };
}

function question(deadline: number): ClientView {
  return view({
    phase: 'question',
    question: {
      index: 2,
      count: 5,
      kind: 'choice',
      prompt: 'Which?',
      options: ['a', 'b', 'c', 'd'],
      points: 1000,
      timeLimitMs: 20_000,
      openedAt: deadline - 20_000,
      deadline,
    },
  });
}

function reveal(counts: number[], correct: number, connected: number, voided = false): ClientView {
  const answered = counts.reduce((a, b) => a + b, 0);
  return view({
    phase: 'reveal',
    connectedCount: connected,
    reveal: { index: 0, kind: 'choice', correct, counts, answered, voided },
  });
}

describe('the sound of each moment', () => {
  it('plays music in the lobby, on a loop', () => {
    expect(soundPlan(soundMoment(view({ phase: 'lobby' })), T0, T0, false)).toEqual({
      loop: { name: 'lobby-music', until: null },
      cues: [],
    });
  });

  it('beeps each second of the countdown', () => {
    const moment = soundMoment(view({ phase: 'countdown', endsAt: T0 + 3000 }));
    const plan = soundPlan(moment, T0, T0, false);
    expect(plan.cues).toEqual([
      { cue: 'countdown-beep', at: 0 },
      { cue: 'countdown-beep', at: 1 },
      { cue: 'countdown-beep', at: 2 },
    ]);
  });

  it('ticks each of the last five seconds of a question and buzzes at the deadline, over a bed that stops there', () => {
    const plan = soundPlan(soundMoment(question(T0 + 20_000)), T0, T0, false);
    expect(plan.loop).toEqual({ name: 'question-bed', until: 20 });
    expect(plan.cues.filter((c) => c.cue === 'tick').map((c) => c.at)).toEqual([15, 16, 17, 18, 19]);
    expect(plan.cues.find((c) => c.cue === 'time-up')?.at).toBe(20);
  });

  it('keeps each remaining tick on its second when the plan is made late', () => {
    // The audio starts 16.5 s into the question (the host's first click).
    const plan = soundPlan(soundMoment(question(T0 + 20_000)), T0, T0 + 16_500, false);
    const ticks = plan.cues.filter((c) => c.cue === 'tick' && c.at >= 0).map((c) => c.at);
    expect(ticks).toEqual([0.5, 1.5, 2.5]);
    expect(plan.loop?.until).toBe(3.5);
  });

  it('plays the bright sting when most got it right, the sad one when most did not', () => {
    expect(revealMood(reveal([6, 1, 1, 0], 0, 8))).toBe('right');
    expect(revealMood(reveal([2, 5, 1, 0], 0, 8))).toBe('wrong');
    // Players who did not answer count as not right.
    expect(revealMood(reveal([3, 0, 0, 0], 0, 8))).toBe('wrong');
    expect(revealMood(reveal([0, 0, 0, 0], 0, 8, true))).toBe('skipped');
    const cue = (v: ClientView) => soundPlan(soundMoment(v), T0, T0, false).cues.map((c) => c.cue);
    expect(cue(reveal([6, 1, 1, 0], 0, 8))).toEqual(['reveal-most-right']);
    expect(cue(reveal([2, 5, 1, 0], 0, 8))).toEqual(['reveal-most-wrong']);
    expect(cue(reveal([0, 0, 0, 0], 0, 8, true))).toEqual(['reveal-skipped']);
  });

  it('swells for the leaderboard', () => {
    const plan = soundPlan(soundMoment(view({ phase: 'leaderboard' })), T0, T0, false);
    expect(plan.cues).toEqual([{ cue: 'leaderboard-swell', at: 0 }]);
  });

  it('rolls the drums until the winner appears on the podium, and the fanfare lands with the winner', () => {
    const rows = [1, 2, 3, 4].map((rank) => ({
      rank,
      id: `p${rank}`,
      name: `P${rank}`,
      score: 100,
      correct: 1,
      connected: true,
    }));
    const moment = soundMoment(view({ phase: 'finished', standings: rows }));
    expect(moment.places).toBe(3);
    const timeline = podiumTimeline(3, false);
    const plan = soundPlan(moment, T0, T0, false);
    const roll = plan.cues.find((c) => c.cue === 'drum-roll')!;
    const fanfare = plan.cues.find((c) => c.cue === 'fanfare')!;
    expect(roll.at + roll.dur!).toBeCloseTo(timeline.winner / 1000);
    expect(fanfare.at).toBeCloseTo(timeline.winner / 1000);
    // Third, then second, then the winner.
    expect(timeline.show[2]).toBeLessThan(timeline.show[1]!);
    expect(timeline.show[1]).toBeLessThan(roll.at * 1000);
  });

  it('shows the whole podium at once with reduced motion, and plays the fanfare then', () => {
    expect(podiumTimeline(3, true)).toEqual({ show: [0, 0, 0], drumRoll: null, winner: 0 });
    const rows = [{ rank: 1, id: 'p1', name: 'P1', score: 100, correct: 1, connected: true }];
    const plan = soundPlan(soundMoment(view({ phase: 'finished', standings: rows })), T0, T0, true);
    expect(plan.cues).toEqual([{ cue: 'fanfare', at: 0 }]);
  });

  it('changes the sound only when the moment changes', () => {
    const a = soundMoment(question(T0 + 20_000));
    const b = soundMoment({ ...question(T0 + 20_000), answered: 3 });
    expect(a.key).toBe(b.key);
    expect(soundMoment(view({ phase: 'leaderboard', question: question(T0).question })).key).not.toBe(a.key);
  });
});

describe('the remembered mute and volume', () => {
  it('reads what was saved, and the defaults from anything else', () => {
    expect(parseSoundSettings('{"muted":true,"volume":0.3}')).toEqual({ muted: true, volume: 0.3 });
    expect(parseSoundSettings(null)).toEqual(DEFAULT_SOUND);
    expect(parseSoundSettings('not json')).toEqual(DEFAULT_SOUND);
    expect(parseSoundSettings('{"muted":"yes","volume":9}')).toEqual({
      muted: DEFAULT_SOUND.muted,
      volume: 1,
    });
  });
});
