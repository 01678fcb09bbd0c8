/**
 * One question in the editor: its tools (move, duplicate, remove), its kind, its text, its
 * answers (answer-fields.tsx) and its settings (question-settings.tsx). Problems found by the quiz
 * schema are shown next to the field they are about.
 */
import type { ReactNode } from 'react';
import { changeKind } from '../../shared/quiz/draft-kinds';
import type { QuizDraftQuestion } from '../../shared/quiz/quiz-draft';
import { QUESTION_KINDS, type QuestionKind } from '../../shared/quiz/quiz-schema';
import { Field } from '../components/field';
import { useT, type MessageId } from '../i18n';
import { AnswerFields } from './answer-fields';
import { fieldMessage, type ErrorAt } from './editor-errors';
import { QuestionSettings } from './question-settings';

export const KIND_NAMES: Record<QuestionKind, MessageId> = {
  choice: 'editor.kindChoice',
  true_false: 'editor.kindTrueFalse',
  multi_select: 'editor.kindMultiSelect',
  typed: 'editor.kindTyped',
  number: 'editor.kindNumber',
  ordering: 'editor.kindOrdering',
  poll: 'editor.kindPoll',
  slide: 'editor.kindSlide',
};

interface Props {
  q: QuizDraftQuestion;
  timeText: string;
  /** Id prefix of this question's controls; its place (0-based) and how many questions there are. */
  qid: string;
  index: number;
  count: number;
  /** Problems on this question's fields, by path inside the question. */
  err: ErrorAt;
  /** Applies an edit to the question as it is when applied (see text-list.tsx on why). */
  onEdit: (edit: (q: QuizDraftQuestion) => QuizDraftQuestion) => void;
  onTime: (text: string) => void;
  onMove: (by: -1 | 1) => void;
  onDuplicate: () => void;
  onRemove: () => void;
  /** The question's picture and sound controls, and option `i`'s picture control, when available. */
  media?: ReactNode;
  optionMedia?: (i: number) => ReactNode;
}

export function QuestionCard(props: Props) {
  const { q, qid, index, count, err } = props;
  const n = index + 1;
  const t = useT();
  const promptError = err(['prompt']);
  return (
    <fieldset className="editor__fieldset" aria-labelledby={`${qid}-legend`}>
      <div className="editor__question-head">
        <h2 id={`${qid}-legend`} className="editor__question-title">
          {t('editor.question', { n })}
        </h2>
        <div className="editor__tools">
          <button
            type="button"
            id={`${qid}-up`}
            className="btn btn--ghost btn--small"
            disabled={index === 0}
            aria-label={t('editor.moveQuestionUp', { n })}
            onClick={() => props.onMove(-1)}
          >
            {t('editor.up')}
          </button>
          <button
            type="button"
            id={`${qid}-down`}
            className="btn btn--ghost btn--small"
            disabled={index === count - 1}
            aria-label={t('editor.moveQuestionDown', { n })}
            onClick={() => props.onMove(1)}
          >
            {t('editor.down')}
          </button>
          <button
            type="button"
            className="btn btn--ghost btn--small"
            aria-label={t('editor.duplicateQuestion', { n })}
            onClick={props.onDuplicate}
          >
            {t('editor.duplicate')}
          </button>
          <button
            type="button"
            className="btn btn--ghost btn--small editor__remove"
            disabled={count === 1}
            aria-label={t('editor.removeQuestion', { n })}
            onClick={props.onRemove}
          >
            {t('editor.remove')}
          </button>
        </div>
      </div>

      <Field id={`${qid}-kind`} label={t('editor.kind')}>
        {(control) => (
          <select
            {...control}
            value={q.kind}
            onChange={(e) => {
              const kind = e.target.value as QuestionKind;
              props.onEdit((cur) => changeKind(cur, kind));
            }}
          >
            {QUESTION_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(KIND_NAMES[kind])}
              </option>
            ))}
          </select>
        )}
      </Field>

      <Field
        id={`${qid}-prompt`}
        label={t(q.kind === 'slide' ? 'editor.slideTitle' : 'editor.questionText')}
        error={
          promptError
            ? fieldMessage(t, t(q.kind === 'slide' ? 'editor.theTitle' : 'editor.theQuestion'), promptError)
            : null
        }
      >
        {(control) => (
          <textarea
            {...control}
            rows={2}
            value={q.prompt}
            maxLength={5000}
            onChange={(e) => {
              const prompt = e.target.value;
              props.onEdit((cur) => ({ ...cur, prompt }));
            }}
          />
        )}
      </Field>

      {/* The question's picture and sound. */}
      {props.media}

      <AnswerFields q={q} qid={qid} n={n} err={err} onEdit={props.onEdit} optionExtra={props.optionMedia} />

      <QuestionSettings
        q={q}
        qid={qid}
        timeText={props.timeText}
        err={err}
        onEdit={props.onEdit}
        onTime={props.onTime}
      />
    </fieldset>
  );
}
