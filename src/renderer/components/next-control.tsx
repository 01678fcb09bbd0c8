/**
 * Moving on between questions: when the game moves on by itself, a countdown to the next step;
 * otherwise players are told the host will continue. (The host's button for it is in the host bar.)
 */
import type { ClientView } from '../../shared/client/client-view';
import { useT } from '../i18n';
import { TimeBar } from './time-bar';
import './next-control.css';

interface NextControlProps {
  game: ClientView;
  clockOffset: number;
  /** What comes next, e.g. "Leaderboard". */
  nextLabel: string;
  totalMs: number;
}

export function NextControl({ game, clockOffset, nextLabel, totalMs }: NextControlProps) {
  const t = useT();
  if (game.endsAt !== null)
    return (
      <div className="next-control">
        <TimeBar
          deadline={game.endsAt}
          totalMs={totalMs}
          clockOffset={clockOffset}
          label={nextLabel}
          size="small"
        />
      </div>
    );
  if (game.role === 'host') return null;
  return (
    <div className="next-control">
      <p className="next-control__wait">{t('play.waitHost')}</p>
    </div>
  );
}
