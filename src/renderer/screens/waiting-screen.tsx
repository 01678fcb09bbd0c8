/**
 * A player who joined after the game started: they are in for the next game. The phone says so,
 * with the room's name and how far the game in progress has come, and offers to leave.
 */
import type { ClientView } from '../../shared/client/client-view';
import { useApi } from '../api/api-context';
import { ScreenHeading } from '../components/screen-heading';
import { PlayerName } from '../components/player-name';
import { Message, useT, type Translate } from '../i18n';
import './waiting-screen.css';

function now(game: ClientView, t: Translate): string {
  if (game.phase === 'finished') return t('room.waitingOver');
  const q = game.question;
  if (q) return t('room.waitingAt', { number: q.index + 1, count: q.count });
  return t('room.waitingInProgress');
}

export function WaitingScreen({ game, name }: { game: ClientView; name: string }) {
  const api = useApi();
  const t = useT();
  return (
    <section className="screen screen--center waiting">
      <p className="waiting__room">{game.room?.name}</p>
      <ScreenHeading>
        <Message id="room.waitingTitle" values={{ name: <PlayerName name={name} /> }} />
      </ScreenHeading>
      <p className="lead">{t('room.waitingLead')}</p>
      <div className="card card--glass waiting__status" role="status">
        <p>{now(game, t)}</p>
        {game.waitingCount > 1 ? <p>{t('room.waitingOthers', { count: game.waitingCount - 1 })}</p> : null}
      </div>
      <button type="button" className="btn btn--ghost btn--small" onClick={() => api.leave()}>
        {t('room.leaveRoom')}
      </button>
    </section>
  );
}
