/**
 * A question's own settings in the editor: time limit (empty: the room's), points (0 to 2000 in
 * the steps the schema allows; fixed at 0 for polls and slides), reading time, shuffled options
 * (kinds with options) and the explanation shown at the reveal.
 */
import type { QuizDraftQuestion } from '../../shared/quiz/quiz-draft';
import {
  MAX_READING_TIME_S,
  MAX_TIME_LIMIT_S,
  MIN_TIME_LIMIT_S,
  POINT_VALUES,
} from '../../shared/quiz/quiz-schema';
import { Field } from '../components/field';
import { useT, type MessageId } from '../i18n';
import { hasOptions } from '../../shared/quiz/draft-kinds';
import { fieldMessage, type ErrorAt } from './editor-errors';

/** The point values with a name of their own; the others are shown as the number alone. */
const POINT_NAMES: Record<number, MessageId> = {
  0: 'editor.pointsNone',
  1000: 'editor.pointsStandard',
  2000: 'editor.pointsDouble',
};

interface Props {
  q: QuizDraftQuestion;
  qid: string;
  /** The time limit as typed (empty: the room's setting). */
  timeText: string;
  err: ErrorAt;
  /** Applies an edit to the question as it is when applied (see text-list.tsx on why). */
  onEdit: (edit: (q: QuizDraftQuestion) => QuizDraftQuestion) => void;
  onTime: (text: string) => void;
}

export function QuestionSettings({ q, qid, timeText, err, onEdit, onTime }: Props) {
  const unscored = q.kind === 'poll' || q.kind === 'slide';
  const readingError = err(['readingTime']);
  const explanationError = err(['explanation']);
  const pointsError = err(['points']);
  const t = useT();
  return (
    <>
      <div className="editor__settings">
        <Field
          id={`${qid}-time`}
          label={t('editor.timeLimit')}
          hint={t('editor.timeLimitHint')}
          error={
            err(['timeLimit'])
              ? t('editor.timeLimitError', { min: MIN_TIME_LIMIT_S, max: MAX_TIME_LIMIT_S })
              : null
          }
        >
          {(control) => (
            <input
              {...control}
              type="number"
              inputMode="numeric"
              min={MIN_TIME_LIMIT_S}
              max={MAX_TIME_LIMIT_S}
              value={timeText}
              onChange={(e) => onTime(e.target.value)}
            />
          )}
        </Field>
        <Field
          id={`${qid}-points`}
          label={t('editor.points')}
          hint={unscored ? t('editor.pointsHint') : undefined}
          error={pointsError ? fieldMessage(t, t('editor.points'), pointsError) : null}
        >
          {(control) => (
            <select
              {...control}
              disabled={unscored}
              value={unscored ? 0 : (q.points ?? 1000)}
              onChange={(e) => {
                const points = Number(e.target.value);
                onEdit((cur) => ({ ...cur, points }) as QuizDraftQuestion);
              }}
            >
              {POINT_VALUES.map((value) => (
                <option key={value} value={value}>
                  {t(POINT_NAMES[value] ?? 'editor.pointsOther', { points: value })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id={`${qid}-reading`}
          label={t('editor.readingTime')}
          hint={t('editor.readingTimeHint')}
          error={readingError ? t('editor.timeLimitError', { min: 0, max: MAX_READING_TIME_S }) : null}
        >
          {(control) => (
            <input
              {...control}
              type="number"
              inputMode="numeric"
              min={0}
              max={MAX_READING_TIME_S}
              value={q.readingTime ?? ''}
              onChange={(e) => {
                const text = e.target.value.trim();
                const value = Number(text);
                onEdit((cur) => {
                  const { readingTime: _old, ...rest } = cur;
                  return (
                    text === '' || !Number.isFinite(value)
                      ? rest
                      : { ...rest, readingTime: Math.min(Math.max(value, 0), 100_000) }
                  ) as QuizDraftQuestion;
                });
              }}
            />
          )}
        </Field>
      </div>
      {hasOptions(q) ? (
        <label className="editor__choice">
          <input
            type="checkbox"
            checked={q.shuffle ?? false}
            onChange={(e) => {
              const shuffle = e.target.checked;
              onEdit((cur) =>
                'shuffle' in cur || hasOptions(cur) ? ({ ...cur, shuffle } as QuizDraftQuestion) : cur,
              );
            }}
          />
          {t('editor.shuffle')}
        </label>
      ) : null}
      <Field
        id={`${qid}-explanation`}
        label={t('editor.explanation')}
        hint={t('editor.explanationHint')}
        error={explanationError ? fieldMessage(t, t('editor.theExplanation'), explanationError) : null}
      >
        {(control) => (
          <textarea
            {...control}
            rows={2}
            maxLength={5000}
            value={q.explanation ?? ''}
            onChange={(e) => {
              const text = e.target.value;
              onEdit((cur) => {
                const { explanation: _old, ...rest } = cur;
                return (text === '' ? rest : { ...rest, explanation: text }) as QuizDraftQuestion;
              });
            }}
          />
        )}
      </Field>
    </>
  );
}
