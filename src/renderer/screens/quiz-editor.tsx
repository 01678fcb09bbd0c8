/**
 * The quiz editor (desktop): title, description and questions (prompt, 2-4 options with the
 * correct one marked, time limit, points), with add, remove, duplicate and reorder. Problems are
 * shown next to their field as the person types (from the real quiz schema). Every change is
 * saved after a short pause, and at once when a field loses focus, the editor closes or the page
 * goes away, so closing the app mid-edit loses nothing; an invalid quiz is kept as a draft.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { DesktopApi, QuizDraft, QuizDraftQuestion, SaveQuizResult } from '../../shared/api/quiz-api';
import { newQuestion, problemKey, quizProblems } from '../../shared/quiz/quiz-draft';
import {
  MAX_OPTIONS,
  MAX_TIME_LIMIT_S,
  MIN_OPTIONS,
  MIN_TIME_LIMIT_S,
  POINT_VALUES,
} from '../../shared/quiz/quiz-schema';
import { Field } from '../components/field';
import { ScreenHeader } from '../components/screen-header';
import type { SaveOutcome } from '../editor/autosave';
import { MediaPicker } from '../editor/media-picker';
import {
  mediaFields,
  mediaOf,
  withOptionImage,
  withoutOption,
  withQuestionMedia,
  type QuestionMedia,
} from '../editor/question-media';
import { useAutosave } from '../editor/use-autosave';

const AUTOSAVE_MS = 600;

const POINT_NAMES: Record<number, string> = { 0: 'No points', 1000: 'Standard', 2000: 'Double' };

const KIND_NAMES: Record<Exclude<QuizDraftQuestion['kind'], 'choice'>, string> = {
  true_false: 'true/false',
  multi_select: 'multi-select',
  typed: 'typed-answer',
  number: 'number',
  ordering: 'ordering',
  poll: 'poll',
  slide: 'slide',
};

interface Item {
  key: number;
  prompt: string;
  options: string[];
  correct: number;
  /** As typed; empty means the room's "seconds per question". */
  timeText: string;
  points: number;
  /** A question of another kind than choice: kept whole; the editor changes its prompt, time and points. */
  other: Exclude<QuizDraftQuestion, { kind: 'choice' }> | null;
  /** Its picture and sound (any kind), and its options' pictures (choice). */
  media: QuestionMedia;
}

interface Form {
  title: string;
  description: string;
  items: Item[];
}

let nextKey = 1;
const toItem = (q: QuizDraftQuestion): Item => ({
  key: nextKey++,
  prompt: q.prompt,
  options: q.kind === 'choice' ? [...q.options] : [],
  correct: q.kind === 'choice' ? q.correct : 0,
  timeText: q.timeLimit === undefined ? '' : String(q.timeLimit),
  points: q.points ?? 1000,
  other: q.kind === 'choice' ? null : q,
  media: mediaOf(q),
});

function toDraft(form: Form): QuizDraft {
  const description = form.description.trim();
  return {
    title: form.title,
    ...(description ? { description: form.description } : {}),
    questions: form.items.map((item) => {
      const time = item.timeText.trim();
      const n = Number(time);
      const timeLimit =
        time === '' ? {} : { timeLimit: Number.isFinite(n) ? Math.min(Math.max(n, 0), 100_000) : 0 };
      if (item.other) {
        const { timeLimit: _old, image: _image, audio: _audio, ...other } = item.other;
        return {
          ...other,
          prompt: item.prompt,
          ...timeLimit,
          points: item.points,
          ...mediaFields(item.media),
        };
      }
      return {
        kind: 'choice' as const,
        prompt: item.prompt,
        options: item.options,
        correct: Math.min(item.correct, 7),
        ...timeLimit,
        points: item.points,
        ...mediaFields(item.media, item.options.length),
      };
    }),
  };
}

/** What a save answered, in the words the editor's status shows. */
function outcomeOf(result: SaveQuizResult): SaveOutcome {
  if (result.ok) return { kind: 'saved' };
  return { kind: result.draftSaved ? 'draft' : 'error', message: result.message };
}

