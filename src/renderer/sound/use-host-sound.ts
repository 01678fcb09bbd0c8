/**
 * The host screen's sound, driven by the game: one SoundEngine for the screen's lifetime, a new
 * scene whenever the moment of the game changes, the audio started on the first click or key
 * press (browsers allow no sooner), and the host's mute and volume remembered. In the lobby, a
 * name arriving makes a short pop (rate-limited: a join storm makes a few).
 */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { ClientView } from '../../shared/client/client-view';
import { hostNow } from '../api/use-host-clock';
import { useReducedMotion } from '../motion/use-reduced-motion';
import type { AudioContextLike } from './audio-graph';
import { joinCueLimit } from './cue-rate-limit';
import { SoundEngine } from './sound-engine';
import { soundMoment, soundPlan } from './sound-plan';
import { loadSoundSettings, saveSoundSettings } from './sound-settings';

function browserAudio(): AudioContextLike | null {
  return typeof AudioContext === 'function' ? new AudioContext() : null;
}

export function useHostSound(game: ClientView, clockOffset: number): SoundEngine {
  const [engine] = useState(() => new SoundEngine(browserAudio, loadSoundSettings()));
  useSyncExternalStore(
    (listener) => engine.subscribe(listener),
    () => engine.version,
  );
  const reduced = useReducedMotion();

  useEffect(() => () => engine.dispose(), [engine]);

  useEffect(() => engine.subscribe(() => saveSoundSettings(engine.settings)), [engine]);

  const suspended = engine.status === 'suspended';
  useEffect(() => {
    if (!suspended) return;
    const unlock = () => engine.unlock();
    window.addEventListener('pointerdown', unlock, true);
    window.addEventListener('keydown', unlock, true);
    return () => {
      window.removeEventListener('pointerdown', unlock, true);
      window.removeEventListener('keydown', unlock, true);
    };
  }, [engine, suspended]);

  const moment = soundMoment(game);
  const key = moment.key;
  // The moment is read when its key changes, not on every render of the same moment.
  const [entered, setEntered] = useState(moment);
  if (entered.key !== key) setEntered(moment);
  useEffect(() => {
    const enteredAt = hostNow(clockOffset);
    engine.enter(() => soundPlan(entered, enteredAt, hostNow(clockOffset), reduced));
    // clockOffset drifts a little with every pong: a new scene for that would restart the music.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [engine, entered, reduced]);

  const [joinLimit] = useState(joinCueLimit);
  const players = game.players.length;
  const seen = useRef(players);
  useEffect(() => {
    const before = seen.current;
    seen.current = players;
    if (game.phase === 'lobby' && players > before) engine.playNow('join', joinLimit);
  }, [engine, joinLimit, players, game.phase]);

  return engine;
}
