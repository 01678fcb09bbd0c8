/**
 * Final. The projector plays the podium: third, then second, then (after a drum roll) the winner
 * with confetti, centred for one to three players; beside it the next few places, never the whole
 * class (the host opens the full standings from the host bar, and they are in the exports); with
 * teams, the winning team and the teams' table once the winner is shown. A player's screen names
 * their place, with a medal and a summary for the podium, and where their team finished.
 */
import { useCallback, useState } from 'react';
import type { ClientView } from '../../shared/client/client-view';
import type { LeaderRow, SessionRow } from '../../shared/protocol';
import { LeaderTable, ordinal } from '../components/leader-table';
import { PlayerName } from '../components/player-name';
import { ScreenHeading } from '../components/screen-heading';
import { Confetti } from '../motion/confetti';
import { usePodiumReveal } from '../motion/use-podium-reveal';
import { useIntl } from 'react-intl';
import { Message, bold, useT, type MessageId } from '../i18n';
import { TeamPlace, TeamTable } from '../teams/team-table';
import { teamName } from '../teams/team-name';
import './final-screen.css';

interface FinalProps {
  game: ClientView;
  me: ClientView | null;
}

/** Places after the podium that the projector lists. */
const MORE_ROWS = 5;
/** Rows of the final table a player's screen shows (the host sends ten). */
const PHONE_ROWS = 5;

/** Names longer than this get a smaller size on the podium, so a name of wide letters fits in two or three lines. */
const LONG_NAME = 16;

export function FinalScreen({ game, me }: FinalProps) {
  const t = useT();
  const isHost = game.role === 'host';
  const rows = isHost && game.standings.length > 0 ? game.standings : game.top;
  const podium = rows.slice(0, 3);
  const reveal = usePodiumReveal(podium.length);
  const [confetti, setConfetti] = useState(true);
  const confettiDone = useCallback(() => setConfetti(false), []);
  const winner = rows[0];
  const you = me?.you ?? null;
  const heading = !winner ? (
    t('results.gameOver')
  ) : reveal.winner ? (
    <Message id="results.wins" values={{ name: <PlayerName name={winner.name} /> }} />
  ) : (
    t('results.winnerIs')
  );
  return (
    <section className={`screen final ${isHost ? 'final--host' : 'final--player'}`}>
      <div className="final__head">
        <p className="final__kicker">
          {game.quiz ? t('results.quizFinal', { quiz: game.quiz.title }) : t('results.finalResults')}
        </p>
        <ScreenHeading className="final__title">{heading}</ScreenHeading>
      </div>
      {isHost && game.waitingCount > 0 ? (
        <p className="final__waiting" role="status">
          {t('results.latecomers', { count: game.waitingCount })}
        </p>
      ) : null}
      {isHost ? (
        <div
          className={`final__body${rows.length > 3 || game.teams.length > 0 || game.session.length > 0 ? ' has-more' : ''}`}
        >
          {podium.length > 0 ? <Podium rows={podium} shown={reveal.shown} youId={you?.id ?? null} /> : null}
          {rows.length > 3 || game.teams.length > 0 || game.session.length > 0 ? (
            <div className="final__more">
              {game.teams.length > 0 && reveal.winner ? (
                <>
                  <h2>{t('teams.winningTeam', { team: teamName(t, game.teams[0]!.team) })}</h2>
                  <TeamTable rows={game.teams} large />
                </>
              ) : null}
              {game.session.length > 0 && reveal.winner ? (
                <>
                  <h2>{t('results.sessionTitle')}</h2>
                  <LeaderTable
                    rows={sessionLeaderRows(game.session).slice(0, game.teams.length > 0 ? 3 : MORE_ROWS)}
                    youId={you?.id}
                    caption={t('results.sessionCaption')}
                  />
                </>
              ) : rows.length > 3 ? (
                <>
                  <h2>{t('results.alsoOnBoard')}</h2>
                  <LeaderTable
                    rows={rows.slice(3, 3 + (game.teams.length > 0 ? 3 : MORE_ROWS))}
                    youId={you?.id}
                    caption={t('results.nextPlaces')}
                  />
                </>
              ) : null}
            </div>
          ) : null}
        </div>
      ) : (
        <PlayerFinal game={game} you={you} revealed={reveal.winner} />
      )}
      {reveal.winner && confetti && podium.length > 0 ? <Confetti onDone={confettiDone} /> : null}
    </section>
  );
}

