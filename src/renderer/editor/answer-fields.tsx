/**
 * The answer part of a question in the editor, one form per kind: options with the right one(s)
 * marked (choice, multi-select), options alone (poll), true or false, accepted answers and typo
 * tolerance (typed), a range with its step, right value and tolerance (number), items in their
 * right order (ordering), and a slide's text. Each edits the draft question it is given.
 */
import type { ReactNode } from 'react';
import { maxOptionsOf } from '../../shared/quiz/draft-kinds';
import type { QuizDraftQuestion } from '../../shared/quiz/quiz-draft';
import {
  MAX_ACCEPTED_ANSWERS,
  MAX_TYPED_ANSWER,
  MIN_OPTIONS,
  MIN_ORDER_ITEMS,
} from '../../shared/quiz/quiz-schema';
import { Field } from '../components/field';
import { useT, type MessageId } from '../i18n';
import { fieldMessage, type ErrorAt } from './editor-errors';
import { TextList, type ListChange, type ListMark } from './text-list';

type Of<K extends QuizDraftQuestion['kind']> = Extract<QuizDraftQuestion, { kind: K }>;

export interface AnswerFieldsProps {
  q: QuizDraftQuestion;
  /** The question's id prefix and its number (1-based) for labels. */
  qid: string;
  n: number;
  /** Problems on this question's fields, by path inside the question. */
  err: ErrorAt;
  /** Applies an edit to the question as it is when applied (see text-list.tsx on why). */
  onEdit: (edit: (q: QuizDraftQuestion) => QuizDraftQuestion) => void;
  /** A picture control for option `i` (choice, multi-select, poll), when pictures can be added. */
  optionExtra?: (i: number) => ReactNode;
}

type WithImages = { optionImages?: (string | null)[] };

/** Moves or drops an option's picture along with the option. */
function imagesAfter(
  images: readonly (string | null)[] | undefined,
  count: number,
  removed?: number,
  moved?: [number, number],
): { optionImages?: (string | null)[] } {
  if (!images) return {};
  let next = [...images];
  if (removed !== undefined) next.splice(removed, 1);
  if (moved) [next[moved[0]], next[moved[1]]] = [next[moved[1]] ?? null, next[moved[0]] ?? null];
  next = next.slice(0, count);
  while (next.length < count) next.push(null);
  return next.some((x) => x) ? { optionImages: next } : {};
}

function markOf(q: QuizDraftQuestion): ListMark {
  if (q.kind === 'choice') return { type: 'radio', right: q.correct };
  if (q.kind === 'multi_select') return { type: 'checkbox', right: q.correct };
  return null;
}

/** Applies a list change to a question's options, moving option pictures along. */
function withOptions(q: QuizDraftQuestion, change: ListChange): QuizDraftQuestion {
  if (q.kind !== 'choice' && q.kind !== 'multi_select' && q.kind !== 'poll') return q;
  const { values: options, mark, removed, moved } = change(q.options, markOf(q));
  const rest = { ...q };
  delete (rest as WithImages).optionImages;
  const images = imagesAfter((q as WithImages).optionImages, options.length, removed, moved);
  if (rest.kind === 'choice')
    return { ...rest, options, correct: mark?.type === 'radio' ? mark.right : 0, ...images };
  if (rest.kind === 'multi_select')
    return { ...rest, options, correct: mark?.type === 'checkbox' ? [...mark.right] : [], ...images };
  return { ...rest, options, ...images };
}

function OptionFields({
  q,
  qid,
  n,
  err,
  onEdit,
  optionExtra,
}: AnswerFieldsProps & { q: Of<'choice' | 'multi_select' | 'poll'> }) {
  const t = useT();
  const legend: MessageId =
    q.kind === 'choice'
      ? 'editor.optionsChoice'
      : q.kind === 'multi_select'
        ? 'editor.optionsMulti'
        : 'editor.optionsPoll';
  return (
    <TextList
      id={`${qid}-opt`}
      legend={t(legend)}
      rowKind="option"
      values={q.options}
      min={MIN_OPTIONS}
      max={maxOptionsOf(q.kind)}
      maxLength={2000}
      mark={markOf(q)}
      path={['options']}
      err={err}
      listError={err(['correct']) ?? err(['optionImages'])}
      addLabel={t('editor.addOption')}
      addAriaLabel={t('editor.addOptionTo', { n })}
      rowExtra={optionExtra}
      onEdit={(change) => onEdit((cur) => withOptions(cur, change))}
    />
  );
}

function NumberInput(props: {
  id: string;
  label: string;
  value: number | undefined;
  error: string | null;
  hint?: string;
  onChange: (value: number | undefined) => void;
}) {
  const t = useT();
  return (
    <Field
      id={props.id}
      label={props.label}
      hint={props.hint}
      error={props.error ? fieldMessage(t, props.label, props.error) : null}
    >
      {(control) => (
        <input
          {...control}
          type="number"
          step="any"
          value={props.value ?? ''}
          onChange={(e) => {
            const text = e.target.value.trim();
            const value = Number(text);
            props.onChange(text === '' || !Number.isFinite(value) ? undefined : value);
          }}
        />
      )}
    </Field>
  );
}

