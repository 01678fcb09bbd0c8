/**
 * The quiz library (desktop): every quiz, built-in ones first (read-only: duplicate to edit a
 * copy); create, import a file (with what the import took and skipped), duplicate, delete (after
 * a confirmation), and open one in the editor.
 */
// Before any module that builds a zod schema (the editor's checks).
import '../zod-jitless';
import { useId, useState } from 'react';
import type { ImportQuizResult, LibraryItem } from '../../shared/api/quiz-api';
import type { Desktop } from '../api/api-context';
import { ScreenHeader } from '../components/screen-header';
import { useT } from '../i18n';
import { QuizEditor } from './quiz-editor';
import './library-screen.css';

/** When a quiz was last changed, or null if unknown. */
function modified(iso: string | null): Date | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

export function LibraryScreen({ desktop, onBack }: { desktop: Desktop; onBack: () => void }) {
  const [editing, setEditing] = useState<string | null>(null);
  if (editing)
    return <QuizEditor key={editing} api={desktop.api} id={editing} onClose={() => setEditing(null)} />;
  return <LibraryList desktop={desktop} onBack={onBack} onEdit={setEditing} />;
}

function LibraryList({
  desktop,
  onBack,
  onEdit,
}: {
  desktop: Desktop;
  onBack: () => void;
  onEdit: (id: string) => void;
}) {
  const { api, state } = desktop;
  const base = useId();
  const [imported, setImported] = useState<ImportQuizResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [exported, setExported] = useState<string | null>(null);
  const t = useT();

  async function run<T extends { ok: boolean }>(action: () => Promise<T>): Promise<T | null> {
    setBusy(true);
    setError(null);
    try {
      const result = await action();
      if (!result.ok && 'message' in result && (result as { code?: string }).code !== 'cancelled') {
        setError(String((result as { message: unknown }).message));
      }
      return result;
    } finally {
      setBusy(false);
    }
  }

  const create = async () => {
    const result = await run(() => api.createQuiz());
    if (result?.ok) onEdit(result.id);
  };
  const importFile = async () => {
    setImported(null);
    const result = await run(() => api.importQuiz());
    if (result?.ok) setImported(result);
  };
  const duplicate = async (id: string) => {
    const result = await run(() => api.duplicateQuiz(id));
    if (result?.ok) onEdit(result.id);
  };
  const exportQuiz = async (id: string, name: string) => {
    setExported(null);
    const result = await run(() => api.exportQuiz(id));
    if (result?.ok) setExported(t('media.exported', { name }));
  };
  const remove = async (id: string) => {
    setConfirming(null);
    await run(() => api.deleteQuiz(id));
  };

  return (
    <section className="screen library">
      <ScreenHeader title={t('library.title')} back={{ label: t('library.back'), onClick: onBack }} />
      <div className="library__actions">
        <button type="button" className="btn btn--primary" disabled={busy} onClick={() => void create()}>
          {t('library.newQuiz')}
        </button>
        <button
          type="button"
          className="btn btn--secondary"
          disabled={busy}
          onClick={() => void importFile()}
        >
          {t('library.importFile')}
        </button>
        <p className="library__formats">{t('library.formats')}</p>
      </div>

      {error ? (
        <p className="card form-error library__error" role="alert">
          {error}
        </p>
      ) : null}
      <p className="library__formats" role="status">
        {exported ?? ''}
      </p>
      {imported?.ok ? (
        <ImportSummary result={imported} onEdit={onEdit} onDismiss={() => setImported(null)} />
      ) : null}

      <ul className="library__list" aria-label={t('library.list')}>
        {state.library.map((item) => (
          <LibraryRow
            key={item.id}
            item={item}
            labelId={`${base}-${item.id}`}
            busy={busy}
            confirming={confirming === item.id}
            onEdit={() => onEdit(item.id)}
            onDuplicate={() => void duplicate(item.id)}
            onExport={() => void exportQuiz(item.id, item.status === 'ok' ? item.title : item.id)}
            onDelete={() => setConfirming(item.id)}
            onConfirm={() => void remove(item.id)}
            onCancel={() => setConfirming(null)}
          />
        ))}
      </ul>
    </section>
  );
}

