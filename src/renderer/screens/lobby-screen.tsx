/**
 * Lobby: players arriving. The host sees where to join (URL, QR code, PIN), who is in (a search
 * box, extra time and a remove button each, one to remove everyone disconnected; with teams, each
 * one's team and Balance teams), the start rule, Start and the settings. Players see that they are
 * in (and their team, or the teams to pick from), and may leave. Everyone sees the countdown; the host may
 * cancel it.
 */
import { useState } from 'react';
import type { ClientView } from '../../shared/client/client-view';
import type { AppState } from '../../shared/api/quiz-api';
import { useApi } from '../api/api-context';
import { useRemainingMs } from '../api/use-host-clock';
import { OptionShape } from '../components/option-shape';
import { PlayerName } from '../components/player-name';
import { matchingNames } from '../components/search-key';
import { QrCode } from '../components/qr-code';
import { NetworkPanel } from '../network/network-panel';
import { ScreenHeading } from '../components/screen-heading';
import { SettingsPanel } from '../components/settings-panel';
import { useIntl } from 'react-intl';
import { Message, bold, useT, type Translate } from '../i18n';
import { ExtraTimeToggle } from '../extra-time/extra-time-toggle';
import { TeamBadge } from '../teams/team-badge';
import { TeamPicker } from '../teams/team-picker';
import { TeamSwitch } from '../teams/team-switch';
import { IdentityPrompt } from '../roster/identity-prompt';
import { PlayerIdentity, RosterPresence } from '../roster/roster-lobby';
import { joinLink } from './join-link';
import './lobby-screen.css';

interface LobbyProps {
  state: AppState;
  game: ClientView;
  me: ClientView | null;
}

/** More names than this are summarized: a projector cannot show thousands of chips. */
const MAX_CHIPS = 120;

function startRule(game: ClientView, t: Translate): string {
  const need = game.settings.minPlayers;
  if (need === 0) return game.role === 'host' ? t('lobby.hostWillStart') : t('lobby.playerWillStart');
  const missing = Math.max(0, need - game.connectedCount);
  if (missing === 0) return t('lobby.starting');
  return t('lobby.startsByItself', { need, missing });
}

export function LobbyScreen({ state, game, me }: LobbyProps) {
  if (game.phase === 'countdown') return <Countdown state={state} game={game} />;
  return game.role === 'host' ? <HostLobby game={game} me={me} /> : <PlayerLobby game={game} me={me} />;
}

/**
 * The countdown was set off by the automatic start rather than the host's Start: the rule is on
 * and enough players are here (the host's Start is only needed below that number).
 */
function startedByItself(game: ClientView): boolean {
  const need = game.settings.minPlayers;
  return game.phase === 'countdown' && need > 0 && game.connectedCount >= need;
}

function Countdown({ state, game }: { state: AppState; game: ClientView }) {
  const api = useApi();
  const t = useT();
  const intl = useIntl();
  const remaining = useRemainingMs(game.endsAt, state.clockOffset, 100);
  const seconds = Math.max(1, Math.ceil(remaining / 1000));
  const auto = startedByItself(game);
  return (
    <section className="screen screen--center countdown">
      <p className="countdown__quiz">{game.quiz?.title}</p>
      {auto ? (
        <p className="countdown__auto" role="status">
          {t('lobby.autoStarted', { count: game.connectedCount })}
        </p>
      ) : null}
      <ScreenHeading className="countdown__title">{t('lobby.getReady')}</ScreenHeading>
      <div className="countdown__number" key={seconds} aria-hidden="true">
        {intl.formatNumber(seconds)}
      </div>
      <p className="visually-hidden">{t('lobby.opensIn', { seconds })}</p>
      <p className="lead">{game.quiz ? t('lobby.beQuick', { count: game.quiz.questionCount }) : null}</p>
      {game.role === 'host' ? (
        <div className="countdown__cancel">
          <button type="button" className="btn btn--secondary" onClick={() => api.cancelStart()}>
            {t('lobby.cancelStart')}
          </button>
          <p className="countdown__hint">{t('lobby.cancelHint')}</p>
        </div>
      ) : auto ? (
        <div className="countdown__cancel">
          <p className="countdown__hint">{t('lobby.holdBack')}</p>
        </div>
      ) : null}
    </section>
  );
}

