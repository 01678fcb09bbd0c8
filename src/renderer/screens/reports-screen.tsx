/**
 * Past games (desktop): the saved report of every finished game, newest first; open one to see
 * its leaderboard and how each question went (how many got it right, average time), and export
 * it as CSV or XLSX.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { DesktopApi, ReportData } from '../../shared/api/quiz-api';
import type { Desktop } from '../api/api-context';
import { PlayerName } from '../components/player-name';
import { ScreenHeader } from '../components/screen-header';
import { useRowWindow } from '../components/use-row-window';
import { ExtraTimeBadge } from '../extra-time/extra-time-badge';
import './reports-screen.css';

const dateTime = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const seconds = (ms: number | null) => (ms === null ? '—' : `${(ms / 1000).toFixed(1)} s`);
const STATUS: Record<ReportData['questions'][number]['status'], string> = {
  played: '',
  skipped: 'Skipped by the host',
  not_reached: 'Not reached',
};

export function ReportsScreen({ desktop, onBack }: { desktop: Desktop; onBack: () => void }) {
  const [open, setOpen] = useState<string | null>(null);
  if (open) return <ReportView key={open} api={desktop.api} id={open} onClose={() => setOpen(null)} />;
  const reports = desktop.state.reports;
  return (
    <section className="screen reports">
      <ScreenHeader title="Past games" back={{ label: 'Back', onClick: onBack }} />
      {reports.length === 0 ? (
        <p className="card reports__empty">
          No games yet. Every game you host is saved here when it finishes.
        </p>
      ) : (
        <div className="card reports__table-wrap">
          <table className="reports__table">
            <caption className="visually-hidden">Finished games, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Quiz</th>
                <th scope="col">Room</th>
                <th scope="col" className="num">
                  Players
                </th>
                <th scope="col">Winner</th>
                <th scope="col">
                  <span className="visually-hidden">Open</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {reports.map((r) =>
                r.status === 'ok' ? (
                  <tr key={r.id}>
                    <td className="nowrap">{dateTime(r.finishedAt)}</td>
                    <td>{r.quizTitle}</td>
                    <td>{r.roomName}</td>
                    <td className="num">{r.playerCount}</td>
                    <td>
                      {r.winner ? (
                        <>
                          <PlayerName name={r.winner.name} /> ({r.winner.score.toLocaleString('en-US')})
                        </>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td>
                      <button
                        type="button"
                        className="btn btn--secondary btn--small"
                        aria-label={`Open the report of ${r.quizTitle}, ${dateTime(r.finishedAt)}`}
                        onClick={() => setOpen(r.id)}
                      >
                        Open
                      </button>
                    </td>
                  </tr>
                ) : (
                  <tr key={r.id}>
                    <td colSpan={6} className="field__error">
                      {r.id}: {r.error}
                    </td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function ReportView({ api, id, onClose }: { api: DesktopApi; id: string; onClose: () => void }) {
  const base = useId();
  const [report, setReport] = useState<ReportData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void api.openReport(id).then((result) => {
      if (!live) return;
      if (result.ok) setReport(result.report);
      else setError(result.message);
    });
    return () => {
      live = false;
    };
  }, [api, id]);

  const exportAs = async (format: 'csv' | 'xlsx') => {
    setNote(null);
    const result = await api.exportReport(id, format);
    if (result.ok) setNote(`Saved as ${format.toUpperCase()}.`);
    else if (result.code !== 'cancelled') setError(result.message);
  };

  return (
    <section className="screen reports">
      <ScreenHeader
        title={report ? report.quiz.title : 'Game report'}
        back={{ label: 'Past games', onClick: onClose }}
      />
      {error ? (
        <p className="card form-error" role="alert">
          {error}
        </p>
      ) : null}
      {report ? (
        <>
          <div className="reports__summary">
            <p className="lead">
              {report.roomName} · {dateTime(report.finishedAt)} · {report.players.length}{' '}
              {report.players.length === 1 ? 'player' : 'players'}
            </p>
            <div className="reports__export">
              <button
                type="button"
                className="btn btn--secondary btn--small"
                onClick={() => void exportAs('csv')}
              >
                Export CSV
              </button>
              <button
                type="button"
                className="btn btn--secondary btn--small"
                onClick={() => void exportAs('xlsx')}
              >
                Export XLSX
              </button>
              <span role="status" className="reports__note">
                {note}
              </span>
            </div>
          </div>

          <div className="reports__grid">
            <section className="card reports__table-wrap" aria-labelledby={`${base}-board`}>
              <h2 id={`${base}-board`} className="reports__heading">
                Leaderboard
              </h2>
              <ReportLeaderboard report={report} />
            </section>

            <section className="card reports__table-wrap" aria-labelledby={`${base}-questions`}>
              <h2 id={`${base}-questions`} className="reports__heading">
                Questions
              </h2>
              <table className="reports__table">
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      #
                    </th>
                    <th scope="col">Question and correct answer</th>
                    <th scope="col" className="num">
                      Right
                    </th>
                    <th scope="col" className="num">
                      Avg. time
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {report.questions.map((q) => (
                    <tr key={q.number}>
                      <td className="num">{q.number}</td>
                      <td>
                        <span className="reports__prompt">{q.prompt}</span>
                        <span className="reports__answer">✓ {q.rightAnswer ?? q.options[q.correct]}</span>
                        {STATUS[q.status] ? (
                          <span className="tag tag--muted reports__tag">{STATUS[q.status]}</span>
                        ) : null}
                      </td>
                      <td className="num nowrap">
                        {q.right} of {q.answered}
                      </td>
                      <td className="num nowrap">{seconds(q.averageTimeMs)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          </div>
        </>
      ) : !error ? (
        <p className="lead" aria-busy="true">
          Opening the report…
        </p>
      ) : null}
    </section>
  );
}

/** Long leaderboards scroll in their own box and render only the rows in view. */
const WINDOWED_FROM = 100;

