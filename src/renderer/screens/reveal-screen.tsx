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
import { useIntl, type IntlShape } from 'react-intl';
import { Message, useT, type Translate } from '../i18n';
import { QuizPicture } from '../media/quiz-picture';
import './reveal-screen.css';

interface RevealProps {
  state: AppState;
  game: ClientView;
  me: ClientView | null;
}

export function RevealScreen({ state, game, me }: RevealProps) {
  const t = useT();
  const intl = useIntl();
  const q = game.question;
  const reveal = game.reveal;
  if (!q || !reveal) return null;
  const last = q.index + 1 >= q.count;
  const next = (
    <NextControl
      game={game}
      clockOffset={state.clockOffset}
      nextLabel={last ? t('results.finalResults') : t('results.leaderboard')}
      totalMs={game.settings.revealSeconds * 1000}
    />
  );
  const result = me?.you?.result?.question === reveal.index ? me.you.result : null;
  const answer = rightAnswerWords(q, reveal, t, intl);
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
          {reveal.kind === 'slide'
            ? ''
            : t('results.answeredOf', {
                answered: intl.formatNumber(reveal.answered),
                count: intl.formatNumber(game.playerCount),
              })}
        </p>
        {next}
      </div>
    </section>
  );
}

/** The right answer in words, whatever the kind (a poll has none: its heading says so). */
export function rightAnswerWords(q: QuestionView, reveal: RevealView, t: Translate, intl: IntlShape): string {
  switch (reveal.kind ?? 'choice') {
    case 'multi_select':
      return intl.formatList(
        (reveal.correctOptions ?? []).map((i) => q.options[i] ?? ''),
        { type: 'unit' },
      );
    case 'typed':
      return intl.formatList(reveal.accepted ?? [], { type: 'disjunction' });
    case 'number':
      return intl.formatNumber(reveal.value ?? 0);
    case 'ordering':
      return (reveal.rightOrder ?? []).map((i) => q.options[i] ?? '').join(' → ');
    case 'poll':
      return t('results.pollResults');
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
  const t = useT();
  const intl = useIntl();
  const groups = reveal.groups ?? [];
  const most = Math.max(1, ...groups.map((g) => g.count));
  if (groups.length === 0) return <p className="reveal__answered">{t('results.nobody')}</p>;
  return (
    <ul
      className={`results results--groups results--${groups.length > 8 ? 'many' : 'few'}`}
      aria-label={reveal.kind === 'number' ? t('results.numbersGiven') : t('results.whatTyped')}
    >
      {groups.map((g) => (
        <li key={g.label} className={`result result--group${g.right ? ' is-correct' : ' is-wrong'}`}>
          <FitText as="span" className="result__text" text={g.label}>
            {reveal.kind === 'number' ? intl.formatNumber(Number(g.label)) : g.label}
          </FitText>
          <span className="result__tags">
            {g.right ? (
              <span className="tag tag--correct">
                <CheckIcon /> {t('results.right')}
              </span>
            ) : null}
          </span>
          <span className="result__bar" aria-hidden="true">
            <span style={{ transform: `scaleX(${g.count / most})` }} />
          </span>
          <span className="result__count">
            <span aria-hidden="true">{intl.formatNumber(g.count)}</span>
            <span className="visually-hidden">{t('results.players', { count: g.count })}</span>
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
  const t = useT();
  const intl = useIntl();
  const most = Math.max(1, ...reveal.counts);
  const order = reveal.kind === 'ordering' ? (reveal.rightOrder ?? []) : q.options.map((_, i) => i);
  const poll = reveal.kind === 'poll';
  return (
    <ul
      className="results"
      aria-label={reveal.kind === 'ordering' ? t('results.orderChart') : t('results.howAnswered')}
    >
      {order.map((i) => {
        const text = q.options[i] ?? '';
        const picture = q.optionImages?.[i] ?? null;
        const count = reveal.counts[i] ?? 0;
        const correct = !poll && isRight(reveal, i);
        const yours = result?.option === i;
        return (
          <li key={i} className={`result opt-${i % 4}${correct || poll ? ' is-correct' : ' is-wrong'}`}>
            <OptionShape index={i % 4} className="result__shape" />
            {picture ? (
              <span className="result__label">
                <QuizPicture name={picture} className="result__picture" alt="" />
                <FitText as="span" className="result__text" text={text}>
                  {text}
                </FitText>
              </span>
            ) : (
              <FitText as="span" className="result__text" text={text}>
                {text}
              </FitText>
            )}
            {/* Always there, empty or not, so every row's bar sits in the same column. */}
            <span className="result__tags">
              {correct && reveal.kind !== 'ordering' ? (
                <span className="tag tag--correct">
                  <CheckIcon /> {t('results.correct')}
                </span>
              ) : null}
              {yours ? <span className="tag tag--you">{t('results.yourAnswer')}</span> : null}
            </span>
            <span className="result__bar" aria-hidden="true">
              <span style={{ transform: `scaleX(${count / most})` }} />
            </span>
            <span className="result__count">
              <span aria-hidden="true">{intl.formatNumber(count)}</span>
              <span className="visually-hidden">{t('results.players', { count })}</span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}

function AnswerHeading({ reveal, answer }: { reveal: RevealView; answer: string }) {
  const t = useT();
  if (reveal.voided)
    return (
      <ScreenHeading className="reveal__heading" fit="skipped">
        {t('results.skippedHeading')}
      </ScreenHeading>
    );
  if (reveal.kind === 'poll' || reveal.kind === 'slide')
    return (
      <ScreenHeading className="reveal__heading" fit={answer}>
        <span className="reveal__answer">{reveal.kind === 'poll' ? t('results.howVoted') : answer}</span>
      </ScreenHeading>
    );
  return (
    <ScreenHeading className="reveal__heading" fit={answer}>
      <Message
        id={reveal.kind === 'ordering' ? 'results.rightOrderIs' : 'results.answerIs'}
        values={{
          k: (chunks) => <span className="reveal__kicker">{chunks} </span>,
          answer: <span className="reveal__answer">{answer}</span>,
        }}
      />
    </ScreenHeading>
  );
}

function headline(reveal: RevealView, result: PlayerResult, t: Translate, intl: IntlShape): string {
  if (reveal.voided) return t('results.skipped');
  if (reveal.kind === 'slide') return t('results.getReady');
  if (result.elapsedMs === null) return t('results.noAnswer');
  if (reveal.kind === 'poll') return t('results.thanksVoting');
  if (result.correct) return t('results.correctBang');
  if ((result.credit ?? 0) > 0)
    return t('results.partly', {
      percent: intl.formatNumber(Math.round((result.credit ?? 0) * 100) / 100, { style: 'percent' }),
    });
  return t('results.notThisTime');
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
  const t = useT();
  const intl = useIntl();
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
          <p className="result-panel__headline">{t('results.onTheirWay')}</p>
        ) : (
          <>
            <p className="result-panel__headline">
              {mood === 'is-correct' ? <CheckIcon /> : mood === 'is-wrong' ? <CrossIcon /> : null}
              {headline(reveal, result, t, intl)}
            </p>
            {game.settings.scoringMode === 'survey' ? null : (
              <p className="result-panel__points">
                <Message
                  id="results.pointsWord"
                  values={{
                    points: signedPoints(points, intl.formatNumber),
                    span: (chunks) => <span>{chunks}</span>,
                  }}
                />
              </p>
            )}
            <dl className="result-panel__stats">
              <div>
                <dt>{t('results.streak')}</dt>
                <dd>
                  <span className="nowrap">
                    {result.streak > 1 ? (
                      <span aria-hidden="true" className="flame">
                        <FlameIcon />
                      </span>
                    ) : null}
                    {intl.formatNumber(result.streak)}
                  </span>
                </dd>
              </div>
              <div>
                <dt>{t('results.rank')}</dt>
                <dd>
                  <Message
                    id="results.rankOf"
                    values={{
                      rank: ordinal(t, result.rank),
                      count: intl.formatNumber(game.playerCount),
                      small: (chunks) => <span className="result-panel__small">{chunks}</span>,
                    }}
                  />
                </dd>
              </div>
              {gap && gap.kind !== 'alone' ? (
                <div>
                  <dt>
                    {gap.kind === 'behind'
                      ? t('results.behind', { rank: ordinal(t, gap.rank) })
                      : t('results.lead')}
                  </dt>
                  <dd>
                    <Message
                      id={gap.kind === 'behind' ? 'results.pointsTo' : 'results.pointsOn'}
                      values={{
                        points: intl.formatNumber(gap.points),
                        name: <PlayerName name={gap.name} />,
                        small: (chunks) => <span className="result-panel__small">{chunks}</span>,
                      }}
                    />
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