function Podium({ rows, shown, youId }: { rows: LeaderRow[]; shown: boolean[]; youId: string | null }) {
  const t = useT();
  const intl = useIntl();
  return (
    <ol className={`podium podium--${rows.length}`} aria-label={t('results.podium')}>
      {rows.map((r, i) => (
        <li
          key={r.id}
          className={`podium__place podium__place--${i + 1}${shown[i] ? ' is-shown' : ''}${r.id === youId ? ' is-you' : ''}`}
        >
          <PlayerName
            className={`podium__name${[...r.name].length > LONG_NAME ? ' podium__name--long' : ''}`}
            name={r.name}
          />
          <span className="podium__score">
            {t('results.podiumPoints', { points: intl.formatNumber(r.score) })}
          </span>
          <span className="podium__block" aria-hidden="true">
            <span className="podium__rank">{i + 1}</span>
          </span>
          <span className="visually-hidden">{t('results.place', { rank: ordinal(t, i + 1) })}</span>
        </li>
      ))}
    </ol>
  );
}

function PlayerFinal({
  game,
  you,
  revealed,
}: {
  game: ClientView;
  you: ClientView['you'];
  revealed: boolean;
}) {
  const t = useT();
  const intl = useIntl();
  const mine = you ? game.top.find((r) => r.id === you.id) : undefined;
  const podium = !!you && you.rank !== null && you.rank <= 3;
  return (
    <div className="final__mine">
      {you && you.rank !== null ? (
        revealed ? (
          <div className={`final-card card${podium ? ' final-card--medal' : ''}`}>
            {podium ? <Medal rank={you.rank} /> : null}
            <p className="final-card__place">
              <Message
                id="results.youFinished"
                values={{
                  rank: ordinal(t, you.rank),
                  count: intl.formatNumber(game.playerCount),
                  b: bold,
                  of: (chunks) => <span className="final-card__of">{chunks}</span>,
                }}
              />
            </p>
            <p className="final-card__summary">
              {mine && game.quiz ? (
                <Message
                  id="results.yourPointsRight"
                  values={{
                    points: intl.formatNumber(you.score),
                    correct: intl.formatNumber(mine.correct),
                    count: intl.formatNumber(game.quiz.questionCount),
                    b: bold,
                  }}
                />
              ) : (
                <Message id="results.yourPoints" values={{ points: intl.formatNumber(you.score), b: bold }} />
              )}
            </p>
          </div>
        ) : (
          <p className="final-card final-card--wait card card--glass">{t('results.drumRoll')}</p>
        )
      ) : null}
      {revealed && game.teams.length > 0 ? <TeamPlace rows={game.teams} team={you?.team} /> : null}
      {revealed && you?.session ? (
        <p className="final-card__session card card--glass">
          <Message
            id="results.yourSession"
            values={{
              games: you.session.games,
              points: intl.formatNumber(you.session.total),
              rank: ordinal(t, you.session.rank),
              count: intl.formatNumber(game.playerCount),
              b: bold,
            }}
          />
        </p>
      ) : null}
      {revealed && game.teams.length === 0 ? (
        <div className="final__table">
          <h2>{t('results.topPlayers')}</h2>
          <LeaderTable
            rows={game.top.slice(0, PHONE_ROWS)}
            youId={you?.id}
            caption={t('results.topPlayers')}
          />
        </div>
      ) : null}
      <p className="final__wait">{t('results.thanks')}</p>
    </div>
  );
}

const MEDALS: readonly MessageId[] = ['results.medalGold', 'results.medalSilver', 'results.medalBronze'];

function Medal({ rank }: { rank: number }) {
  const t = useT();
  const medal = MEDALS[rank - 1];
  return (
    <svg
      className={`medal medal--${rank}`}
      viewBox="0 0 64 80"
      role="img"
      aria-label={medal ? t(medal) : undefined}
    >
      <path d="M18 2h12l8 26H26zM34 2h12l-8 26h-12z" className="medal__ribbon" />
      <circle cx="32" cy="50" r="24" className="medal__disc" />
      <circle cx="32" cy="50" r="18" className="medal__face" />
      <text x="32" y="58" textAnchor="middle" className="medal__rank">
        {rank}
      </text>
    </svg>
  );
}

/** The session's table as leaderboard rows (its total in the score column). */
function sessionLeaderRows(rows: readonly SessionRow[]): LeaderRow[] {
  return rows.map((r) => ({
    rank: r.rank,
    id: r.id,
    name: r.name,
    score: r.total,
    correct: 0,
    connected: true,
  }));
}
