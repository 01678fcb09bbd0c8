/**
 * Final: a podium for the top three, your own place, and the table (the full standings for the
 * host). The host can export the results as CSV and start another game.
 */
import { useState } from 'react';
import type { ClientView } from '../../shared/client/client-view';
import type { AppState } from '../../shared/api/quiz-api';
import type { LeaderRow } from '../../shared/protocol';
import { useApi } from '../api/api-context';
import { LeaderTable, ordinal } from '../components/leader-table';
import { PlayerName } from '../components/player-name';
import { ScreenHeading } from '../components/screen-heading';
import './final-screen.css';

interface FinalProps {
  state: AppState;
  game: ClientView;
  me: ClientView | null;
}

export function FinalScreen({ state, game, me }: FinalProps) {
  const isHost = game.role === 'host';
  const rows = isHost && game.standings.length > 0 ? game.standings : game.top;
  const winner = rows[0];
  const you = me?.you ?? null;
  return (
    <section className="screen final">
      <div className="final__head">
        <p className="final__kicker">{game.quiz?.title} · Final results</p>
        <ScreenHeading>
          {winner ? (
            <>
              <PlayerName name={winner.name} /> wins!
            </>
          ) : (
            'Game over'
          )}
        </ScreenHeading>
      </div>
      {rows.length > 0 ? <Podium rows={rows.slice(0, 3)} youId={you?.id ?? null} /> : null}
      {you && you.rank !== null ? (
        <p className="your-place card">
          You finished <strong>{ordinal(you.rank)}</strong> of {game.playerCount} with{' '}
          <strong>{you.score.toLocaleString('en-US')}</strong> points.
        </p>
      ) : null}
      <div className="final__table">
        <h2>{isHost ? 'All players' : 'Top players'}</h2>
        <LeaderTable
          rows={rows}
          youId={you?.id}
          caption={isHost ? 'Final standings' : 'Top players'}
          detailed={isHost}
        />
      </div>
      {isHost && game.waitingCount > 0 ? (
        <p className="final__waiting" role="status">
          {game.waitingCount} {game.waitingCount === 1 ? 'player joined' : 'players joined'} during the game
          and {game.waitingCount === 1 ? 'plays' : 'play'} from the next one.
        </p>
      ) : null}
      {isHost ? (
        <HostFinalActions state={state} />
      ) : (
        <p className="final__wait">Thanks for playing! Stay here: the host may start another game.</p>
      )}
    </section>
  );
}

function Podium({ rows, youId }: { rows: LeaderRow[]; youId: string | null }) {
  return (
    <ol className="podium" aria-label="Podium">
      {rows.map((r, i) => (
        <li key={r.id} className={`podium__place podium__place--${i + 1}${r.id === youId ? ' is-you' : ''}`}>
          <PlayerName className="podium__name" name={r.name} />
          <span className="podium__score">{r.score.toLocaleString('en-US')} points</span>
          <span className="podium__block" aria-hidden="true">
            <span className="podium__rank">{i + 1}</span>
          </span>
          <span className="visually-hidden">{ordinal(i + 1)} place</span>
        </li>
      ))}
    </ol>
  );
}

function HostFinalActions({ state }: { state: AppState }) {
  const api = useApi();
  const [quizId, setQuizId] = useState('');
  const [note, setNote] = useState<string | null>(null);
  async function exportCsv() {
    const result = await api.exportCsv();
    setNote(result.ok ? 'Results exported as CSV.' : result.message);
  }
  return (
    <div className="final__actions card card--glass">
      <button type="button" className="btn btn--secondary btn--large" onClick={() => void exportCsv()}>
        Export CSV
      </button>
      <div className="final__again">
        {state.quizzes.length > 0 ? (
          <div className="field field--inline">
            <label htmlFor="next-quiz" className="field__label">
              Next quiz
            </label>
            <select id="next-quiz" value={quizId} onChange={(e) => setQuizId(e.target.value)}>
              <option value="">The same quiz again</option>
              {state.quizzes.map((q) => (
                <option key={q.id} value={q.id}>
                  {q.title} ({q.questionCount} questions)
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <button
          type="button"
          className="btn btn--primary btn--large"
          onClick={() => api.newGame(quizId || undefined)}
        >
          Play again
        </button>
      </div>
      <p className="final__note" role="status">
        {note}
      </p>
    </div>
  );
}
