/**
 * Who has answered the open question, for the host only: a compact grid of names with a tick
 * beside each one that answered (never which option), in roster order so that names do not jump.
 * A big room shows the first MAX_TICKS names and a count of the rest. Each name also has the
 * extra-time control (a grant counts from the next question). Opened from the host bar;
 * it lies over the stage, so the projector's layout does not change.
 */
import { useMemo } from 'react';
import type { ClientView } from '../../shared/client/client-view';
import { PlayerName } from '../components/player-name';
import { ExtraTimeToggle } from '../extra-time/extra-time-toggle';
import { useT } from '../i18n';
import './answered-ticks.css';

/** More names than this are counted, not shown. */
export const MAX_TICKS = 60;

export function AnsweredTicks({ game, id }: { game: ClientView; id: string }) {
  const t = useT();
  const answered = useMemo(() => new Set(game.answeredIds), [game.answeredIds]);
  const shown = game.players.slice(0, MAX_TICKS);
  const rest = game.players.length - shown.length;
  let restAnswered = 0;
  if (rest > 0) for (const p of game.players.slice(MAX_TICKS)) if (answered.has(p.id)) restAnswered++;
  return (
    <section id={id} className="answered-ticks" aria-label={t('extraTime.ticksTitle')}>
      <ul className="answered-ticks__grid">
        {shown.map((p) => {
          const done = answered.has(p.id);
          return (
            <li key={p.id} className={`answered-tick${done ? ' is-answered' : ''}`} data-player={p.id}>
              <span className="answered-tick__mark" aria-hidden="true">
                {done ? '✓' : ''}
              </span>
              <PlayerName className="answered-tick__name" name={p.name} />
              <span className="visually-hidden">
                {' '}
                {done ? t('extraTime.tickAnswered') : t('extraTime.tickWaiting')}
              </span>
              <ExtraTimeToggle player={p} />
            </li>
          );
        })}
      </ul>
      {rest > 0 ? (
        <p className="answered-ticks__more">
          {t('extraTime.ticksMore', { count: rest, answered: restAnswered })}
        </p>
      ) : null}
    </section>
  );
}