/** Words for a problem on a field: "Option 2 must not be empty." */
function fieldMessage(label: string, message: string): string {
  return `${label} ${message}.`;
}

export function QuizEditor({ api, id, onClose }: { api: DesktopApi; id: string; onClose: () => void }) {
  const base = useId();
  const [form, setForm] = useState<Form | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const formRef = useRef<Form | null>(null);
  const save = useCallback((draft: QuizDraft) => api.saveQuiz(id, draft).then(outcomeOf), [api, id]);
  const { status, showStatus, change, flush } = useAutosave(save, AUTOSAVE_MS);

  useEffect(() => {
    let live = true;
    void api.openQuiz(id).then((result) => {
      if (!live) return;
      if (!result.ok) return setLoadError(result.message);
      const next = {
        title: result.quiz.title,
        description: result.quiz.description ?? '',
        items: result.quiz.questions.map(toItem),
      };
      formRef.current = next;
      setForm(next);
      if (result.draft) showStatus({ kind: 'draft', message: 'Restored your unfinished changes.' });
    });
    return () => {
      live = false;
    };
  }, [api, id, showStatus]);

  const update = (edit: (form: Form) => Form) => {
    const current = formRef.current;
    if (!current) return;
    const next = edit(current);
    formRef.current = next;
    setForm(next);
    change(toDraft(next));
  };
  const updateItem = (index: number, edit: (item: Item) => Item) =>
    update((f) => ({ ...f, items: f.items.map((it, i) => (i === index ? edit(it) : it)) }));
  const moveItem = (index: number, by: -1 | 1) => {
    update((f) => {
      const items = [...f.items];
      const [moved] = items.splice(index, 1);
      items.splice(index + by, 0, moved!);
      return { ...f, items };
    });
    // Keep the keyboard on the button that was pressed, now on the moved question.
    requestAnimationFrame(() =>
      document.getElementById(`${base}-q${index + by}-${by < 0 ? 'up' : 'down'}`)?.focus(),
    );
  };

  const errors = useMemo(() => {
    const map = new Map<string, string>();
    if (!form) return map;
    for (const p of quizProblems(toDraft(form))) {
      const key = problemKey(p.path);
      if (!map.has(key)) map.set(key, p.message);
    }
    return map;
  }, [form]);

  const addMedia: DesktopApi['addMedia'] = (name, bytes) => api.addMedia(name, bytes);

  if (loadError) {
    return (
      <section className="screen library">
        <ScreenHeader title="Edit quiz" back={{ label: 'Library', onClick: onClose }} />
        <p className="card form-error" role="alert">
          {loadError}
        </p>
      </section>
    );
  }
  if (!form) {
    return (
      <section className="screen library" aria-busy="true">
        <p className="lead">Opening the quiz…</p>
      </section>
    );
  }

  const err = (path: (string | number)[]) => errors.get(problemKey(path)) ?? null;
  const titleError = err(['title']);
  const descriptionError = err(['description']);
  const questionsError = err(['questions']);

  return (
    <section className="screen library editor">
      <ScreenHeader
        title="Edit quiz"
        className="editor__header"
        back={{
          label: 'Library',
          onClick: () => {
            flush();
            onClose();
          },
        }}
      >
        <p className={`editor__status editor__status--${status.kind}`} role="status">
          {status.kind === 'saving'
            ? 'Saving…'
            : status.kind === 'saved'
              ? 'All changes saved'
              : status.kind === 'draft' || status.kind === 'error'
                ? status.message
                : ''}
        </p>
      </ScreenHeader>

      <form
        className="editor__form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          flush();
        }}
        onBlur={() => flush()}
      >
        <div className="card editor__meta">
          <Field
            id={`${base}-title`}
            label="Title"
            error={titleError ? fieldMessage('The title', titleError) : null}
          >
            {(control) => (
              <input
                {...control}
                type="text"
                value={form.title}
                maxLength={1000}
                onChange={(e) => {
                  const title = e.target.value;
                  update((f) => ({ ...f, title }));
                }}
              />
            )}
          </Field>
          <Field
            id={`${base}-description`}
            label={
              <>
                Description <span className="field__optional">(optional)</span>
              </>
            }
            error={descriptionError ? fieldMessage('The description', descriptionError) : null}
          >
            {(control) => (
              <textarea
                {...control}
                rows={2}
                value={form.description}
                maxLength={10_000}
                onChange={(e) => {
                  const description = e.target.value;
                  update((f) => ({ ...f, description }));
                }}
              />
            )}
          </Field>
        </div>

        <ol className="editor__questions">
          {form.items.map((item, qi) => {
            const qid = `${base}-q${qi}`;
            const promptError = err(['questions', qi, 'prompt']);
            const optionsError = err(['questions', qi, 'options']) ?? err(['questions', qi, 'correct']);
            const timeError = err(['questions', qi, 'timeLimit']);
            const pointsError = err(['questions', qi, 'points']);
            const n = qi + 1;
            return (
              <li key={item.key} className="card editor__question">
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
                        disabled={qi === 0}
                        aria-label={`Move question ${n} up`}
                        onClick={() => moveItem(qi, -1)}
                      >
                        ↑ Up
                      </button>
                      <button
                        type="button"
                        id={`${qid}-down`}
                        className="btn btn--ghost btn--small"
                        disabled={qi === form.items.length - 1}
                        aria-label={`Move question ${n} down`}
                        onClick={() => moveItem(qi, 1)}
                      >
                        ↓ Down
                      </button>
                      <button
                        type="button"
                        className="btn btn--ghost btn--small"
                        aria-label={`Duplicate question ${n}`}
                        onClick={() =>
                          update((f) => {
                            const items = [...f.items];
                            items.splice(qi + 1, 0, { ...item, options: [...item.options], key: nextKey++ });
                            return { ...f, items };
                          })
                        }
                      >
                        Duplicate
                      </button>
                      <button
                        type="button"
                        className="btn btn--ghost btn--small editor__remove"
                        disabled={form.items.length === 1}
                        aria-label={`Remove question ${n}`}
                        onClick={() => update((f) => ({ ...f, items: f.items.filter((_, i) => i !== qi) }))}
                      >
                        Remove
                      </button>
                    </div>
                  </div>

                  <Field
                    id={`${qid}-prompt`}
                    label="Question text"
                    error={promptError ? fieldMessage('The question', promptError) : null}
                  >
                    {(control) => (
                      <textarea
                        {...control}
                        rows={2}
                        value={item.prompt}
                        maxLength={5000}
                        onChange={(e) => {
                          const prompt = e.target.value;
                          updateItem(qi, (it) => ({ ...it, prompt }));
                        }}
                      />
                    )}
                  </Field>

                  <div className="editor__media">
                    {(['image', 'audio'] as const).map((kind) => (
                      <MediaPicker
                        key={kind}
                        kind={kind}
                        question={n}
                        value={item.media[kind]}
                        add={addMedia}
                        onChange={(ref) =>
                          updateItem(qi, (it) => ({ ...it, media: withQuestionMedia(it.media, kind, ref) }))
                        }
                      />
                    ))}
                  </div>

                  {item.other ? (
                    <p className="field__hint">
                      A {KIND_NAMES[item.other.kind]} question: its answers are edited in the quiz file.
                    </p>
                  ) : (
                    <fieldset
                      className="editor__options"
                      aria-describedby={optionsError ? `${qid}-options-error` : undefined}
                    >
                      <legend className="field__label">Options: mark the correct one</legend>
                      {item.options.map((option, oi) => {
                        const oid = `${qid}-opt${oi}`;
                        const optionError = err(['questions', qi, 'options', oi]);
                        return (
                          <div
                            key={oi}
                            className={`editor__option opt-${oi}${optionError ? ' has-error' : ''}`}
                          >
                            <input
                              type="radio"
                              name={`${qid}-correct`}
                              className="editor__correct"
                              checked={item.correct === oi}
                              aria-label={`Option ${oi + 1} is correct`}
                              onChange={() => updateItem(qi, (it) => ({ ...it, correct: oi }))}
                            />
                            <input
                              id={oid}
                              type="text"
                              className="editor__option-text"
                              value={option}
                              maxLength={2000}
                              aria-label={`Option ${oi + 1}`}
                              aria-invalid={optionError ? true : undefined}
                              aria-describedby={optionError ? `${oid}-error` : undefined}
                              onChange={(e) => {
                                const text = e.target.value;
                                updateItem(qi, (it) => ({
                                  ...it,
                                  options: it.options.map((o, i) => (i === oi ? text : o)),
                                }));
                              }}
                            />
                            <button
                              type="button"
                              className="btn btn--ghost btn--small"
                              disabled={item.options.length <= MIN_OPTIONS}
                              aria-label={`Remove option ${oi + 1}`}
                              onClick={() =>
                                updateItem(qi, (it) => ({
                                  ...it,
                                  options: it.options.filter((_, i) => i !== oi),
                                  media: withoutOption(it.media, oi),
                                  correct:
                                    it.correct === oi ? 0 : it.correct > oi ? it.correct - 1 : it.correct,
                                }))
                              }
                            >
                              ✕
                            </button>
                            <MediaPicker
                              kind="image"
                              compact
                              question={n}
                              option={oi + 1}
                              value={item.media.optionImages?.[oi]}
                              add={addMedia}
                              onChange={(ref) =>
                                updateItem(qi, (it) => ({ ...it, media: withOptionImage(it.media, oi, ref) }))
                              }
                            />
                            {optionError ? (
                              <p id={`${oid}-error`} className="field__error editor__option-error">
                                {fieldMessage(`Option ${oi + 1}`, optionError)}
                              </p>
                            ) : null}
                          </div>
                        );
                      })}
                      {optionsError ? (
                        <p id={`${qid}-options-error`} className="field__error">
                          {fieldMessage('The question', optionsError)}
                        </p>
                      ) : null}
                      {item.options.length < MAX_OPTIONS ? (
                        <button
                          type="button"
                          className="btn btn--secondary btn--small editor__add-option"
                          aria-label={`Add option to question ${n}`}
                          onClick={() => {
                            updateItem(qi, (it) => ({ ...it, options: [...it.options, ''] }));
                            requestAnimationFrame(() =>
                              document.getElementById(`${qid}-opt${item.options.length}`)?.focus(),
                            );
                          }}
                        >
                          + Add option
                        </button>
                      ) : null}
                    </fieldset>
                  )}

                  <div className="editor__settings">
                    <Field
                      id={`${qid}-time`}
                      label="Time limit (seconds)"
                      hint="Empty: the room’s “seconds per question”."
                      error={
                        timeError
                          ? `Enter whole seconds from ${MIN_TIME_LIMIT_S} to ${MAX_TIME_LIMIT_S}, or leave it empty.`
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
                          value={item.timeText}
                          onChange={(e) => {
                            const timeText = e.target.value;
                            updateItem(qi, (it) => ({ ...it, timeText }));
                          }}
                        />
                      )}
                    </Field>
                    <Field
                      id={`${qid}-points`}
                      label="Points"
                      error={pointsError ? fieldMessage('Points', pointsError) : null}
                    >
                      {(control) => (
                        <select
                          {...control}
                          value={item.points}
                          onChange={(e) => {
                            const points = Number(e.target.value);
                            updateItem(qi, (it) => ({ ...it, points }));
                          }}
                        >
                          {POINT_VALUES.map((value) => (
                            <option key={value} value={value}>
                              {POINT_NAMES[value] ? `${POINT_NAMES[value]} (${value})` : value}
                            </option>
                          ))}
                        </select>
                      )}
                    </Field>
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ol>
        {questionsError ? (
          <p className="form-error" role="alert">
            {fieldMessage('The quiz', questionsError)}
          </p>
        ) : null}
        <div className="editor__actions">
          <button
            type="button"
            className="btn btn--primary"
            disabled={form.items.length >= 500}
            onClick={() => {
              const index = form.items.length;
              update((f) => ({ ...f, items: [...f.items, toItem(newQuestion())] }));
              requestAnimationFrame(() => document.getElementById(`${base}-q${index}-prompt`)?.focus());
            }}
          >
            + Add question
          </button>
        </div>
      </form>
    </section>
  );
}
