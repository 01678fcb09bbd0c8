/**
 * Leaderboard between questions: the top five sliding into their new ranks with the round's
 * points and moves, call-outs for a long streak and a big climb, and your own place when you are
 * not among the top five. With teams the projector shows the teams' table beside it, and a phone
 * where its team stands.
 */
import type { ClientView } from '../../shared/client/client-view';
import type { AppState } from '../../shared/api/quiz-api';
import { LeaderTable, ordinal } from '../components/leader-table';
import { FlameIcon, RocketIcon } from '../components/icons';
import { PlayerName } from '../components/player-name';
import { NextControl } from '../components/next-control';
import { ScreenHeading } from '../components/screen-heading';
import type { Callout } from '../standings/round-changes';
import type { RoundView } from '../standings/use-round-changes';
import { useIntl } from 'react-intl';
import { Message, bold, useT } from '../i18n';
import { TeamPlace, TeamTable } from '../teams/team-table';
import './leaderboard-screen.css';

interface LeaderboardProps {
  state: AppState;
  game: ClientView;
  me: ClientView | null;
  round: RoundView | null;
}

export function LeaderboardScreen({ state, game, me, round }: LeaderboardProps) {
  const t = useT();
  const intl = useIntl();
  const you = me?.you ?? null;
  const inTop = !!you && game.top.some((r) => r.id === you.id);
  const q = game.question;
  const isHost = game.role === 'host';
  const callouts = isHost ? (round?.callouts ?? []) : [];
  return (
    <section className="screen leaderboard">
      <div className="leaderboard__head">
        <ScreenHeading>{t('results.leaderboard')}</ScreenHeading>
        {q ? (
          <p className="lead">{t('results.afterQuestion', { number: q.index + 1, count: q.count })}</p>
        ) : null}
      </div>
      {callouts.length > 0 ? <Callouts callouts={callouts} /> : null}
      <div className={`leaderboard__table${isHost && game.teams.length > 0 ? ' has-teams' : ''}`}>
        <LeaderTable
          rows={game.top}
          youId={you?.id}
          caption={t('results.topFive')}
          large={isHost}
          changes={round?.changes ?? null}
        />
        {isHost && game.teams.length > 0 ? (
          <div className="leaderboard__teams">
            <h2>{t('teams.tableTitle')}</h2>
            <TeamTable rows={game.teams} large />
          </div>
        ) : null}
      </div>
      {!isHost && game.teams.length > 0 ? <TeamPlace rows={game.teams} team={you?.team} /> : null}
      {you && !inTop && you.rank !== null ? (
        <p className="your-place card">
          <Message
            id="results.youAreAt"
            values={{ rank: ordinal(t, you.rank), points: intl.formatNumber(you.score), b: bold }}
          />
        </p>
      ) : null}
      <NextControl
        game={game}
        clockOffset={state.clockOffset}
        nextLabel={t('results.nextQuestion')}
        totalMs={game.settings.leaderboardSeconds * 1000}
      />
    </section>
  );
}

function Callouts({ callouts }: { callouts: Callout[] }) {
  const t = useT();
  const intl = useIntl();
  return (
    <ul className="callouts" aria-label={t('results.highlights')}>
      {callouts.map((c) => (
        <li key={c.kind} className={`callout callout--${c.kind}`}>
          {c.kind === 'streak' ? (
            <>
              <FlameIcon />
              <span>
                <Message
                  id="results.onFire"
                  values={{
                    name: <PlayerName name={c.name} />,
                    streak: intl.formatNumber(c.streak),
                    b: bold,
                  }}
                />
              </span>
            </>
          ) : (
            <>
              <RocketIcon />
              <span>
                <Message
                  id="results.climbs"
                  values={{
                    name: <PlayerName name={c.name} />,
                    places: c.places,
                    rank: ordinal(t, c.rank),
                    b: bold,
                  }}
                />
              </span>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
