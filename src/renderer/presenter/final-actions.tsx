/**
 * The host's controls once the game is over: the full standings (a drawer only the host opens: the
 * projector shows the podium and the top of the table, not the whole class), Export CSV, and
 * Play again with the same quiz or another one.
 */
import { useRef, useState, type ReactNode, type RefObject } from 'react';
import type { ClientView } from '../../shared/client/client-view';
import type { AppState } from '../../shared/api/quiz-api';
import { useApi } from '../api/api-context';
import { LeaderTable } from '../components/leader-table';
import { useModalDialog } from '../components/use-modal-dialog';
import { useT } from '../i18n';

export function FinalActions({ state, game }: { state: AppState; game: ClientView }) {
  const api = useApi();
  const t = useT();
  const [quizId, setQuizId] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const [drawer, setDrawer] = useState(false);
  const drawerBody = useRef<HTMLDivElement>(null);
  async function exportCsv() {
    const result = await api.exportCsv();
    // The desktop's main process answers in English; a known failure is shown in the page's language.
    setNote(
      result.ok ? t('host.exported') : result.code === 'no_results' ? t('failure.noResults') : result.message,
    );
  }
  const rows = game.standings.length > 0 ? game.standings : game.top;
  return (
    <>
      <button
        type="button"
        className="btn btn--secondary"
        aria-haspopup="dialog"
        onClick={() => setDrawer(true)}
      >
        {t('host.fullStandings')}
      </button>
      <button type="button" className="btn btn--secondary" onClick={() => void exportCsv()}>
        {t('host.exportCsv')}
      </button>
      {state.quizzes.length > 0 ? (
        <span className="host-bar__field">
          <label htmlFor="next-quiz">{t('host.nextQuiz')}</label>
          <select id="next-quiz" value={quizId} onChange={(e) => setQuizId(e.target.value)}>
            <option value="">{t('host.sameQuiz')}</option>
            {state.quizzes.map((q) => (
              <option key={q.id} value={q.id}>
                {t('host.quizOption', { title: q.title, count: q.questionCount })}
              </option>
            ))}
          </select>
        </span>
      ) : null}
      <button type="button" className="btn btn--primary" onClick={() => api.newGame(quizId || undefined)}>
        {t('host.playAgain')}
      </button>
      <p className="host-bar__note" role="status">
        {note}
      </p>
      <StandingsDrawer open={drawer} onClose={() => setDrawer(false)} bodyRef={drawerBody}>
        <LeaderTable rows={rows} caption={t('host.finalStandings')} detailed scroller={drawerBody} />
      </StandingsDrawer>
    </>
  );
}

function StandingsDrawer({
  open,
  onClose,
  bodyRef,
  children,
}: {
  open: boolean;
  onClose: () => void;
  bodyRef: RefObject<HTMLDivElement | null>;
  children: ReactNode;
}) {
  const ref = useModalDialog(open);
  const t = useT();
  return (
    <dialog ref={ref} className="drawer" aria-labelledby="standings-title" onClose={onClose}>
      <div className="drawer__head">
        <h2 id="standings-title">{t('host.fullStandings')}</h2>
        <button type="button" className="btn btn--ghost btn--small" onClick={onClose}>
          {t('host.close')}
        </button>
      </div>
      {/* Focusable, so that the keyboard can scroll a long table. */}
      <div className="drawer__body" tabIndex={0} ref={bodyRef}>
        {children}
      </div>
    </dialog>
  );
}
