/**
 * Past games (desktop): the saved report of every finished game, newest first; open one to see
 * its leaderboard and how each question went (how many got it right, average time), and export
 * it as CSV or XLSX; from a report, follow one person (class-list name or identifier) across games.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { DesktopApi, ReportData } from '../../shared/api/quiz-api';
import type { Desktop } from '../api/api-context';
import { PlayerName } from '../components/player-name';
import { ScreenHeader } from '../components/screen-header';
import { useRowWindow } from '../components/use-row-window';
import { useIntl, type IntlShape } from 'react-intl';
import { Message, useT, type MessageId, type Translate } from '../i18n';
import { ExtraTimeBadge } from '../extra-time/extra-time-badge';
import { identityLabel } from '../roster/identity-label';
import { PersonHistory } from '../roster/person-history';
import './reports-screen.css';

/** A report's date and time, as the interface's language writes them. */
const dateTime = (intl: IntlShape, iso: string) =>
  intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' });
const seconds = (t: Translate, intl: IntlShape, ms: number | null) =>
  ms === null
    ? '—'
    : t('reports.seconds', {
        seconds: intl.formatNumber(ms / 1000, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
      });
const STATUS: Record<ReportData['questions'][number]['status'], MessageId | null> = {
  played: null,
  skipped: 'reports.skipped',
  not_reached: 'reports.notReached',
};

export function ReportsScreen({ desktop, onBack }: { desktop: Desktop; onBack: () => void }) {
  const t = useT();
  const intl = useIntl();
  const [open, setOpen] = useState<string | null>(null);
  // One person's past games, opened from a report (and back to it).
  const [person, setPerson] = useState<string | null>(null);
  if (person)
    return (
      <PersonHistory
        api={desktop.api}
        identity={person}
        onBack={() => setPerson(null)}
        onOpen={(id) => {
          setPerson(null);
          setOpen(id);
        }}
      />
    );
  if (open)
    return (
      <ReportView key={open} api={desktop.api} id={open} onClose={() => setOpen(null)} onFollow={setPerson} />
    );
  const reports = desktop.state.reports;
  return (
    <section className="screen reports">
      <ScreenHeader title={t('reports.title')} back={{ label: t('reports.back'), onClick: onBack }} />
      {reports.length === 0 ? (
        <p className="card reports__empty">{t('reports.empty')}</p>
      ) : (
        <div className="card reports__table-wrap">
          <table className="reports__table">
            <caption className="visually-hidden">{t('reports.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reports.date')}</th>
                <th scope="col">{t('reports.quiz')}</th>
                <th scope="col">{t('reports.room')}</th>
                <th scope="col" className="num">
                  {t('reports.players')}
                </th>
                <th scope="col">{t('reports.winner')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('reports.open')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {reports.map((r) =>
                r.status === 'ok' ? (
                  <tr key={r.id}>
                    <td className="nowrap">{dateTime(intl, r.finishedAt)}</td>
                    <td>{r.quizTitle}</td>
                    <td>{r.roomName}</td>
                    <td className="num">{intl.formatNumber(r.playerCount)}</td>
                    <td>
                      {r.winner ? (
                        <Message
                          id="reports.winnerScore"
                          values={{
                            name: <PlayerName name={r.winner.name} />,
                            score: intl.formatNumber(r.winner.score),
                          }}
                        />
                      ) : (
                        '—'
                      )}
                    </td>
                    <td>
                      <button
                        type="button"
                        className="btn btn--secondary btn--small"
                        aria-label={t('reports.openLabel', {
                          quiz: r.quizTitle,
                          date: dateTime(intl, r.finishedAt),
                        })}
                        onClick={() => setOpen(r.id)}
                      >
                        {t('reports.open')}
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

function ReportView({
  api,
  id,
  onClose,
  onFollow,
}: {
  api: DesktopApi;
  id: string;
  onClose: () => void;
  /** Opens the past games of a person (by their class-list name or identifier). */
  onFollow: (identity: string) => void;
}) {
  const base = useId();
  const t = useT();
  const intl = useIntl();
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
    if (result.ok) setNote(t('reports.savedAs', { format: format.toUpperCase() }));
    else if (result.code !== 'cancelled') setError(result.message);
  };

  return (
    <section className="screen reports">
      <ScreenHeader
        title={report ? report.quiz.title : t('reports.gameReport')}
        back={{ label: t('reports.title'), onClick: onClose }}
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
              {t('reports.summary', {
                room: report.roomName,
                date: dateTime(intl, report.finishedAt),
                count: report.players.length,
              })}
            </p>
            <div className="reports__export">
              <button
                type="button"
                className="btn btn--secondary btn--small"
                onClick={() => void exportAs('csv')}
              >
                {t('reports.exportCsv')}
              </button>
              <button
                type="button"
                className="btn btn--secondary btn--small"
                onClick={() => void exportAs('xlsx')}
              >
                {t('reports.exportXlsx')}
              </button>
              <span role="status" className="reports__note">
                {note}
              </span>
            </div>
          </div>

          <div className="reports__grid">
            <section className="card reports__table-wrap" aria-labelledby={`${base}-board`}>
              <h2 id={`${base}-board`} className="reports__heading">
                {t('reports.leaderboard')}
              </h2>
              <ReportLeaderboard report={report} onFollow={onFollow} />
            </section>

            <section className="card reports__table-wrap" aria-labelledby={`${base}-questions`}>
              <h2 id={`${base}-questions`} className="reports__heading">
                {t('reports.questions')}
              </h2>
              <table className="reports__table">
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      #
                    </th>
                    <th scope="col">{t('reports.questionAnswer')}</th>
                    <th scope="col" className="num">
                      {t('reports.right')}
                    </th>
                    <th scope="col" className="num">
                      {t('reports.avgTime')}
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
                          <span className="tag tag--muted reports__tag">{t(STATUS[q.status]!)}</span>
                        ) : null}
                      </td>
                      <td className="num nowrap">
                        {t('reports.rightOf', { right: q.right, answered: q.answered })}
                      </td>
                      <td className="num nowrap">{seconds(t, intl, q.averageTimeMs)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          </div>
        </>
      ) : !error ? (
        <p className="lead" aria-busy="true">
          {t('reports.opening')}
        </p>
      ) : null}
    </section>
  );
}

/** The heading of the report's identity column (settings `identity`); null when none was asked for. */
function identityHeading(report: ReportData, t: Translate): string | null {
  const settings = report.settings;
  if (!settings || settings.identity === 'none') return null;
  return settings.identity === 'roster' ? t('roster.colRoster') : identityLabel(settings, t);
}

/** Long leaderboards scroll in their own box and render only the rows in view. */
const WINDOWED_FROM = 100;

function ReportLeaderboard({
  report,
  onFollow,
}: {
  report: ReportData;
  onFollow: (identity: string) => void;
}) {
  const t = useT();
  const identityHead = identityHeading(report, t);
  const intl = useIntl();
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
            {t('reports.rank')}
          </th>
          <th scope="col">{t('reports.name')}</th>
          {identityHead ? <th scope="col">{identityHead}</th> : null}
          <th scope="col" className="num">
            {t('reports.score')}
          </th>
          <th scope="col" className="num">
            {t('reports.correct')}
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
              {p.connected ? null : <span className="tag tag--muted reports__tag">{t('reports.left')}</span>}
              {p.extraTime ? <ExtraTimeBadge factor={p.extraTime} /> : null}
            </td>
            {identityHead ? (
              <td>
                {p.identity ? (
                  <span className="reports__identity">
                    <bdi>{p.identity}</bdi>
                    <button
                      type="button"
                      className="btn btn--ghost btn--small"
                      aria-label={t('roster.followName', { identity: p.identity })}
                      onClick={() => onFollow(p.identity!)}
                    >
                      {t('roster.follow')}
                    </button>
                  </span>
                ) : (
                  '—'
                )}
              </td>
            ) : null}
            <td className="num">{intl.formatNumber(p.score)}</td>
            <td className="num">
              {t('reports.correctOf', { correct: p.correctCount, count: report.questions.length })}
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
    <div className="reports__scroll" ref={scroller} tabIndex={0} aria-label={t('reports.scrolls')}>
      {content}
    </div>
  );
}
