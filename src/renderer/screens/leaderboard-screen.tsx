/** Leaderboard between questions: the top five, and your own place when you are not among them. */
import type { ClientView } from '../../shared/client/client-view';
import type { AppState } from '../../shared/api/quiz-api';
import { LeaderTable, ordinal } from '../components/leader-table';
import { NextControl } from '../components/next-control';
import { ScreenHeading } from '../components/screen-heading';
import './leaderboard-screen.css';

interface LeaderboardProps {
  state: AppState;
  game: ClientView;
  me: ClientView | null;
}

export function LeaderboardScreen({ state, game, me }: LeaderboardProps) {
  const you = me?.you ?? null;
  const inTop = !!you && game.top.some((r) => r.id === you.id);
  const q = game.question;
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
      <LeaderTable rows={game.top} youId={you?.id} caption="Top five players" large={game.role === 'host'} />
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
        buttonLabel="Next question"
        totalMs={game.settings.leaderboardSeconds * 1000}
      />
    </section>
  );
}
