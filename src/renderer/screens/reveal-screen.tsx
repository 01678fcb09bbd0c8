/**
 * Reveal. The host's screen (the projector) shows the correct option and how many chose each one
 * (a bar chart that is also a list a screen reader can read). A player's screen is one full-screen
 * state, right or wrong, with the points, streak, rank and the distance to the next place.
 */
import type { ClientView } from '../../shared/client/client-view';
import type { AppState } from '../../shared/api/quiz-api';
import type { PlayerResult, RevealView } from '../../shared/protocol';
import { FitText } from '../components/fit-text';
import { PlayerName } from '../components/player-name';
import { NextControl } from '../components/next-control';
import { ordinal } from '../components/leader-table';
import { OptionShape } from '../components/option-shape';
import { ScreenHeading } from '../components/screen-heading';
import { useCountUp } from '../motion/use-count-up';
import { placeGap } from '../standings/place-gap';
import { signedPoints } from '../standings/signed-points';
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
  const last = q.index + 1 >= q.count;
  const next = (
    <NextControl
      game={game}
      clockOffset={state.clockOffset}
      nextLabel={last ? 'Final results' : 'Leaderboard'}
      totalMs={game.settings.revealSeconds * 1000}
    />
  );
  const result = me?.you?.result?.question === reveal.index ? me.you.result : null;
  const most = Math.max(1, ...reveal.counts);
  if (game.role !== 'host' && me?.you)
    return (
      <PersonalResult
        game={game}
        me={me}
        reveal={reveal}
        result={result}
        answer={q.options[reveal.correct] ?? ''}
      >
        {next}
      </PersonalResult>
    );
  return (
    <section className="screen reveal reveal--chart">
      <FitText as="p" className="reveal__prompt" text={q.prompt}>
        {q.prompt}
      </FitText>
      <AnswerHeading reveal={reveal} answer={q.options[reveal.correct] ?? ''} />
      <ul className="results" aria-label="How everyone answered">
        {q.options.map((text, i) => {
          const count = reveal.counts[i] ?? 0;
          const correct = i === reveal.correct;
          const yours = result?.option === i;
          return (
            <li key={i} className={`result opt-${i}${correct ? ' is-correct' : ' is-wrong'}`}>
              <OptionShape index={i} className="result__shape" />
              <FitText as="span" className="result__text" text={text}>
                {text}
              </FitText>
              {/* Always there, empty or not, so every row's bar sits in the same column. */}
              <span className="result__tags">
                {correct ? (
                  <span className="tag tag--correct">
                    <CheckIcon /> Correct
                  </span>
                ) : null}
                {yours ? <span className="tag tag--you">Your answer</span> : null}
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
      <div className="reveal__foot">
        <p className="reveal__answered">
          {reveal.answered} of {game.playerCount} answered
        </p>
        {next}
      </div>
    </section>
  );
}

function AnswerHeading({ reveal, answer }: { reveal: RevealView; answer: string }) {
  if (reveal.voided)
    return (
      <ScreenHeading className="reveal__heading" fit="skipped">
        Question skipped — nobody scores
      </ScreenHeading>
    );
  return (
    <ScreenHeading className="reveal__heading" fit={answer}>
      <span className="reveal__kicker">The answer is </span>
      <span className="reveal__answer">{answer}</span>
    </ScreenHeading>
  );
}

function headline(reveal: RevealView, result: PlayerResult): string {
  if (reveal.voided) return 'Skipped';
  if (result.option === null) return 'No answer';
  return result.correct ? 'Correct!' : 'Not this time';
}

interface PersonalProps {
  game: ClientView;
  me: ClientView;
  reveal: RevealView;
  result: PlayerResult | null;
  answer: string;
  children: React.ReactNode;
}

function PersonalResult({ game, me, reveal, result, answer, children }: PersonalProps) {
  const mood =
    !result || reveal.voided || result.option === null
      ? 'is-none'
      : result.correct
        ? 'is-correct'
        : 'is-wrong';
  const points = useCountUp(result ? 0 : null, result?.points ?? 0, 250, 700);
  const gap = result ? placeGap(me.top, result.rank, result.score) : null;
  return (
    <section className={`screen reveal reveal--personal`}>
      <div className={`result-panel ${mood}`}>
        <AnswerHeading reveal={reveal} answer={answer} />
        {result === null ? (
          <p className="result-panel__headline">Results are on their way…</p>
        ) : (
          <>
            <p className="result-panel__headline">
              {mood === 'is-correct' ? <CheckIcon /> : mood === 'is-wrong' ? <CrossIcon /> : null}
              {headline(reveal, result)}
            </p>
            {game.settings.scoringMode === 'survey' ? null : (
              <p className="result-panel__points">
                {signedPoints(points)} <span>points</span>
              </p>
            )}
            <dl className="result-panel__stats">
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
                  <span className="result-panel__small">of {game.playerCount}</span>
                </dd>
              </div>
              {gap && gap.kind !== 'alone' ? (
                <div>
                  <dt>{gap.kind === 'behind' ? `Behind ${ordinal(gap.rank)}` : 'Lead'}</dt>
                  <dd>
                    {gap.points.toLocaleString('en-US')}
                    <span className="result-panel__small">
                      {gap.kind === 'behind' ? 'points to ' : 'points on '}
                      <PlayerName name={gap.name} />
                    </span>
                  </dd>
                </div>
              ) : null}
            </dl>
          </>
        )}
      </div>
      {children}
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

function CrossIcon() {
  return (
    <svg className="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        d="M6 6l12 12M18 6L6 18"
        fill="none"
        stroke="currentColor"
        strokeWidth="3"
        strokeLinecap="round"
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
