/**
 * Moving on between questions: when the game moves on by itself, a small countdown to the next
 * step; the host also gets a button to go now (the only way when auto-advance is off).
 */
import type { ClientView } from '../../shared/client/client-view';
import { useApi } from '../api/api-context';
import { TimeBar } from './time-bar';
import { EndGameButton } from './end-game-button';

interface NextControlProps {
  game: ClientView;
  clockOffset: number;
  /** What comes next, e.g. "Leaderboard". */
  nextLabel: string;
  /** The host's button text, e.g. "Show leaderboard". */
  buttonLabel: string;
  totalMs: number;
}

export function NextControl({ game, clockOffset, nextLabel, buttonLabel, totalMs }: NextControlProps) {
  const api = useApi();
  const isHost = game.role === 'host';
  return (
    <div className="next-control">
      {game.endsAt !== null ? (
        <TimeBar
          deadline={game.endsAt}
          totalMs={totalMs}
          clockOffset={clockOffset}
          label={`${nextLabel} in`}
          size="small"
        />
      ) : !isHost ? (
        <p className="next-control__wait">Waiting for the host to continue…</p>
      ) : null}
      {isHost ? (
        <div className="next-control__buttons">
          <button type="button" className="btn btn--primary btn--large" onClick={() => api.next()}>
            {buttonLabel}
          </button>
          <EndGameButton />
        </div>
      ) : null}
    </div>
  );
}