function PlayerLobby({ game, me }: { game: ClientView; me: ClientView | null }) {
  const api = useApi();
  const t = useT();
  const others = Math.max(0, game.playerCount - 1);
  return (
    <section className="screen screen--center lobby-player">
      <div className="lobby-player__shapes" aria-hidden="true">
        {[0, 1, 2, 3].map((i) => (
          <span key={i} className={`lobby-player__shape opt-${i}`}>
            <OptionShape index={i} />
          </span>
        ))}
      </div>
      <ScreenHeading>
        {me?.you ? (
          <Message id="lobby.youreInName" values={{ name: <PlayerName name={me.you.name} /> }} />
        ) : (
          t('lobby.youreIn')
        )}
      </ScreenHeading>
      {me?.you?.identity ? (
        <p className="lobby-player__identity">
          <Message id="roster.chosen" values={{ name: <bdi>{me.you.identity}</bdi>, b: bold }} />
        </p>
      ) : null}
      {me ? <IdentityPrompt me={me} /> : null}
      <p className="lead">{t('lobby.lookForName')}</p>
      <TeamPicker game={game} team={me?.you?.team} />
      <div className="card card--glass lobby-player__status" role="status">
        <p className="lobby-player__count">{t('lobby.othersJoined', { others })}</p>
        <p>{startRule(game, t)}</p>
      </div>
      {game.quiz ? (
        <p className="lobby-player__quiz">
          <Message
            id="lobby.quizLine"
            values={{ title: game.quiz.title, count: game.quiz.questionCount, b: bold }}
          />
        </p>
      ) : null}
      <button type="button" className="btn btn--ghost btn--small" onClick={() => api.leave()}>
        {t('lobby.leaveRoom')}
      </button>
    </section>
  );
}