function NumberFields({ q, qid, err, onEdit }: AnswerFieldsProps & { q: Of<'number'> }) {
  const set = (field: 'min' | 'max' | 'step' | 'correct' | 'tolerance', value: number | undefined) =>
    onEdit((cur) => {
      if (cur.kind !== 'number') return cur;
      if (field === 'step' || field === 'tolerance') {
        const { [field]: _old, ...rest } = cur;
        return value === undefined ? rest : { ...rest, [field]: value };
      }
      return { ...cur, [field]: value ?? 0 };
    });
  const t = useT();
  return (
    <div className="editor__settings">
      <NumberInput
        id={`${qid}-min`}
        label={t('editor.lowest')}
        value={q.min}
        error={err(['min'])}
        onChange={(v) => set('min', v)}
      />
      <NumberInput
        id={`${qid}-max`}
        label={t('editor.highest')}
        value={q.max}
        error={err(['max'])}
        onChange={(v) => set('max', v)}
      />
      <NumberInput
        id={`${qid}-step`}
        label={t('editor.step')}
        hint={t('editor.stepHint', { one: 1 })}
        value={q.step}
        error={err(['step'])}
        onChange={(v) => set('step', v)}
      />
      <NumberInput
        id={`${qid}-right`}
        label={t('editor.right')}
        value={q.correct}
        error={err(['correct'])}
        onChange={(v) => set('correct', v)}
      />
      <NumberInput
        id={`${qid}-tolerance`}
        label={t('editor.tolerance')}
        hint={t('editor.toleranceHint')}
        value={q.tolerance}
        error={err(['tolerance'])}
        onChange={(v) => set('tolerance', v)}
      />
    </div>
  );
}

export function AnswerFields(props: AnswerFieldsProps) {
  const { q, qid, n, err, onEdit } = props;
  const t = useT();
  switch (q.kind) {
    case 'choice':
    case 'multi_select':
    case 'poll':
      return <OptionFields {...props} q={q} />;
    case 'true_false':
      return (
        <fieldset className="editor__options">
          <legend className="field__label">{t('editor.statement')}</legend>
          {([true, false] as const).map((value) => (
            <label key={String(value)} className="editor__choice">
              <input
                type="radio"
                name={`${qid}-tf`}
                checked={q.correct === value}
                onChange={() =>
                  onEdit((cur) => (cur.kind === 'true_false' ? { ...cur, correct: value } : cur))
                }
              />
              {t(value ? 'editor.true' : 'editor.false')}
            </label>
          ))}
        </fieldset>
      );
    case 'typed':
      return (
        <>
          <TextList
            id={`${qid}-acc`}
            legend={t('editor.acceptedAnswers')}
            rowKind="answer"
            values={q.accepted}
            min={1}
            max={MAX_ACCEPTED_ANSWERS}
            maxLength={MAX_TYPED_ANSWER}
            mark={null}
            path={['accepted']}
            err={err}
            addLabel={t('editor.addAccepted')}
            addAriaLabel={t('editor.addAcceptedTo', { n })}
            onEdit={(change) =>
              onEdit((cur) =>
                cur.kind === 'typed' ? { ...cur, accepted: change(cur.accepted, null).values } : cur,
              )
            }
          />
          <label className="editor__choice">
            <input
              type="checkbox"
              checked={q.typos ?? false}
              onChange={(e) => {
                const typos = e.target.checked;
                onEdit((cur) => (cur.kind === 'typed' ? { ...cur, typos } : cur));
              }}
            />
            {t('editor.typos')}
          </label>
        </>
      );
    case 'number':
      return <NumberFields {...props} q={q} />;
    case 'ordering':
      return (
        <TextList
          id={`${qid}-item`}
          legend={t('editor.items')}
          rowKind="item"
          values={q.items}
          min={MIN_ORDER_ITEMS}
          max={maxOptionsOf('ordering')}
          maxLength={2000}
          mark={null}
          movable
          path={['items']}
          err={err}
          addLabel={t('editor.addItem')}
          addAriaLabel={t('editor.addItemTo', { n })}
          onEdit={(change) =>
            onEdit((cur) =>
              cur.kind === 'ordering' ? { ...cur, items: change(cur.items, null).values } : cur,
            )
          }
        />
      );
    case 'slide':
      return (
        <Field
          id={`${qid}-text`}
          label={t('editor.slideText')}
          hint={t('editor.slideTextHint')}
          error={err(['text']) ? fieldMessage(t, t('editor.theSlideText'), err(['text'])!) : null}
        >
          {(control) => (
            <textarea
              {...control}
              rows={3}
              maxLength={10_000}
              value={q.text ?? ''}
              onChange={(e) => {
                const text = e.target.value;
                onEdit((cur) => (cur.kind === 'slide' ? { ...cur, text } : cur));
              }}
            />
          )}
        </Field>
      );
  }
}
