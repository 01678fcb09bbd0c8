/**
 * Question: the prompt, the countdown to the host's deadline, and the options (colour + shape +
 * number key + text). On a player's screen the options are an answer pad that fills the screen,
 * with "answer locked" once an answer is sent and a clear "time's up" when the deadline passes. The
 * prompt and the options shrink to fit their boxes, so the longest a quiz allows still fits.
 * The host's Skip, End and "Show answer now" are in the host bar.
 */
import { useEffect, type CSSProperties } from 'react';
import type { ClientView } from '../../shared/client/client-view';
import type { AppState } from '../../shared/api/quiz-api';
import { useApi } from '../api/api-context';
import { useRemainingMs } from '../api/use-host-clock';
import { FitText } from '../components/fit-text';
import { OptionShape } from '../components/option-shape';
import { ScreenHeading } from '../components/screen-heading';
import { TimeBar } from '../components/time-bar';
import './question-screen.css';

interface QuestionProps {
  state: AppState;
  game: ClientView;
  me: ClientView | null;
}

/**
 * How the height is shared between the prompt and the answers: in proportion to the text each
 * holds (two answer tiles share a row's width), so both end up at about the same type size. A
 * short prompt still gets a good third, and never more than about half.
 */
export function promptShare(prompt: string, options: string[]): number {
  const longest = Math.max(0, ...options.map((o) => o.length));
  const rows = Math.ceil(options.length / 2);
  const promptNeeds = prompt.length + 60;
  const answersNeed = rows * (2 * longest + 80);
  return Math.min(0.5, Math.max(0.3, promptNeeds / (promptNeeds + answersNeed)));
}

/** The option this player picked for the open question (acknowledged, or still on its way). */
function pickedOption(me: ClientView | null, index: number): number | null {
  if (!me) return null;
  if (me.you?.answer?.question === index) return me.you.answer.option ?? null;
  if (me.sending?.question === index) return me.sending.option ?? null;
  return null;
}

export function QuestionScreen({ state, game, me }: QuestionProps) {
  const api = useApi();
  const q = game.question;
  const remaining = useRemainingMs(q?.deadline ?? null, state.clockOffset);
  const picked = q ? pickedOption(me, q.index) : null;
  const open = remaining > 0;
  // While reconnecting an answer could not be sent: the buttons wait for the connection.
  const canAnswer = !!me && me.connection === 'open' && picked === null && open && !!q;
  const timeUp = !!me && !open && picked === null;

  useEffect(() => {
    if (!canAnswer || !q) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.repeat) return;
      const target = e.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      const n = Number(e.key);
      if (Number.isInteger(n) && n >= 1 && n <= q.options.length) {
        e.preventDefault();
        api.answer(n - 1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [api, canAnswer, q]);

  if (!q) return null;
  const pickedText = picked !== null ? q.options[picked] : null;
  const layout = `options--${q.options.length}`;
  const share = promptShare(q.prompt, q.options);
  const rows = { '--prompt-rows': `${share}fr`, '--pad-rows': `${1 - share}fr` } as CSSProperties;

  return (
    <section
      className={`screen question${me ? ' question--pad' : ''}${picked !== null ? ' has-picked' : ''}${timeUp ? ' is-time-up' : ''}`}
      style={rows}
    >
      <p className="question__counter">
        <span>
          Question {q.index + 1} of {q.count}
        </span>
        {q.points === 0 ? <span className="tag tag--muted">No points</span> : null}
        {q.points === 2000 ? <span className="tag tag--pin">Double points</span> : null}
      </p>
      <ScreenHeading className="question__prompt" fit={q.prompt}>
        {q.prompt}
      </ScreenHeading>
      <TimeBar deadline={q.deadline} totalMs={q.timeLimitMs} clockOffset={state.clockOffset} announce />

      {me ? (
        <div className="question__pad">
          <div
            className={`options ${layout}`}
            role="group"
            aria-label="Answers"
            aria-describedby="answer-keys-hint"
          >
            {q.options.map((text, i) => {
              const mine = picked === i;
              return (
                <button
                  key={i}
                  type="button"
                  className={`option opt-${i}${mine ? ' is-picked' : ''}${picked !== null && !mine ? ' is-dimmed' : ''}`}
                  disabled={!canAnswer}
                  aria-pressed={mine}
                  aria-keyshortcuts={String(i + 1)}
                  onClick={() => api.answer(i)}
                >
                  <OptionShape index={i} className="option__shape" />
                  <FitText as="span" className="option__text" text={text}>
                    {text}
                  </FitText>
                  <kbd className="option__key" aria-hidden="true">
                    {i + 1}
                  </kbd>
                  {mine ? (
                    <span className="option__lock" aria-hidden="true">
                      <LockIcon />
                    </span>
                  ) : null}
                </button>
              );
            })}
          </div>
          {timeUp ? (
            <p className="question__times-up" aria-hidden="true">
              Time’s up!
            </p>
          ) : null}
        </div>
      ) : (
        <ol className={`options options--display ${layout}`} aria-label="Answers">
          {q.options.map((text, i) => (
            <li key={i} className={`option opt-${i}`}>
              <OptionShape index={i} className="option__shape" />
              <FitText as="span" className="option__text" text={text}>
                {text}
              </FitText>
              <span className="option__key" aria-hidden="true">
                {i + 1}
              </span>
            </li>
          ))}
        </ol>
      )}
      {me ? (
        <p id="answer-keys-hint" className={`question__hint${canAnswer ? '' : ' visually-hidden'}`}>
          Tip: press 1{q.options.length > 1 ? `–${q.options.length}` : ''} to answer.
        </p>
      ) : null}

      {me ? (
        <div className="question__status" role="status">
          {pickedText !== null ? (
            <p className="locked">
              <LockIcon />
              <span>
                <strong>Answer locked:</strong>
                {/* The tile with the lock shows which; a screen reader hears it here. */}
                <span className="visually-hidden"> {pickedText}.</span>{' '}
                <span className="locked__wait">{open ? 'Waiting for the others…' : 'Time is up!'}</span>
              </span>
            </p>
          ) : timeUp ? (
            <p className="locked locked--late">Time is up! No answer this time.</p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

function LockIcon() {
  return (
    <svg className="lock-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M7 10V7a5 5 0 0 1 10 0v3" fill="none" stroke="currentColor" strokeWidth="2.4" />
      <rect x="4.5" y="10" width="15" height="11" rx="2.5" fill="currentColor" />
    </svg>
  );
}
