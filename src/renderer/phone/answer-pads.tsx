/**
 * The phone's answer pads for the kinds of question that are not one tap on an option:
 * multi-select (toggle tiles, then Send), typed answer (a text field), number (a slider with − and
 * + steps), ordering (move items up and down). Each works by touch and by keyboard (number keys
 * toggle options, Enter sends, the slider takes the arrow keys) and fits a 375×667 screen without
 * scrolling. A pad sends one answer: the host takes only the first.
 */
import { useEffect, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { AnswerResponse, QuestionView } from '../../shared/protocol';
import { FitText } from '../components/fit-text';
import { OptionShape } from '../components/option-shape';
import { useIntl } from 'react-intl';
import { useT } from '../i18n';
import { QuizPicture } from '../media/quiz-picture';
import './answer-pads.css';

interface PadProps {
  q: QuestionView;
  canAnswer: boolean;
  onAnswer: (response: AnswerResponse) => void;
}

/** Enter sends the pad's answer from anywhere in it (a slider too), except from a button, which it presses. */
function sendOnEnter(e: KeyboardEvent<HTMLFormElement>): void {
  const target = e.target as HTMLElement;
  if (
    e.key !== 'Enter' ||
    target.tagName === 'BUTTON' ||
    (target.tagName === 'INPUT' && (target as HTMLInputElement).type === 'text')
  )
    return;
  e.preventDefault();
  e.currentTarget.requestSubmit();
}

function SendButton({ disabled, label }: { disabled: boolean; label?: string }) {
  const t = useT();
  return (
    <button type="submit" className="btn btn--primary pad__send" disabled={disabled}>
      {label ?? t('play.sendAnswer')}
    </button>
  );
}

/** `order`: shown place → option index (a shuffled question's order on this phone). */
export function MultiSelectPad({ q, order, canAnswer, onAnswer }: PadProps & { order: readonly number[] }) {
  const t = useT();
  const [picked, setPicked] = useState<number[]>([]);
  const toggle = (i: number) =>
    setPicked((p) => (p.includes(i) ? p.filter((x) => x !== i) : [...p, i].sort()));
  useEffect(() => {
    if (!canAnswer) return;
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.repeat) return;
      if (e.key === 'Enter' && (e.target as HTMLElement | null)?.tagName !== 'BUTTON') {
        e.preventDefault();
        document.querySelector<HTMLFormElement>('.pad--multi')?.requestSubmit();
        return;
      }
      const n = Number(e.key);
      if (Number.isInteger(n) && n >= 1 && n <= q.options.length) {
        e.preventDefault();
        toggle(order[n - 1] ?? n - 1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [canAnswer, q.options.length, order]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (canAnswer) onAnswer({ options: picked });
  };
  return (
    <form className="pad pad--multi" onSubmit={submit} aria-label={t('play.pickEvery')}>
      <div
        className={`options options--${Math.min(q.options.length, 6)}${q.optionImages?.some((r) => r !== null) ? ' options--pictures' : ''}`}
        role="group"
        aria-label={t('play.answers')}
      >
        {order.map((i, place) => {
          const text = q.options[i] ?? '';
          const on = picked.includes(i);
          const picture = q.optionImages?.[i] ?? null;
          return (
            <button
              key={i}
              type="button"
              className={`option opt-${i % 4}${on ? ' is-picked' : ''}`}
              disabled={!canAnswer}
              aria-pressed={on}
              aria-keyshortcuts={String(place + 1)}
              onClick={() => toggle(i)}
            >
              {picture ? <QuizPicture name={picture} className="option__picture" alt="" /> : null}
              <OptionShape index={i % 4} className="option__shape" />
              <FitText as="span" className="option__text" text={text}>
                {text}
              </FitText>
              <span className="pad__check" aria-hidden="true">
                {on ? '✓' : ''}
              </span>
            </button>
          );
        })}
      </div>
      <SendButton
        disabled={!canAnswer}
        label={picked.length === 0 ? t('play.sendNone') : t('play.sendPicked', { count: picked.length })}
      />
    </form>
  );
}

export function TypedPad({ q, canAnswer, onAnswer }: PadProps) {
  const t = useT();
  const [text, setText] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (canAnswer && text.trim()) onAnswer({ text: text.trim() });
  };
  return (
    <form className="pad pad--typed" onSubmit={submit}>
      <label className="field__label" htmlFor="typed-answer">
        {t('play.yourAnswer')}
      </label>
      <input
        id="typed-answer"
        className="pad__text"
        type="text"
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        enterKeyHint="send"
        maxLength={q.maxLength ?? 100}
        value={text}
        disabled={!canAnswer}
        onChange={(e) => setText(e.target.value)}
      />
      <SendButton disabled={!canAnswer || !text.trim()} />
    </form>
  );
}

/** Rounds to the slider's grid, so that float steps (0.1) send values the host takes. */
function onGrid(value: number, min: number, step: number): number {
  const steps = Math.round((value - min) / step);
  return Number((min + steps * step).toPrecision(12));
}

export function NumberPad({ q, canAnswer, onAnswer }: PadProps) {
  const t = useT();
  const intl = useIntl();
  const range = q.range ?? { min: 0, max: 100, step: 1 };
  const [value, setValue] = useState(() => onGrid((range.min + range.max) / 2, range.min, range.step));
  const set = (v: number) =>
    setValue(onGrid(Math.min(Math.max(v, range.min), range.max), range.min, range.step));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (canAnswer) onAnswer({ value });
  };
  return (
    <form className="pad pad--number" onSubmit={submit} onKeyDown={sendOnEnter}>
      <output className="pad__value" htmlFor="number-answer" aria-live="polite">
        {intl.formatNumber(value)}
      </output>
      <div className="pad__slider">
        <button
          type="button"
          className="btn btn--secondary pad__step"
          aria-label={t('play.less', { step: intl.formatNumber(range.step) })}
          disabled={!canAnswer || value <= range.min}
          onClick={() => set(value - range.step)}
        >
          −
        </button>
        <input
          id="number-answer"
          type="range"
          min={range.min}
          max={range.max}
          step={range.step}
          value={value}
          disabled={!canAnswer}
          aria-label={t('play.yourAnswer')}
          onChange={(e) => set(Number(e.target.value))}
        />
        <button
          type="button"
          className="btn btn--secondary pad__step"
          aria-label={t('play.more', { step: intl.formatNumber(range.step) })}
          disabled={!canAnswer || value >= range.max}
          onClick={() => set(value + range.step)}
        >
          +
        </button>
      </div>
      <p className="pad__range" aria-hidden="true">
        <span>{intl.formatNumber(range.min)}</span>
        <span>{intl.formatNumber(range.max)}</span>
      </p>
      <SendButton disabled={!canAnswer} />
    </form>
  );
}

export function OrderingPad({ q, canAnswer, onAnswer }: PadProps) {
  const t = useT();
  const [order, setOrder] = useState(() => q.options.map((_, i) => i));
  const move = (at: number, by: -1 | 1) =>
    setOrder((o) => {
      const next = [...o];
      const [item] = next.splice(at, 1);
      next.splice(at + by, 0, item!);
      return next;
    });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (canAnswer) onAnswer({ order });
  };
  return (
    <form className="pad pad--ordering" onSubmit={submit} onKeyDown={sendOnEnter}>
      <ol className="order-list" aria-label={t('play.yourOrder')}>
        {order.map((item, at) => {
          const text = q.options[item] ?? '';
          return (
            <li key={item} className={`order-item opt-${item % 4}`}>
              <span className="order-item__place" aria-hidden="true">
                {at + 1}
              </span>
              <FitText as="span" className="order-item__text" text={text}>
                {text}
              </FitText>
              <button
                type="button"
                className="btn btn--ghost btn--small order-item__move"
                aria-label={t('play.moveUp', { item: text })}
                disabled={!canAnswer || at === 0}
                onClick={() => move(at, -1)}
              >
                ▲
              </button>
              <button
                type="button"
                className="btn btn--ghost btn--small order-item__move"
                aria-label={t('play.moveDown', { item: text })}
                disabled={!canAnswer || at === order.length - 1}
                onClick={() => move(at, 1)}
              >
                ▼
              </button>
            </li>
          );
        })}
      </ol>
      <SendButton disabled={!canAnswer} />
    </form>
  );
}
