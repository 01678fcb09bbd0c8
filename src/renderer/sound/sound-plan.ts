/**
 * Which sounds belong to which moment of the game, decided from the host's view state alone:
 * lobby music; a beep per second of "Get ready"; a question bed with a tick for each of the last
 * five seconds and a buzzer at the deadline (silent while the host pauses it); a reveal sting that is bright when most players got
 * it right and sad when most did not; a swell for the leaderboard; a drum roll and fanfare that
 * follow the podium's timeline. Pure functions, so the rules are tested without a browser.
 */
import type { ClientView } from '../../shared/client/client-view';
import type { Phase } from '../../shared/protocol';
import { podiumTimeline } from '../motion/podium-timeline';
import type { ScenePlan } from './sound-engine';

export type RevealMood = 'right' | 'wrong' | 'skipped';

export interface SoundMoment {
  /** Changes exactly when the sound should change. */
  key: string;
  phase: Phase;
  /** The countdown's end or the question's deadline (host clock, ms). */
  endsAt: number | null;
  mood: RevealMood | null;
  /** Places on the podium (finished). */
  places: number;
  /** The host paused the question's timer: the bed and the ticks stop until it goes on. */
  paused?: boolean;
  /** The open question's sound (a media name), and when the question opened (host clock, ms). */
  clip?: { ref: string; openedAt: number };
}

/** How many seconds before the deadline tick. */
export const TICK_SECONDS = 5;

export function revealMood(view: ClientView): RevealMood | null {
  const reveal = view.reveal;
  if (!reveal) return null;
  if (reveal.voided) return 'skipped';
  const right = reveal.counts[reveal.correct] ?? 0;
  const players = Math.max(1, view.connectedCount, reveal.answered);
  return right * 2 >= players ? 'right' : 'wrong';
}

export function soundMoment(view: ClientView): SoundMoment {
  const index = view.question?.index ?? -1;
  const base = { phase: view.phase, endsAt: null, mood: null, places: 0 };
  switch (view.phase) {
    case 'lobby':
      return { ...base, key: 'lobby' };
    case 'countdown':
      return { ...base, key: `countdown:${view.endsAt}`, endsAt: view.endsAt };
    case 'question':
      // A resumed question has a new deadline: its ticks are planned again.
      return view.paused
        ? { ...base, key: `question:${index}:paused`, paused: true }
        : {
            ...base,
            key: `question:${index}:${view.question?.deadline ?? ''}`,
            endsAt: view.question?.deadline ?? null,
            ...(view.question?.audio
              ? { clip: { ref: view.question.audio, openedAt: view.question.openedAt } }
              : {}),
          };
    case 'reveal':
      return { ...base, key: `reveal:${view.reveal?.index ?? index}`, mood: revealMood(view) };
    case 'leaderboard':
      return { ...base, key: `leaderboard:${index}` };
    case 'finished': {
      const rows = view.standings.length > 0 ? view.standings : view.top;
      return { ...base, key: 'finished', places: Math.min(3, rows.length) };
    }
  }
}

const REVEAL_CUES = {
  right: 'reveal-most-right',
  wrong: 'reveal-most-wrong',
  skipped: 'reveal-skipped',
} as const;

/**
 * The plan of `moment`, which began at `enteredAt`, as seen at `now` (both on the host's clock, in
 * ms): cue times are seconds from now, so a plan made late (audio unlocked mid-question) still puts
 * every remaining tick on its second.
 */
export function soundPlan(
  moment: SoundMoment,
  enteredAt: number,
  now: number,
  reducedMotion: boolean,
): ScenePlan {
  const from = (hostMs: number) => (hostMs - now) / 1000;
  switch (moment.phase) {
    case 'lobby':
      return { loop: { name: 'lobby-music', until: null }, cues: [] };
    case 'countdown': {
      const end = moment.endsAt ?? now;
      const cues: ScenePlan['cues'] = [];
      for (let t = end - 1000; t >= enteredAt - 500; t -= 1000)
        cues.unshift({ cue: 'countdown-beep', at: from(t) });
      return { loop: null, cues };
    }
    case 'question': {
      if (moment.paused) return { loop: null, cues: [] };
      const deadline = moment.endsAt ?? now;
      const cues: ScenePlan['cues'] = [{ cue: 'question-open', at: from(enteredAt) }];
      for (let s = TICK_SECONDS; s >= 1; s--) {
        const t = deadline - s * 1000;
        if (t >= enteredAt) cues.push({ cue: 'tick', at: from(t) });
      }
      cues.push({ cue: 'time-up', at: from(deadline) });
      // The question's own sound takes the place of the music bed, from where the question is.
      if (moment.clip)
        return {
          loop: null,
          cues,
          clip: { ref: moment.clip.ref, offset: Math.max(0, (now - moment.clip.openedAt) / 1000) },
        };
      return { loop: { name: 'question-bed', until: from(deadline) }, cues };
    }
    case 'reveal':
      return {
        loop: null,
        cues: moment.mood ? [{ cue: REVEAL_CUES[moment.mood], at: from(enteredAt) }] : [],
      };
    case 'leaderboard':
      return { loop: null, cues: [{ cue: 'leaderboard-swell', at: from(enteredAt) }] };
    case 'finished': {
      if (moment.places === 0) return { loop: null, cues: [] };
      const timeline = podiumTimeline(moment.places, reducedMotion);
      const cues: ScenePlan['cues'] = [];
      if (timeline.drumRoll) {
        const { from: start, to } = timeline.drumRoll;
        cues.push({ cue: 'drum-roll', at: from(enteredAt + start), dur: (to - start) / 1000 });
      }
      cues.push({ cue: 'fanfare', at: from(enteredAt + timeline.winner) });
      return { loop: null, cues };
    }
  }
}
