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
import type { ClientView } from '../../shared/client/client-view';
import type { AppState } from '../../shared/api/quiz-api';
import type { AnswerFields, QuestionView } from '../../shared/protocol';
import { playerOptionOrder } from '../../shared/quiz/seeded-order';
import { MultiSelectPad, NumberPad, OrderingPad, TypedPad } from '../phone/answer-pads';
import { useApi } from '../api/api-context';
import { useRemainingMs } from '../api/use-host-clock';
import { FitText } from '../components/fit-text';
import { OptionShape } from '../components/option-shape';
import { ScreenHeading } from '../components/screen-heading';
import { TimeBar } from '../components/time-bar';
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
function answerWords(q: QuestionView, a: AnswerFields): string {
  if (a.option !== undefined) return q.options[a.option] ?? '';
  if (a.options !== undefined)
    return a.options.length ? a.options.map((i) => q.options[i] ?? '').join(', ') : 'none of them';
  if (a.text !== undefined) return a.text;
  if (a.value !== undefined) return a.value.toLocaleString('en-US');
  if (a.order !== undefined) return a.order.map((i) => q.options[i] ?? '').join(', then ');
  return '';
}

const KIND_TAGS: Partial<Record<QuestionView['kind'], string>> = {
  true_false: 'True or false',
  multi_select: 'Several answers',
  typed: 'Type it',
  number: 'Number',
  ordering: 'Put in order',
  poll: 'Poll',
};

const KIND_HINTS: Partial<Record<QuestionView['kind'], string>> = {
  multi_select: 'Pick every right answer (number keys toggle), then send.',
  typed: 'Type your answer and press Enter.',
  number: 'Slide or use the arrow keys, then send.',
  ordering: 'Put the items in order with ▲ and ▼, then send.',
};

export function QuestionScreen({ state, game, me }: QuestionProps) {
  const api = useApi();
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
  const pickedText = mine ? answerWords(q, mine) : null;
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
  const rows = { '--prompt-rows': `${share}fr`, '--pad-rows': `${1 - share}fr` } as CSSProperties;

  return (
    <section
      className={`screen question question--${q.kind}${me ? ' question--pad' : ''}${answered ? ' has-picked' : ''}${timeUp ? ' is-time-up' : ''}${held ? ' is-paused' : ''}`}
      style={rows}
    >
      <p className="question__counter">
        <span>
          {isSlide ? 'Slide' : 'Question'} {q.index + 1} of {q.count}
        </span>
        {KIND_TAGS[q.kind] ? <span className="tag">{KIND_TAGS[q.kind]}</span> : null}
        {q.points === 0 && !isSlide && q.kind !== 'poll' ? (
          <span className="tag tag--muted">No points</span>
        ) : null}
        {q.points === 2000 ? <span className="tag tag--pin">Double points</span> : null}
        {paused ? (
          <span className="tag tag--paused" role="status">
            Paused
          </span>
        ) : null}
        {me ? null : <FinishingTag game={game} />}
      </p>
      <ScreenHeading className="question__prompt" fit={q.prompt}>
        {q.prompt}
      </ScreenHeading>
      <TimeBar
        deadline={q.deadline}
        totalMs={q.timeLimitMs}
        clockOffset={state.clockOffset}
        frozenMs={paused ? paused.remainingMs : null}
        announce
      />

      {reading ? (
        <div className="question__pad question__slide" role="status">
          <p className="slide__text">Read the question: answers open in {Math.ceil(opensIn / 1000)} s</p>
        </div>
      ) : isSlide ? (
        <div className="question__pad question__slide">
          {q.text ? (
            <FitText as="p" className="slide__text" text={q.text}>
              {q.text}
            </FitText>
          ) : null}
          {me ? <p className="slide__note">Look at the big screen: the next question is coming.</p> : null}
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
              ? 'Type your answer on your phone'
              : `Pick a number from ${(q.range?.min ?? 0).toLocaleString('en-US')} to ${(q.range?.max ?? 0).toLocaleString('en-US')}`}
          </p>
        </div>
      ) : me ? (
        <div className="question__pad">
          <div
            className={`options ${layout}`}
            role="group"
            aria-label="Answers"
            aria-describedby="answer-keys-hint"
          >
            {order.map((i, place) => {
              const text = q.options[i] ?? '';
              const mine = picked === i;
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
        <ol className={`options options--display ${layout}`} aria-label="Answers">
          {q.options.map((text, i) => (
            <li key={i} className={`option opt-${i % 4}`}>
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
          {KIND_HINTS[q.kind] ??
            `Tip: press 1${q.options.length > 1 ? `–${q.options.length}` : ''} to answer.`}
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
                <span className="locked__wait">
                  {finishing?.answered ?? (open ? 'Waiting for the others…' : 'Time is up!')}
                </span>
              </span>
            </p>
          ) : timeUp ? (
            <p className="locked locked--late">{finishing?.timeUp ?? 'Time is up! No answer this time.'}</p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

/** The sign over the answers when the deadline passed without an answer. */
function PausedStamp() {
  return (
    <p className="question__times-up" aria-hidden="true">
      Paused
    </p>
  );
}

function TimesUp() {
  return (
    <p className="question__times-up" aria-hidden="true">
      Time’s up!
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
