/**
 * Question: the prompt, the countdown to the host's deadline, and the options (colour + shape +
 * number key + text). On a player's screen the options are an answer pad that fills the screen,
 * with "answer locked" once an answer is sent, a clear "time's up" when the deadline passes, and
 * "Paused" while the host holds the timer (no answers then). A player with extra time gets the
 * question with their own deadline; once everyone else is done the projector says "Finishing…"
 * and phones that are done say why the answer has not come yet (extra-time/). The
 * prompt and the options shrink to fit their boxes, so the longest a quiz allows still fits.
 * The host's Skip, End and "Show answer now" are in the host bar.
 */
import { useEffect, useMemo, type CSSProperties } from 'react';
import { useIntl, type IntlShape } from 'react-intl';
import type { ClientView } from '../../shared/client/client-view';
import type { AppState } from '../../shared/api/quiz-api';
import type { AnswerFields, QuestionView } from '../../shared/protocol';
import { playerOptionOrder } from '../../shared/quiz/seeded-order';
import { MultiSelectPad, NumberPad, OrderingPad, TypedPad } from '../phone/answer-pads';
import { useApi } from '../api/api-context';
import { useRemainingMs } from '../api/use-host-clock';
import { FitText } from '../components/fit-text';
import { QuizPicture } from '../media/quiz-picture';
import { OptionShape } from '../components/option-shape';
import { ScreenHeading } from '../components/screen-heading';
import { TimeBar } from '../components/time-bar';
import { useT, type MessageId, type Translate } from '../i18n';
import { FinishingTag, useFinishingWait } from '../extra-time/finishing-note';
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

/**
 * The question's picture's share of the height (beside promptShare's prompt and answers): most of
 * a screen for a short question, shrinking as the texts grow so that the longest texts the format
 * allows still fit on a phone (the picture then stays as a thumbnail).
 */
export function pictureShare(prompt: string, options: string[]): number {
  const longest = Math.max(0, ...options.map((o) => o.length));
  return Math.min(0.6, Math.max(0.12, 0.6 - (prompt.length + 2 * longest) / 1500));
}

/** Options longer than this give their text the larger part of a picture tile. */
const LONG_OPTION = 40;

/** This player's answer to the open question (acknowledged, or still on its way). */
function myAnswer(me: ClientView | null, index: number): AnswerFields | null {
  if (!me) return null;
  if (me.you?.answer?.question === index) return me.you.answer;
  if (me.sending?.question === index) return me.sending;
  return null;
}

/** Kinds answered with one tap on an option. */
const TAP_KINDS: ReadonlySet<QuestionView['kind']> = new Set(['choice', 'true_false', 'poll']);

/** An answer in words, for "answer locked" as a screen reader hears it. */
function answerWords(q: QuestionView, a: AnswerFields, t: Translate, intl: IntlShape): string {
  if (a.option !== undefined) return q.options[a.option] ?? '';
  if (a.options !== undefined)
    return a.options.length
      ? intl.formatList(a.options.map((i) => q.options[i] ?? ''))
      : t('play.noneOfThem');
  if (a.text !== undefined) return a.text;
  if (a.value !== undefined) return intl.formatNumber(a.value);
  if (a.order !== undefined)
    return t('play.inOrder', {
      items: intl.formatList(
        a.order.map((i) => q.options[i] ?? ''),
        { type: 'unit' },
      ),
    });
  return '';
}

const KIND_TAGS: Partial<Record<QuestionView['kind'], MessageId>> = {
  true_false: 'play.kindTrueFalse',
  multi_select: 'play.kindMulti',
  typed: 'play.kindTyped',
  number: 'play.kindNumber',
  ordering: 'play.kindOrdering',
  poll: 'play.kindPoll',
};

const KIND_HINTS: Partial<Record<QuestionView['kind'], MessageId>> = {
  multi_select: 'play.hintMulti',
  typed: 'play.hintTyped',
  number: 'play.hintNumber',
  ordering: 'play.hintOrdering',
};

