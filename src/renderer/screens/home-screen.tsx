/**
 * Home (desktop): Host a room on this computer, or Join one on the network. After a crash the
 * interrupted room comes first, above the choices, so that Resume is in view the moment it matters.
 */
import { useId, useState } from 'react';
import type { Desktop } from '../api/api-context';
import type { LocalPage } from '../local-page';
import { Brand } from '../components/brand';
import { ScreenHeading } from '../components/screen-heading';
import { LanguageSwitch } from '../components/language-switch';
import { useT } from '../i18n';
import './home-screen.css';

export function HomeScreen({ desktop, go }: { desktop: Desktop; go: (page: LocalPage) => void }) {
  const id = useId();
  const t = useT();
  const { api, state } = desktop;
  const [resumeError, setResumeError] = useState<string | null>(null);
  const [resuming, setResuming] = useState(false);
  const interrupted = state.interrupted;
  const resume = async () => {
    setResuming(true);
    const result = await api.resumeHosting();
    setResuming(false);
    setResumeError(result.ok ? null : result.message);
  };
  return (
    <section className={`screen home${interrupted ? ' home--interrupted' : ''}`}>
      <div className="home__hero">
        <Brand large />
        <ScreenHeading className="home__title">{t('home.title')}</ScreenHeading>
        <p className="lead">{t('home.lead')}</p>
      </div>
      {interrupted ? (
        <div className="card home__resume" role="region" aria-labelledby={`${id}-resume`}>
          <h2 id={`${id}-resume`} className="home__resume-title">
            {t('home.resumeTitle')}
          </h2>
          <p>
            {t('home.resumeText', {
              room: interrupted.roomName,
              quiz: interrupted.quizTitle,
              players: interrupted.players,
            })}
          </p>
          {interrupted.damage ? <p className="home__resume-damage">{interrupted.damage}</p> : null}
          <button
            type="button"
            className="btn btn--primary"
            disabled={resuming}
            onClick={() => void resume()}
          >
            {interrupted.damage ? t('home.resumeDamage') : t('home.resume')}
          </button>
          {resumeError ? (
            <p role="alert" className="home__resume-error">
              {resumeError}
            </p>
          ) : null}
        </div>
      ) : null}
      <div className="home__choices">
        <div className="home__choice home__choice--host">
          <span className="home__choice-icon" aria-hidden="true">
            <svg viewBox="0 0 24 24">
              <path
                d="M3 5h18v11H3z M8 20h8 M12 16v4"
                fill="none"
                stroke="currentColor"
                strokeWidth="2"
                strokeLinecap="round"
              />
            </svg>
          </span>
          {/* The button's ::after covers the whole card, so the card is one big target. */}
          <button
            type="button"
            className="home__choice-button"
            aria-describedby={`${id}-host`}
            onClick={() => go('host-setup')}
          >
            {t('home.host')}
          </button>
          <p id={`${id}-host`} className="home__choice-desc">
            {t('home.hostDesc')}
          </p>
        </div>
        <div className="home__choice home__choice--join">
          <span className="home__choice-icon" aria-hidden="true">
            <svg viewBox="0 0 24 24">
              <path
                d="M4 12h11 M11 7l5 5-5 5 M15 4h4a1 1 0 0 1 1 1v14a1 1 0 0 1-1 1h-4"
                fill="none"
                stroke="currentColor"
                strokeWidth="2"
                strokeLinecap="round"
                strokeLinejoin="round"
              />
            </svg>
          </span>
          <button
            type="button"
            className="home__choice-button"
            aria-describedby={`${id}-join`}
            onClick={() => go('join')}
          >
            {t('home.join')}
          </button>
          <p id={`${id}-join`} className="home__choice-desc">
            {t('home.joinDesc')}
          </p>
        </div>
      </div>
      <nav className="home__more" aria-label={t('home.more')}>
        <button type="button" className="btn btn--ghost" onClick={() => go('library')}>
          {t('home.library')}
        </button>
        <button type="button" className="btn btn--ghost" onClick={() => go('reports')}>
          {t('home.reports')}
        </button>
      </nav>
      {/* Last in the page, so that Tab reaches Host and Join first. */}
      <LanguageSwitch id="home-language" className="home__language" />
    </section>
  );
}
