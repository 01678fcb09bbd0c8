/**
 * One person's past games (desktop reports): every saved game their class-list name or
 * identifier is in, newest first, with their score, place and right answers, each opening its
 * report. Reports that could not be read are counted, not hidden.
 */
import { useEffect, useState } from 'react';
import type { DesktopApi, PersonHistoryResult } from '../../shared/api/quiz-api';
import { useIntl } from 'react-intl';
import { PlayerName } from '../components/player-name';
import { ScreenHeader } from '../components/screen-header';
import { useT } from '../i18n';

export function PersonHistory({
  api,
  identity,
  onBack,
  onOpen,
}: {
  api: DesktopApi;
  identity: string;
  onBack: () => void;
  /** Opens one of the games' reports. */
  onOpen: (reportId: string) => void;
}) {
  const t = useT();
  const intl = useIntl();
  const [result, setResult] = useState<PersonHistoryResult | null>(null);
  useEffect(() => {
    let live = true;
    void api.personHistory(identity).then((r) => {
      if (live) setResult(r);
    });
    return () => {
      live = false;
    };
  }, [api, identity]);

  const shown = result?.ok ? result.identity : identity;
  return (
    <section className="screen reports">
      <ScreenHeader
        title={t('roster.historyTitle', { identity: shown })}
        back={{ label: t('roster.back'), onClick: onBack }}
      />
      {!result ? (
        <p className="lead" aria-busy="true">
          {t('reports.opening')}
        </p>
      ) : !result.ok ? (
        <p className="card form-error" role="alert">
          {t('roster.historyFailed', { reason: result.message })}
        </p>
      ) : result.games.length === 0 ? (
        <p className="card reports__empty">{t('roster.historyEmpty', { identity: shown })}</p>
      ) : (
        <div className="card reports__table-wrap">
          <table className="reports__table">
            <caption className="visually-hidden">{t('roster.historyCaption', { identity: shown })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reports.date')}</th>
                <th scope="col">{t('roster.colGame')}</th>
                <th scope="col">{t('reports.name')}</th>
                <th scope="col" className="num">
                  {t('roster.colScore')}
                </th>
                <th scope="col" className="num">
                  {t('roster.colPlace')}
                </th>
                <th scope="col" className="num">
                  {t('roster.colCorrect')}
                </th>
              </tr>
            </thead>
            <tbody>
              {result.games.map((g) => {
                const date = intl.formatDate(g.finishedAt, { dateStyle: 'medium', timeStyle: 'short' });
                return (
                  <tr key={g.reportId}>
                    <td className="nowrap">{date}</td>
                    <td>
                      <button
                        type="button"
                        className="btn btn--ghost btn--small"
                        aria-label={t('reports.openLabel', { quiz: g.quizTitle, date })}
                        onClick={() => onOpen(g.reportId)}
                      >
                        {g.quizTitle}
                      </button>
                    </td>
                    <td>
                      <PlayerName name={g.name} />
                    </td>
                    <td className="num">{intl.formatNumber(g.score)}</td>
                    <td className="num nowrap">
                      {t('roster.place', {
                        rank: intl.formatNumber(g.rank),
                        count: intl.formatNumber(g.playerCount),
                      })}
                    </td>
                    <td className="num nowrap">
                      {t('roster.correctOf', {
                        correct: intl.formatNumber(g.correctCount),
                        total: intl.formatNumber(g.questionCount),
                      })}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {result.skipped > 0 ? (
            <p className="field__hint">{t('roster.historySkipped', { count: result.skipped })}</p>
          ) : null}
        </div>
      )}
    </section>
  );
}