export function QuestionScreen({ state, game, me }: QuestionProps) {
  const api = useApi();
  const t = useT();
  const intl = useIntl();
  const q = game.question;
  // The host paused the timer: it stands still, and nobody answers until it goes on.
  const paused = game.paused;
  const running = useRemainingMs(paused ? null : (q?.deadline ?? null), state.clockOffset);
  const remaining = paused ? paused.remainingMs : running;
  // Reading time: the prompt alone until the answers open.
  const opensIn = useRemainingMs(q?.openedAt ?? null, state.clockOffset);
  const reading = opensIn > 0;
  const mine = q ? myAnswer(me, q.index) : null;
  const picked = mine?.option ?? null;
  const answered = mine !== null;
  const open = remaining > 0;
  const isSlide = q?.kind === 'slide';
  const tap = !!q && TAP_KINDS.has(q.kind);
  // While reconnecting an answer could not be sent: the buttons wait for the connection.
  const canAnswer =
    !!me && me.connection === 'open' && !answered && open && !paused && !reading && !!q && !isSlide;
  // A shuffled question shows this player's own order: shown place → option index.
  const playerId = me?.you?.id ?? null;
  const order = useMemo(
    () =>
      q?.shuffle && playerId
        ? playerOptionOrder(q.options.length, playerId, q.index)
        : (q?.options ?? []).map((_, i) => i),
    [q, playerId],
  );
  const timeUp = !!me && !open && !answered && !isSlide;
  const held = !!me && !!paused && !answered && !isSlide;
  const finishing = useFinishingWait(me);

  useEffect(() => {
    if (!canAnswer || !q || !tap) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.repeat) return;
      const target = e.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      const n = Number(e.key);
      if (Number.isInteger(n) && n >= 1 && n <= q.options.length) {
        e.preventDefault();
        api.answer(order[n - 1] ?? n - 1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [api, canAnswer, q, tap, order]);

  if (!q) return null;
  const pickedText = mine ? answerWords(q, mine, t, intl) : null;
  const kindTag = KIND_TAGS[q.kind];
  const kindHint = KIND_HINTS[q.kind];
  const layout = `options--${q.options.length}`;
  const share = promptShare(q.prompt, q.options.length ? q.options : [q.text ?? 'x'.repeat(40)]);
  const pad =
    q.kind === 'multi_select' ? (
      <MultiSelectPad q={q} order={order} canAnswer={canAnswer} onAnswer={(r) => api.answer(r)} />
    ) : q.kind === 'typed' ? (
      <TypedPad q={q} canAnswer={canAnswer} onAnswer={(r) => api.answer(r)} />
    ) : q.kind === 'number' ? (
      <NumberPad q={q} canAnswer={canAnswer} onAnswer={(r) => api.answer(r)} />
    ) : q.kind === 'ordering' ? (
      <OrderingPad q={q} canAnswer={canAnswer} onAnswer={(r) => api.answer(r)} />
    ) : null;
  const rows = {
    '--prompt-rows': `${share}fr`,
    '--pad-rows': `${1 - share}fr`,
    '--picture-rows': `${pictureShare(q.prompt, q.options)}fr`,
  } as CSSProperties;
  const longest = Math.max(0, ...q.options.map((o) => o.length));
  const pictured = q.optionImages?.some((r) => r !== null)
    ? ` options--pictures${longest > LONG_OPTION ? ' options--long-text' : ''}`
    : '';

  return (
    <section
      className={`screen question question--${q.kind}${q.image ? ' has-picture' : ''}${me ? ' question--pad' : ''}${answered ? ' has-picked' : ''}${timeUp ? ' is-time-up' : ''}${held ? ' is-paused' : ''}`}
      style={rows}
    >
      <p className="question__counter">
        <span>
          {t(isSlide ? 'play.slideCounter' : 'play.questionCounter', { number: q.index + 1, count: q.count })}
        </span>
        {kindTag ? <span className="tag">{t(kindTag)}</span> : null}
        {q.points === 0 && !isSlide && q.kind !== 'poll' ? (
          <span className="tag tag--muted">{t('play.noPoints')}</span>
        ) : null}
        {q.points === 2000 ? <span className="tag tag--pin">{t('play.doublePoints')}</span> : null}
        {paused ? (
          <span className="tag tag--paused" role="status">
            {t('play.paused')}
          </span>
        ) : null}
        {me ? null : <FinishingTag game={game} />}
      </p>
      <ScreenHeading className="question__prompt" fit={q.prompt}>
        {q.prompt}
      </ScreenHeading>
      {q.image ? (
        <div className="question__picture">
          <QuizPicture
            name={q.image}
            className="question__picture-img"
            alt={t('mediaPlay.questionPicture')}
          />
        </div>
      ) : null}
      <TimeBar
        deadline={q.deadline}
        totalMs={q.timeLimitMs}
        clockOffset={state.clockOffset}
        frozenMs={paused ? paused.remainingMs : null}
        announce
      />

      {reading ? (
        <div className="question__pad question__slide" role="status">
          <p className="slide__text">
            {game.settings.teamMode !== 'off' && game.settings.teamTalkSeconds > 0
              ? t('teams.talkNow', { seconds: Math.ceil(opensIn / 1000) })
              : t('play.readFirst', { seconds: Math.ceil(opensIn / 1000) })}
          </p>
        </div>
      ) : isSlide ? (
        <div className="question__pad question__slide">
          {q.text ? (
            <FitText as="p" className="slide__text" text={q.text}>
              {q.text}
            </FitText>
          ) : null}
          {me ? <p className="slide__note">{t('play.lookAtScreen')}</p> : null}
        </div>
      ) : me && pad ? (
        <div className="question__pad">
          {pad}
          {timeUp ? <TimesUp /> : held ? <PausedStamp /> : null}
        </div>
      ) : !me && (q.kind === 'typed' || q.kind === 'number') ? (
        <div className="question__pad question__slide">
          <p className="slide__text">
            {q.kind === 'typed'
              ? t('play.typeOnPhone')
              : t('play.pickNumber', {
                  min: intl.formatNumber(q.range?.min ?? 0),
                  max: intl.formatNumber(q.range?.max ?? 0),
                })}
          </p>
        </div>
      ) : me ? (
        <div className="question__pad">
          <div
            className={`options ${layout}${pictured}`}
            role="group"
            aria-label={t('play.answers')}
            aria-describedby="answer-keys-hint"
          >
            {order.map((i, place) => {
              const text = q.options[i] ?? '';
              const mine = picked === i;
              const picture = q.optionImages?.[i] ?? null;
              return (
                <button
                  key={i}
                  type="button"
                  className={`option opt-${i % 4}${mine ? ' is-picked' : ''}${picked !== null && !mine ? ' is-dimmed' : ''}`}
                  disabled={!canAnswer}
                  aria-pressed={mine}
                  aria-keyshortcuts={String(place + 1)}
                  onClick={() => api.answer(i)}
                >
                  {picture ? <QuizPicture name={picture} className="option__picture" alt="" /> : null}
                  <OptionShape index={i % 4} className="option__shape" />
                  <FitText as="span" className="option__text" text={text}>
                    {text}
                  </FitText>
                  <kbd className="option__key" aria-hidden="true">
                    {place + 1}
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
          {timeUp ? <TimesUp /> : held ? <PausedStamp /> : null}
        </div>
      ) : (
        <ol className={`options options--display ${layout}${pictured}`} aria-label={t('play.answers')}>
          {q.options.map((text, i) => (
            <li key={i} className={`option opt-${i % 4}`}>
              {q.optionImages?.[i] ? (
                <QuizPicture name={q.optionImages[i]} className="option__picture" alt="" />
              ) : null}
              <OptionShape index={i % 4} className="option__shape" />
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
      {me && !isSlide ? (
        <p id="answer-keys-hint" className={`question__hint${canAnswer ? '' : ' visually-hidden'}`}>
          {kindHint ? t(kindHint) : t('play.hintTap', { count: q.options.length })}
        </p>
      ) : null}

      {me ? (
        <div className="question__status" role="status">
          {pickedText !== null ? (
            <p className="locked">
              <LockIcon />
              <span>
                <strong>{t('play.answerLocked')}</strong>
                {/* The tile with the lock shows which; a screen reader hears it here. */}
                <span className="visually-hidden"> {t('play.lockedWhat', { answer: pickedText })}</span>{' '}
                <span className="locked__wait">
                  {finishing?.answered ?? (open ? t('play.waitingOthers') : t('play.timeIsUp'))}
                </span>
              </span>
            </p>
          ) : timeUp ? (
            <p className="locked locked--late">{finishing?.timeUp ?? t('play.timeUpNoAnswer')}</p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

/** The sign over the answers when the deadline passed without an answer. */
function PausedStamp() {
  const t = useT();
  return (
    <p className="question__times-up" aria-hidden="true">
      {t('play.paused')}
    </p>
  );
}

function TimesUp() {
  const t = useT();
  return (
    <p className="question__times-up" aria-hidden="true">
      {t('play.timesUp')}
    </p>
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