function ReportLeaderboard({ report }: { report: ReportData }) {
  const scroller = useRef<HTMLDivElement>(null);
  const table = useRef<HTMLTableElement>(null);
  const players = report.players;
  const windowed = players.length >= WINDOWED_FROM;
  const shown = useRowWindow(scroller, table, players.length, windowed);
  const rows = windowed ? players.slice(shown.start, shown.end) : players;
  const content = (
    <table
      ref={table}
      className={`reports__table${windowed ? ' reports__table--windowed' : ''}`}
      aria-rowcount={windowed ? players.length + 1 : undefined}
    >
      <thead>
        <tr>
          <th scope="col" className="num">
            Rank
          </th>
          <th scope="col">Name</th>
          <th scope="col" className="num">
            Score
          </th>
          <th scope="col" className="num">
            Correct
          </th>
        </tr>
      </thead>
      <tbody>
        {windowed && shown.before > 0 ? <tr aria-hidden="true" style={{ height: shown.before }} /> : null}
        {rows.map((p, i) => (
          <tr key={p.id} data-row="" aria-rowindex={windowed ? shown.start + i + 2 : undefined}>
            <td className="num">{p.rank}</td>
            <td>
              <PlayerName name={p.name} />
              {p.connected ? null : <span className="tag tag--muted reports__tag">left</span>}
              {p.extraTime ? <ExtraTimeBadge factor={p.extraTime} /> : null}
            </td>
            <td className="num">{p.score.toLocaleString('en-US')}</td>
            <td className="num">
              {p.correctCount} / {report.questions.length}
            </td>
          </tr>
        ))}
        {windowed && shown.after > 0 ? <tr aria-hidden="true" style={{ height: shown.after }} /> : null}
      </tbody>
    </table>
  );
  if (!windowed) return content;
  return (
    // Focusable, so that the keyboard can scroll a long table.
    <div className="reports__scroll" ref={scroller} tabIndex={0} aria-label="Leaderboard, scrolls">
      {content}
    </div>
  );
}
