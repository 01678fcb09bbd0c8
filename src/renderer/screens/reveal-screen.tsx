/**
 * Reveal. The host's screen (the projector) shows the correct option and how many chose each one
 * (a bar chart that is also a list a screen reader can read). A player's screen is one full-screen
 * state, right or wrong, with the points, streak, rank and the distance to the next place.
 */
import type { ClientView } from '../../shared/client/client-view';
import type { AppState } from '../../shared/api/quiz-api';
import type { PlayerResult, QuestionView, RevealView } from '../../shared/protocol';
import { FitText } from '../components/fit-text';
import { CheckIcon, CrossIcon, FlameIcon } from '../components/icons';
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
  const answer = rightAnswerWords(q, reveal);
  if (game.role !== 'host' && me?.you)
    return (
      <PersonalResult game={game} me={me} reveal={reveal} result={result} answer={answer}>
        {next}
      </PersonalResult>
    );
  return (
    <section className={`screen reveal reveal--chart reveal--${reveal.kind ?? 'choice'}`}>
      <FitText as="p" className="reveal__prompt" text={q.prompt}>
        {q.prompt}
      </FitText>
      <AnswerHeading reveal={reveal} answer={answer} />
      {reveal.explanation ? (
        <FitText as="p" className="reveal__explanation" text={reveal.explanation}>
          {reveal.explanation}
        </FitText>
      ) : null}
      {reveal.kind === 'slide' ? null : reveal.groups ? (
        <GroupChart reveal={reveal} />
      ) : (
        <OptionChart q={q} reveal={reveal} result={result} />
      )}
      <div className="reveal__foot">
        <p className="reveal__answered">
          {reveal.kind === 'slide' ? '' : `${reveal.answered} of ${game.playerCount} answered`}
        </p>
        {next}
      </div>
    </section>
  );
}

/** The right answer in words, whatever the kind (a poll has none: its heading says so). */
export function rightAnswerWords(q: QuestionView, reveal: RevealView): string {
  switch (reveal.kind ?? 'choice') {
    case 'multi_select':
      return (reveal.correctOptions ?? []).map((i) => q.options[i] ?? '').join(', ');
    case 'typed':
      return (reveal.accepted ?? []).join(' or ');
    case 'number':
      return (reveal.value ?? 0).toLocaleString('en-US');
    case 'ordering':
      return (reveal.rightOrder ?? []).map((i) => q.options[i] ?? '').join(' → ');
    case 'poll':
      return 'Poll results';
    case 'slide':
      return q.prompt;
    default:
      return q.options[reveal.correct] ?? '';
  }
}

/** Whether shown option `i` is (part of) the right answer. */
function isRight(reveal: RevealView, i: number): boolean {
  if (reveal.kind === 'multi_select') return (reveal.correctOptions ?? []).includes(i);
  if (reveal.kind === 'ordering') return true;
  return i === reveal.correct;
}

/** Typed answers grouped, or the spread of the numbers given: a bar per group. */
function GroupChart({ reveal }: { reveal: RevealView }) {
  const groups = reveal.groups ?? [];
  const most = Math.max(1, ...groups.map((g) => g.count));
  if (groups.length === 0) return <p className="reveal__answered">Nobody answered.</p>;
  return (
    <ul
      className={`results results--groups results--${groups.length > 8 ? 'many' : 'few'}`}
      aria-label={reveal.kind === 'number' ? 'The numbers given' : 'What people typed'}
    >
      {groups.map((g) => (
        <li key={g.label} className={`result result--group${g.right ? ' is-correct' : ' is-wrong'}`}>
          <FitText as="span" className="result__text" text={g.label}>
            {reveal.kind === 'number' ? Number(g.label).toLocaleString('en-US') : g.label}
          </FitText>
          <span className="result__tags">
            {g.right ? (
              <span className="tag tag--correct">
                <CheckIcon /> Right
              </span>
            ) : null}
          </span>
          <span className="result__bar" aria-hidden="true">
            <span style={{ transform: `scaleX(${g.count / most})` }} />
          </span>
          <span className="result__count">
            {g.count}
            <span className="visually-hidden">{g.count === 1 ? ' player' : ' players'}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}

interface OptionChartProps {
  q: QuestionView;
  reveal: RevealView;
  result: PlayerResult | null;
}

/** How many chose each option; for an ordering, the items in the right order and how many placed each right. */
function OptionChart({ q, reveal, result }: OptionChartProps) {
  const most = Math.max(1, ...reveal.counts);
  const order = reveal.kind === 'ordering' ? (reveal.rightOrder ?? []) : q.options.map((_, i) => i);
  const poll = reveal.kind === 'poll';
  return (
    <ul
      className="results"
      aria-label={
        reveal.kind === 'ordering'
          ? 'The right order, and how many placed each item right'
          : 'How everyone answered'
      }
    >
      {order.map((i) => {
        const text = q.options[i] ?? '';
        const count = reveal.counts[i] ?? 0;
        const correct = !poll && isRight(reveal, i);
        const yours = result?.option === i;
        return (
          <li key={i} className={`result opt-${i % 4}${correct || poll ? ' is-correct' : ' is-wrong'}`}>
            <OptionShape index={i % 4} className="result__shape" />
            <FitText as="span" className="result__text" text={text}>
              {text}
            </FitText>
            {/* Always there, empty or not, so every row's bar sits in the same column. */}
            <span className="result__tags">
              {correct && reveal.kind !== 'ordering' ? (
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
  );
}

function AnswerHeading({ reveal, answer }: { reveal: RevealView; answer: string }) {
  if (reveal.voided)
    return (
      <ScreenHeading className="reveal__heading" fit="skipped">
        Question skipped — nobody scores
      </ScreenHeading>
    );
  if (reveal.kind === 'poll' || reveal.kind === 'slide')
    return (
      <ScreenHeading className="reveal__heading" fit={answer}>
        <span className="reveal__answer">{reveal.kind === 'poll' ? 'How everyone voted' : answer}</span>
      </ScreenHeading>
    );
  return (
    <ScreenHeading className="reveal__heading" fit={answer}>
      <span className="reveal__kicker">
        {reveal.kind === 'ordering' ? 'The right order is ' : 'The answer is '}
      </span>
      <span className="reveal__answer">{answer}</span>
    </ScreenHeading>
  );
}

function headline(reveal: RevealView, result: PlayerResult): string {
  if (reveal.voided) return 'Skipped';
  if (reveal.kind === 'slide') return 'Get ready';
  if (result.elapsedMs === null) return 'No answer';
  if (reveal.kind === 'poll') return 'Thanks for voting';
  if (result.correct) return 'Correct!';
  if ((result.credit ?? 0) > 0) return `Partly right (${Math.round((result.credit ?? 0) * 100)}%)`;
  return 'Not this time';
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
    !result || reveal.voided || result.elapsedMs === null || reveal.kind === 'poll' || reveal.kind === 'slide'
      ? 'is-none'
      : result.correct || (result.credit ?? 0) > 0
        ? 'is-correct'
        : 'is-wrong';
  const points = useCountUp(result ? 0 : null, result?.points ?? 0, 250, 700);
  const gap = result ? placeGap(me.top, result.rank, result.score) : null;
  return (
    <section className={`screen reveal reveal--personal`}>
      <div className={`result-panel ${mood}`}>
        <AnswerHeading reveal={reveal} answer={answer} />
        {reveal.explanation ? <p className="result-panel__explanation">{reveal.explanation}</p> : null}
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
