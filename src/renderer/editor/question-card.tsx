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
import { AnswerFields } from './answer-fields';
import { fieldMessage, type ErrorAt } from './editor-errors';
import { QuestionSettings } from './question-settings';

export const KIND_NAMES: Record<QuestionKind, string> = {
  choice: 'Choice (one right option)',
  true_false: 'True or false',
  multi_select: 'Multi-select (several right options)',
  typed: 'Typed answer',
  number: 'Number (slider)',
  ordering: 'Put in order',
  poll: 'Poll (no right answer)',
  slide: 'Slide (no answers)',
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
  const promptError = err(['prompt']);
  return (
    <fieldset className="editor__fieldset" aria-labelledby={`${qid}-legend`}>
      <div className="editor__question-head">
        <h2 id={`${qid}-legend`} className="editor__question-title">
          Question {n}
        </h2>
        <div className="editor__tools">
          <button
            type="button"
            id={`${qid}-up`}
            className="btn btn--ghost btn--small"
            disabled={index === 0}
            aria-label={`Move question ${n} up`}
            onClick={() => props.onMove(-1)}
          >
            ↑ Up
          </button>
          <button
            type="button"
            id={`${qid}-down`}
            className="btn btn--ghost btn--small"
            disabled={index === count - 1}
            aria-label={`Move question ${n} down`}
            onClick={() => props.onMove(1)}
          >
            ↓ Down
          </button>
          <button
            type="button"
            className="btn btn--ghost btn--small"
            aria-label={`Duplicate question ${n}`}
            onClick={props.onDuplicate}
          >
            Duplicate
          </button>
          <button
            type="button"
            className="btn btn--ghost btn--small editor__remove"
            disabled={count === 1}
            aria-label={`Remove question ${n}`}
            onClick={props.onRemove}
          >
            Remove
          </button>
        </div>
      </div>

      <Field id={`${qid}-kind`} label="Kind of question">
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
                {KIND_NAMES[kind]}
              </option>
            ))}
          </select>
        )}
      </Field>

      <Field
        id={`${qid}-prompt`}
        label={q.kind === 'slide' ? 'Slide title' : 'Question text'}
        error={
          promptError ? fieldMessage(q.kind === 'slide' ? 'The title' : 'The question', promptError) : null
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