/** "192.168.1.20:7420" that may break before the port but never inside a number. */
function JoinAddress({ url }: { url: string }) {
  const text = url.replace(/^https?:\/\//, '').replace(/\/$/, '');
  const colon = text.lastIndexOf(':');
  if (colon <= 0 || text.endsWith(']')) return <span className="nowrap">{text}</span>;
  return (
    <>
      <span className="nowrap">{text.slice(0, colon)}</span>
      <wbr />
      <span className="nowrap">{text.slice(colon)}</span>
    </>
  );
}

function HostLobby({ game, me }: { game: ClientView; me: ClientView | null }) {
  const api = useApi();
  const t = useT();
  const [query, setQuery] = useState('');
  const urls = game.access?.joinUrls ?? [];
  const primary = urls[0] ?? null;
  const pin = game.access?.pin ?? null;
  const players = game.players;
  // The host finds a player by nickname or by who they are (their class-list name or identifier).
  const found = matchingNames(players, query, (p) => (p.identity ? `${p.name} ${p.identity}` : p.name));
  const shown = found.slice(0, MAX_CHIPS);
  const offline = players.reduce((n, p) => n + (p.connected ? 0 : 1), 0);
  return (
    <section className="screen lobby-host">
      <div className="lobby-host__join card card--light">
        <p className="lobby-host__kicker">{t('lobby.joinOn')}</p>
        {primary ? (
          <>
            <p className="lobby-host__url">
              <JoinAddress url={primary} />
            </p>
            <QrCode
              className="lobby-host__qr"
              text={joinLink(primary, pin)}
              label={t(pin ? 'lobby.qrLabelPin' : 'lobby.qrLabel', { url: primary })}
            />
            {urls.length > 1 ? (
              <details className="lobby-host__more">
                <summary>{t('lobby.otherAddresses')}</summary>
                <ul>
                  {urls.slice(1).map((u) => (
                    <li key={u}>{u}</li>
                  ))}
                </ul>
              </details>
            ) : null}
          </>
        ) : (
          <p>{t('lobby.fromApp')}</p>
        )}
        {pin ? (
          <p className="lobby-host__pin">
            <Message id="lobby.pinLine" values={{ pin, b: bold }} />
          </p>
        ) : null}
      </div>

      <div className="lobby-host__main">
        <div className="lobby-host__title">
          <ScreenHeading>{game.quiz?.title ?? t('lobby.quizFallback')}</ScreenHeading>
          <p className="lead">
            {t('lobby.quizMeta', {
              count: game.quiz?.questionCount ?? 0,
              seconds: game.settings.questionSeconds,
            })}
          </p>
        </div>
        <div className="lobby-host__players card card--glass">
          <div className="lobby-host__players-head">
            <h2>
              {t('lobby.players')} <span className="count-badge">{players.length}</span>
            </h2>
            {players.length > 0 ? (
              <div className="lobby-host__tools">
                <input
                  type="search"
                  className="lobby-host__search"
                  placeholder={t('lobby.findPlayer')}
                  aria-label={t('lobby.findPlayerLabel')}
                  value={query}
                  onChange={(e) => setQuery(e.target.value)}
                />
                {offline > 0 ? (
                  <button
                    type="button"
                    className="btn btn--ghost btn--small"
                    onClick={() => api.removeDisconnected()}
                  >
                    {t('lobby.removeOffline', { count: offline })}
                  </button>
                ) : null}
                {query.trim() && found.length > 0 ? (
                  <p className="lobby-host__found" role="status">
                    {t('lobby.matches', { found: found.length, total: players.length })}
                  </p>
                ) : null}
              </div>
            ) : null}
          </div>
          {game.settings.teamMode === 'teams' && players.length > 0 ? <TeamSizes game={game} /> : null}
          <RosterPresence game={game} />
          {players.length === 0 ? (
            <p className="lobby-host__empty">
              <span className="spinner" aria-hidden="true" /> {t('lobby.waitingPlayers')}
            </p>
          ) : found.length === 0 ? (
            <p className="lobby-host__empty" role="status">
              {t('lobby.noMatch', { query: query.trim() })}
            </p>
          ) : (
            <ul className="player-chips" aria-live="polite" aria-relevant="additions">
              {shown.map((p) => (
                <li
                  key={p.id}
                  className={`player-chip${p.connected ? '' : ' is-offline'}${me?.you?.id === p.id ? ' is-you' : ''}`}
                >
                  <PlayerName className="player-chip__name" name={p.name} />
                  {!p.connected ? <span className="visually-hidden"> {t('lobby.disconnected')}</span> : null}
                  {game.settings.teamMode === 'teams' ? (
                    <TeamSwitch player={p} count={game.settings.teamCount} />
                  ) : null}
                  <PlayerIdentity player={p} roster={game.settings.identity === 'roster'} />
                  <ExtraTimeToggle player={p} />
                  <button
                    type="button"
                    className="player-chip__kick"
                    aria-label={t('lobby.remove', { name: p.name })}
                    onClick={() => api.kick(p.id)}
                  >
                    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                      <path
                        d="M6 6l12 12M18 6L6 18"
                        stroke="currentColor"
                        strokeWidth="2.5"
                        strokeLinecap="round"
                      />
                    </svg>
                  </button>
                  <button
                    type="button"
                    className="player-chip__kick player-chip__block"
                    aria-label={t('lobby.removeBlock', { name: p.name })}
                    title={t('lobby.removeBlockTitle')}
                    onClick={() => api.kick(p.id, true)}
                  >
                    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                      <circle cx="12" cy="12" r="8" fill="none" stroke="currentColor" strokeWidth="2.5" />
                      <path
                        d="M6.5 17.5l11-11"
                        stroke="currentColor"
                        strokeWidth="2.5"
                        strokeLinecap="round"
                      />
                    </svg>
                  </button>
                </li>
              ))}
              {found.length > shown.length ? (
                <li className="player-chip player-chip--more">
                  {t(query.trim() ? 'lobby.andMore' : 'lobby.andMoreFind', {
                    count: found.length - shown.length,
                  })}
                </li>
              ) : null}
            </ul>
          )}
        </div>
        <div className="lobby-host__actions">
          <p className="lobby-host__rule">{startRule(game, t)}</p>
          <button
            type="button"
            className="btn btn--primary btn--large"
            disabled={players.length === 0}
            onClick={() => api.start()}
          >
            {t('lobby.startGame')}
          </button>
        </div>
        <SettingsPanel settings={game.settings} />
        <NetworkPanel hosting />
      </div>
    </section>
  );
}

/** The host's line of teams in the lobby: each team and how many are in it, and Balance teams. */
function TeamSizes({ game }: { game: ClientView }) {
  const api = useApi();
  const t = useT();
  const intl = useIntl();
  return (
    <ul className="lobby-host__teams" aria-label={t('teams.sizes')}>
      {Array.from({ length: game.settings.teamCount }, (_, i) => (
        <li key={i}>
          <TeamBadge team={i} /> {intl.formatNumber(game.teamSizes[i] ?? 0)}
        </li>
      ))}
      <li>
        <button
          type="button"
          className="btn btn--ghost btn--small"
          title={t('teams.balanceHint')}
          onClick={() => api.balanceTeams()}
        >
          {t('teams.balance')}
        </button>
      </li>
    </ul>
  );
}
