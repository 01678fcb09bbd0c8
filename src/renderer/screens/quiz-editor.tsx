/**
 * The quiz editor (desktop): title, description and questions of every kind (editor/question-card
 * for one question), with add, remove, duplicate and reorder. Problems are shown next to their
 * field as the person types (from the real quiz schema). Every change is saved after a short pause,
 * and at once when a field loses focus, the editor closes or the page goes away, so closing the app
 * mid-edit loses nothing; an invalid quiz is kept as a draft.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { DesktopApi, QuizDraft, QuizDraftQuestion, SaveQuizResult } from '../../shared/api/quiz-api';
import { newQuestion, problemKey, quizProblems } from '../../shared/quiz/quiz-draft';
import { Field } from '../components/field';
import { ScreenHeader } from '../components/screen-header';
import type { SaveOutcome } from '../editor/autosave';
import { fieldMessage } from '../editor/editor-errors';
import { useT } from '../i18n';
import { MediaPicker } from '../editor/media-picker';
import { withOptionImage, withQuestionMedia } from '../editor/question-media';
import { QuestionCard } from '../editor/question-card';
import { useAutosave } from '../editor/use-autosave';

const AUTOSAVE_MS = 600;

interface Item {
  key: number;
  /** The question as drafted; its time limit is kept as typed in `timeText`. */
  q: QuizDraftQuestion;
  /** As typed; empty means the room's "seconds per question". */
  timeText: string;
}

interface Form {
  title: string;
  description: string;
  items: Item[];
}

let nextKey = 1;
const toItem = (q: QuizDraftQuestion): Item => ({
  key: nextKey++,
  q,
  timeText: q.timeLimit === undefined ? '' : String(q.timeLimit),
});

function toDraft(form: Form): QuizDraft {
  const description = form.description.trim();
  return {
    title: form.title,
    ...(description ? { description: form.description } : {}),
    questions: form.items.map((item) => {
      const time = item.timeText.trim();
      const n = Number(time);
      const { timeLimit: _old, ...q } = item.q;
      return (
        time === '' ? q : { ...q, timeLimit: Number.isFinite(n) ? Math.min(Math.max(n, 0), 100_000) : 0 }
      ) as QuizDraftQuestion;
    }),
  };
}

/** What a save answered, in the words the editor's status shows. */
function outcomeOf(result: SaveQuizResult): SaveOutcome {
  if (result.ok) return { kind: 'saved' };
  return { kind: result.draftSaved ? 'draft' : 'error', message: result.message };
}

export function QuizEditor({ api, id, onClose }: { api: DesktopApi; id: string; onClose: () => void }) {
  const base = useId();
  const t = useT();
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
      if (result.draft) showStatus({ kind: 'draft', message: t('editor.restored') });
    });
    return () => {
      live = false;
    };
  }, [api, id, showStatus, t]);

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

  const addMedia: DesktopApi['addMedia'] = (name, bytes) => api.addMedia(name, bytes);

  const errors = useMemo(() => {
    const map = new Map<string, string>();
    if (!form) return map;
    for (const p of quizProblems(toDraft(form))) {
      const key = problemKey(p.path);
      if (!map.has(key)) map.set(key, p.message);
    }
    return map;
  }, [form]);

  if (loadError) {
    return (
      <section className="screen library">
        <ScreenHeader title={t('editor.title')} back={{ label: t('editor.back'), onClick: onClose }} />
        <p className="card form-error" role="alert">
          {loadError}
        </p>
      </section>
    );
  }
  if (!form) {
    return (
      <section className="screen library" aria-busy="true">
        <p className="lead">{t('editor.opening')}</p>
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
        title={t('editor.title')}
        className="editor__header"
        back={{
          label: t('editor.back'),
          onClick: () => {
            flush();
            onClose();
          },
        }}
      >
        <p className={`editor__status editor__status--${status.kind}`} role="status">
          {status.kind === 'saving'
            ? t('editor.saving')
            : status.kind === 'saved'
              ? t('editor.saved')
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
            label={t('editor.quizTitle')}
            error={titleError ? fieldMessage(t, t('editor.theTitle'), titleError) : null}
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
                {t('editor.description')} <span className="field__optional">{t('editor.optional')}</span>
              </>
            }
            error={descriptionError ? fieldMessage(t, t('editor.theDescription'), descriptionError) : null}
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
          {form.items.map((item, qi) => (
            <li key={item.key} className="card editor__question">
              <QuestionCard
                q={item.q}
                timeText={item.timeText}
                qid={`${base}-q${qi}`}
                index={qi}
                count={form.items.length}
                err={(path) => err(['questions', qi, ...path])}
                onEdit={(edit) => updateItem(qi, (it) => ({ ...it, q: edit(it.q) }))}
                media={
                  <div className="editor__media">
                    {(['image', 'audio'] as const).map((kind) => (
                      <MediaPicker
                        key={kind}
                        kind={kind}
                        question={qi + 1}
                        value={item.q[kind]}
                        add={addMedia}
                        onChange={(ref) =>
                          updateItem(qi, (it) => ({ ...it, q: withQuestionMedia(it.q, kind, ref) }))
                        }
                      />
                    ))}
                  </div>
                }
                optionMedia={(oi) =>
                  'optionImages' in item.q || 'options' in item.q ? (
                    <MediaPicker
                      kind="image"
                      compact
                      question={qi + 1}
                      option={oi + 1}
                      value={'optionImages' in item.q ? item.q.optionImages?.[oi] : undefined}
                      add={addMedia}
                      onChange={(ref) =>
                        updateItem(qi, (it) => ({ ...it, q: withOptionImage(it.q, oi, ref) }))
                      }
                    />
                  ) : null
                }
                onTime={(timeText) => updateItem(qi, (it) => ({ ...it, timeText }))}
                onMove={(by) => moveItem(qi, by)}
                onDuplicate={() =>
                  update((f) => {
                    const items = [...f.items];
                    items.splice(qi + 1, 0, { ...item, q: structuredClone(item.q), key: nextKey++ });
                    return { ...f, items };
                  })
                }
                onRemove={() => update((f) => ({ ...f, items: f.items.filter((_, i) => i !== qi) }))}
              />
            </li>
          ))}
        </ol>
        {questionsError ? (
          <p className="form-error" role="alert">
            {fieldMessage(t, t('editor.theQuiz'), questionsError)}
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
            {t('editor.addQuestion')}
          </button>
        </div>
      </form>
    </section>
  );
}
