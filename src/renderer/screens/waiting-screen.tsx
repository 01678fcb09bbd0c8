/**
 * A player who joined after the game started: they are in for the next game. The phone says so,
 * with the room's name and how far the game in progress has come, and offers to leave.
 */
import type { ClientView } from '../../shared/client/client-view';
import { useApi } from '../api/api-context';
import { PlayerName } from '../components/player-name';
import { ScreenHeading } from '../components/screen-heading';
import './waiting-screen.css';

function now(game: ClientView): string {
  if (game.phase === 'finished') return 'This game is over. The next one starts when the host says so.';
  const q = game.question;
  if (q) return `The game in progress is at question ${q.index + 1} of ${q.count}.`;
  return 'A game is in progress.';
}

export function WaitingScreen({ game, name }: { game: ClientView; name: string }) {
  const api = useApi();
  return (
    <section className="screen screen--center waiting">
      <p className="waiting__room">{game.room?.name}</p>
      <ScreenHeading>
        You’re in for the next game, <PlayerName name={name} />!
      </ScreenHeading>
      <p className="lead">Keep this page open: you join as soon as the host starts the next game.</p>
      <div className="card card--glass waiting__status" role="status">
        <p>{now(game)}</p>
        {game.waitingCount > 1 ? <p>{game.waitingCount - 1} others are waiting with you.</p> : null}
      </div>
      <button type="button" className="btn btn--ghost btn--small" onClick={() => api.leave()}>
        Leave the room
      </button>
    </section>
  );
}
