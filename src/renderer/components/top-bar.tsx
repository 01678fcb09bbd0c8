/**
 * The strip above every in-room screen: the room, where the game is, and who you are (your name
 * and score, or "Host" with the number of players). Desktop sessions also get Leave, or Close room
 * (in two steps) when this app hosts the room.
 */
import { useIntl } from 'react-intl';
import type { ClientView } from '../../shared/client/client-view';
import type { AppState } from '../../shared/api/quiz-api';
import { useApi, useDesktop } from '../api/api-context';
import { VibrationToggle } from '../phone/vibration-toggle';
import { Message, useT, type Translate } from '../i18n';
import { LanguageSwitch } from './language-switch';
import { Brand } from './brand';
import { CloseRoomButton } from './close-room-button';
import { PlayerName } from './player-name';
import './top-bar.css';

function progress(game: ClientView, t: Translate): string | null {
  const q = game.question;
  if (!q || game.phase === 'lobby' || game.phase === 'countdown') return null;
  if (game.phase === 'finished') return t('room.finalResults');
  return t('room.questionOf', { number: q.index + 1, count: q.count });
}

export function TopBar({ state, game }: { state: AppState; game: ClientView }) {
  const api = useApi();
  const desktop = useDesktop();
  const t = useT();
  const intl = useIntl();
  const step = progress(game, t);
  const me = game.role === 'player' ? game.you : (state.player?.you ?? null);
  return (
    <header className="top-bar">
      <Brand />
      <div className="top-bar__room">
        <span className="top-bar__room-name">{game.room?.name}</span>
        {step ? <span className="top-bar__step">{step}</span> : null}
      </div>
      <div className="top-bar__me">
        {game.role === 'host' ? (
          <span className="chip chip--host">{t('room.hostChip', { count: game.connectedCount })}</span>
        ) : null}
        {game.role === 'player' ? <VibrationToggle /> : null}
        {game.role === 'player' ? <LanguageSwitch id="play-language" compact /> : null}
        {me ? (
          <span className="chip chip--me">
            {/* Read as one sentence ("You are Ada, score 1,200"); seen as the name and the score. */}
            <Message
              id="room.youAre"
              values={{
                h: (chunks) => <span className="visually-hidden">{chunks}</span>,
                name: <PlayerName className="chip__name" name={me.name} />,
                score: <span className="chip__score">{intl.formatNumber(me.score)}</span>,
              }}
            />
          </span>
        ) : null}
        {desktop?.state.hosting ? (
          <CloseRoomButton api={desktop.api} />
        ) : desktop ? (
          <button type="button" className="btn btn--ghost btn--small" onClick={() => api.leave()}>
            {t('room.leave')}
          </button>
        ) : null}
      </div>
    </header>
  );
}