function ImportSummary({
  result,
  onEdit,
  onDismiss,
}: {
  result: Extract<ImportQuizResult, { ok: true }>;
  onEdit: (id: string) => void;
  onDismiss: () => void;
}) {
  const id = useId();
  const t = useT();
  return (
    <div className="card library__import" role="status" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="library__import-title">
        {t('library.imported', {
          title: result.title,
          taken: result.taken,
          skipped: result.skipped.length,
        })}
      </h2>
      <p className="library__import-format">
        {t('library.readAs', { format: result.format })} {result.kinds}
        {result.media ? ` ${t('media.importedMedia', { count: result.media })}` : ''}
      </p>
      <ImportNotes title={t('library.skipped')} notes={result.skipped} />
      <ImportNotes title={t('library.adjusted')} notes={result.adjusted} />
      <div className="library__row-buttons">
        <button type="button" className="btn btn--primary btn--small" onClick={() => onEdit(result.id)}>
          {t('library.editTitle', { title: result.title })}
        </button>
        <button type="button" className="btn btn--ghost btn--small" onClick={onDismiss}>
          {t('library.dismiss')}
        </button>
      </div>
    </div>
  );
}

/** One list of an import's notes (rows skipped or adjusted), with where and why; nothing if empty. */
function ImportNotes({
  title,
  notes,
}: {
  title: string;
  notes: Extract<ImportQuizResult, { ok: true }>['skipped'];
}) {
  if (notes.length === 0) return null;
  return (
    <>
      <h3 className="library__import-sub">{title}</h3>
      <ul className="library__notes">
        {notes.map((s, i) => (
          <li key={i}>
            <strong>{s.where}:</strong> {s.reason}
          </li>
        ))}
      </ul>
    </>
  );
}

interface RowProps {
  item: LibraryItem;
  labelId: string;
  busy: boolean;
  confirming: boolean;
  onEdit: () => void;
  onDuplicate: () => void;
  onExport: () => void;
  onDelete: () => void;
  onConfirm: () => void;
  onCancel: () => void;
}

function LibraryRow({
  item,
  labelId,
  busy,
  confirming,
  onEdit,
  onDuplicate,
  onExport,
  onDelete,
  onConfirm,
  onCancel,
}: RowProps) {
  const t = useT();
  const name = item.status === 'ok' ? item.title : item.fileName;
  const when = modified(item.modifiedAt);
  return (
    <li
      className={`card library__row${item.status === 'broken' ? ' is-broken' : ''}`}
      aria-labelledby={labelId}
    >
      <div className="library__row-text">
        <h2 id={labelId} className="library__row-title">
          {name}
        </h2>
        {item.status === 'ok' ? (
          <p className="library__row-meta">
            {t('library.questions', { count: item.questionCount })}
            {item.builtin ? (
              <span className="tag tag--muted library__tag">{t('library.builtin')}</span>
            ) : when ? (
              <span> · {t('library.changed', { when })}</span>
            ) : null}
          </p>
        ) : (
          <p className="field__error library__broken">{t('library.broken', { error: item.error })}</p>
        )}
        {item.status === 'ok' && item.description ? (
          <p className="library__row-desc">{item.description}</p>
        ) : null}
      </div>
      {confirming ? (
        <div className="library__confirm" role="group" aria-label={t('library.deleteGroup', { name })}>
          <p className="library__confirm-text">{t('library.deleteConfirm', { name })}</p>
          <div className="library__row-buttons">
            <button type="button" className="btn btn--danger btn--small" disabled={busy} onClick={onConfirm}>
              {t('library.delete')}
            </button>
            <button type="button" className="btn btn--ghost btn--small" onClick={onCancel} autoFocus>
              {t('library.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="library__row-buttons">
          {item.status === 'ok' && !item.readOnly ? (
            <button
              type="button"
              className="btn btn--secondary btn--small"
              aria-label={t('library.editLabel', { name })}
              onClick={onEdit}
            >
              {t('library.edit')}
            </button>
          ) : null}
          {item.status === 'ok' ? (
            <button
              type="button"
              className="btn btn--ghost btn--small"
              disabled={busy}
              aria-label={t('library.duplicateLabel', { name })}
              onClick={onDuplicate}
            >
              {t('library.duplicate')}
            </button>
          ) : null}
          {item.status === 'ok' && !item.builtin ? (
            <button
              type="button"
              className="btn btn--ghost btn--small"
              disabled={busy}
              aria-label={t('media.exportLabel', { name })}
              onClick={onExport}
            >
              {t('media.export')}
            </button>
          ) : null}
          {item.status === 'broken' || !item.readOnly ? (
            <button
              type="button"
              className="btn btn--ghost btn--small library__delete"
              disabled={busy}
              aria-label={t('library.deleteLabel', { name })}
              onClick={onDelete}
            >
              {t('library.delete')}
            </button>
          ) : null}
        </div>
      )}
    </li>
  );
}
