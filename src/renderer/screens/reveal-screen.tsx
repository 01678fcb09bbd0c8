/**
 * Reveal: the correct option, how many chose each option (a bar chart that is also a list a
 * screen reader can read), and for a player their points, streak and rank.
 */
import type { ClientView } from '../../shared/client/client-view';
import type { AppState } from '../../shared/api/quiz-api';
import { NextControl } from '../components/next-control';
import { ordinal } from '../components/leader-table';
import { OptionShape } from '../components/option-shape';
import { ScreenHeading } from '../components/screen-heading';
import './reveal-screen.css';

interface RevealProps {
  state: AppState;
  game: ClientView;
  me: ClientView | null;
}

export function RevealScreen({ state, game, me }: RevealProps) {
  const q = game.question;
  const reveal = game.reveal;
  if (!q || !reveal) return null;
  const correctText = q.options[reveal.correct] ?? '';
  const most = Math.max(1, ...reveal.counts);
  const result = me?.you?.result?.question === reveal.index ? me.you.result : null;
  const last = q.index + 1 >= q.count;

  return (
    <section className="screen reveal">
      <div className="reveal__head">
        <p className="reveal__prompt">{q.prompt}</p>
        {reveal.voided ? (
          <ScreenHeading>Question skipped — nobody scores</ScreenHeading>
        ) : (
          <ScreenHeading>
            <span className="reveal__kicker">The answer is </span>
            <span className="reveal__answer">{correctText}</span>
          </ScreenHeading>
        )}
      </div>

      <div className="reveal__body">
        <ul className="results" aria-label="How everyone answered">
          {q.options.map((text, i) => {
            const count = reveal.counts[i] ?? 0;
            const correct = i === reveal.correct;
            const yours = result?.option === i;
            return (
              <li key={i} className={`result opt-${i}${correct ? ' is-correct' : ' is-wrong'}`}>
                <span className="result__label">
                  <OptionShape index={i} className="result__shape" />
                  <span className="result__text">{text}</span>
                  {correct || yours ? (
                    <span className="result__tags">
                      {correct ? (
                        <span className="tag tag--correct">
                          <CheckIcon /> Correct
                        </span>
                      ) : null}
                      {yours ? <span className="tag tag--you">Your answer</span> : null}
                    </span>
                  ) : null}
                </span>
                <span className="result__bar" aria-hidden="true">
                  <span style={{ transform: `scaleX(${count / most})` }} />
                </span>
                <span className="result__count">
                  {count}
                  <span className="visually-hidden">{count === 1 ? ' player' : ' players'}</span>
                </span>
              </li>
            );
          })}
        </ul>

        {me?.you ? (
          <div className={`you-result card ${result?.correct ? 'is-correct' : 'is-wrong'}`}>
            {result === null ? (
              <p className="you-result__headline">Results are on their way…</p>
            ) : (
              <>
                <p className="you-result__headline">
                  {reveal.voided
                    ? 'Skipped'
                    : result.option === null
                      ? 'No answer'
                      : result.correct
                        ? 'Correct!'
                        : 'Not this time'}
                </p>
                <p className="you-result__points">
                  +{result.points.toLocaleString('en-US')} <span>points</span>
                </p>
                <dl className="you-result__stats">
                  <div>
                    <dt>Score</dt>
                    <dd>{result.score.toLocaleString('en-US')}</dd>
                  </div>
                  <div>
                    <dt>Streak</dt>
                    <dd>
                      <span className="nowrap">
                        {result.streak > 1 ? (
                          <span aria-hidden="true" className="flame">
                            <FlameIcon />
                          </span>
                        ) : null}
                        {result.streak}
                      </span>
                    </dd>
                  </div>
                  <div>
                    <dt>Rank</dt>
                    <dd>
                      {ordinal(result.rank)}
                      <span className="you-result__of">of {game.playerCount}</span>
                    </dd>
                  </div>
                </dl>
              </>
            )}
          </div>
        ) : null}
      </div>

      <p className="reveal__answered">
        {reveal.answered} of {game.playerCount} answered
      </p>
      <NextControl
        game={game}
        clockOffset={state.clockOffset}
        nextLabel={last ? 'Final results' : 'Leaderboard'}
        buttonLabel={last ? 'Show final results' : 'Show leaderboard'}
        totalMs={game.settings.revealSeconds * 1000}
      />
    </section>
  );
}

function CheckIcon() {
  return (
    <svg className="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        d="M4 12.5l5 5L20 6.5"
        fill="none"
        stroke="currentColor"
        strokeWidth="3"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

function FlameIcon() {
  return (
    <svg className="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        d="M12 2c1 4 5 6 5 11a5 5 0 0 1-10 0c0-2 1-3.5 2-4.5 0 2 1 3 2 3 0-3-1-6 1-9.5z"
        fill="currentColor"
      />
    </svg>
  );
}
