/**
 * Leaderboard between questions: the top five sliding into their new ranks with the round's
 * points and moves, call-outs for a long streak and a big climb, and your own place when you are
 * not among the top five.
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
import './leaderboard-screen.css';

interface LeaderboardProps {
  state: AppState;
  game: ClientView;
  me: ClientView | null;
  round: RoundView | null;
}

export function LeaderboardScreen({ state, game, me, round }: LeaderboardProps) {
  const you = me?.you ?? null;
  const inTop = !!you && game.top.some((r) => r.id === you.id);
  const q = game.question;
  const isHost = game.role === 'host';
  const callouts = isHost ? (round?.callouts ?? []) : [];
  return (
    <section className="screen leaderboard">
      <div className="leaderboard__head">
        <ScreenHeading>Leaderboard</ScreenHeading>
        {q ? (
          <p className="lead">
            After question {q.index + 1} of {q.count}
          </p>
        ) : null}
      </div>
      {callouts.length > 0 ? <Callouts callouts={callouts} /> : null}
      <div className="leaderboard__table">
        <LeaderTable
          rows={game.top}
          youId={you?.id}
          caption="Top five players"
          large={isHost}
          changes={round?.changes ?? null}
        />
      </div>
      {you && !inTop && you.rank !== null ? (
        <p className="your-place card">
          You are <strong>{ordinal(you.rank)}</strong> with{' '}
          <strong>{you.score.toLocaleString('en-US')}</strong> points. Keep going!
        </p>
      ) : null}
      <NextControl
        game={game}
        clockOffset={state.clockOffset}
        nextLabel="Next question"
        totalMs={game.settings.leaderboardSeconds * 1000}
      />
    </section>
  );
}

function Callouts({ callouts }: { callouts: Callout[] }) {
  return (
    <ul className="callouts" aria-label="Highlights">
      {callouts.map((c) => (
        <li key={c.kind} className={`callout callout--${c.kind}`}>
          {c.kind === 'streak' ? (
            <>
              <FlameIcon />
              <span>
                <strong>
                  <PlayerName name={c.name} />
                </strong>{' '}
                is on fire: {c.streak} right in a row
              </span>
            </>
          ) : (
            <>
              <RocketIcon />
              <span>
                <strong>
                  <PlayerName name={c.name} />
                </strong>{' '}
                climbs {c.places} places to {ordinal(c.rank)}
              </span>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
