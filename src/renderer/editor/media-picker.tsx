/**
 * The editor's picture or sound for one place (a question's picture or sound, an option's
 * picture): choose a file, paste a picture (Ctrl+V / ⌘V while the picker has the keyboard) or drop
 * a file onto it. The bytes go to the desktop app (`addMedia`), which checks, scales and cleans
 * them and answers the media name; the picture is then shown from the library's media
 * (app://quizroom/media/) with a Remove button. Problems are shown inline, under the picker, as
 * the editor shows every other problem. Without the desktop app there is nowhere to keep media,
 * and the picker says so.
 */
import { useId, useRef, useState, type ClipboardEvent, type DragEvent } from 'react';
import { useIntl } from 'react-intl';
import type { DesktopApi } from '../../shared/api/quiz-api';
import { desktopMediaUrl } from '../../shared/api/media-url';
import { MAX_IMAGE_INPUT_BYTES } from '../../shared/quiz/media-input-limit';
import { useT } from '../i18n';
import './media-picker.css';

const ACCEPT = {
  image: 'image/png,image/jpeg,image/webp,image/gif,.png,.jpg,.jpeg,.webp,.gif',
  audio: 'audio/mpeg,audio/ogg,audio/wav,audio/x-wav,audio/mp4,.mp3,.ogg,.oga,.wav,.m4a',
};

export interface MediaPickerProps {
  kind: 'image' | 'audio';
  /** Which place it is, for its label: question (from 1) and, for an option's picture, option (from 1). */
  question: number;
  option?: number;
  /** The media name there now. */
  value: string | null | undefined;
  onChange: (ref: string | undefined) => void;
  /** The desktop app's addMedia; absent where there is no desktop app. */
  add: DesktopApi['addMedia'] | undefined;
  compact?: boolean;
}

export function MediaPicker({ kind, question, option, value, onChange, add, compact }: MediaPickerProps) {
  const t = useT();
  const intl = useIntl();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);

  const label =
    kind === 'audio'
      ? t('media.questionSound', { question })
      : option === undefined
        ? t('media.questionPicture', { question })
        : t('media.optionPicture', { question, option });

  const take = async (file: Blob, name: string) => {
    setError(null);
    if (!add) return setError(t('media.desktopOnly'));
    if (file.size > MAX_IMAGE_INPUT_BYTES) {
      const mb = (n: number) => intl.formatNumber(n / 1024 / 1024, { maximumFractionDigits: 1 });
      return setError(t('media.tooLarge', { name, size: mb(file.size), limit: mb(MAX_IMAGE_INPUT_BYTES) }));
    }
    setBusy(name);
    try {
      const result = await add(name, new Uint8Array(await file.arrayBuffer()));
      if (!result.ok) setError(result.message);
      else if (result.kind !== kind)
        setError(t(kind === 'image' ? 'media.wrongKindImage' : 'media.wrongKindAudio', { name }));
      else onChange(result.ref);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };

  const onPaste = (e: ClipboardEvent) => {
    const file = [...e.clipboardData.files][0];
    if (!file) return;
    e.preventDefault();
    void take(file, file.name || 'pasted picture');
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = [...e.dataTransfer.files][0];
    if (file) void take(file, file.name);
  };

  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  return (
    <div
      className={`media-picker${compact ? ' media-picker--compact' : ''}${dragging ? ' media-picker--dragging' : ''}${error ? ' has-error' : ''}`}
      role="group"
      aria-labelledby={`${id}-label`}
      aria-busy={busy ? true : undefined}
      onPaste={onPaste}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <span id={`${id}-label`} className="field__label media-picker__label">
        {label}
      </span>
      {value ? (
        kind === 'image' ? (
          <img className="media-picker__preview" src={desktopMediaUrl(value)} alt={label} />
        ) : (
          <audio
            className="media-picker__sound"
            controls
            src={desktopMediaUrl(value)}
            aria-label={t('media.soundPreview')}
          />
        )
      ) : null}
      <div className="media-picker__actions">
        <button
          type="button"
          className="btn btn--secondary btn--small"
          disabled={busy !== null}
          aria-describedby={[hintId, error ? errorId : ''].filter(Boolean).join(' ')}
          onClick={() => input.current?.click()}
        >
          {t(kind === 'image' ? 'media.choosePicture' : 'media.chooseSound')}
        </button>
        {value ? (
          <button
            type="button"
            className="btn btn--ghost btn--small"
            aria-label={t('media.removeLabel', { what: label })}
            onClick={() => {
              setError(null);
              onChange(undefined);
            }}
          >
            {t('media.remove')}
          </button>
        ) : null}
        <span id={hintId} className="field__hint media-picker__hint">
          {t(kind === 'image' ? 'media.dropPicture' : 'media.dropSound')}
        </span>
        <input
          ref={input}
          type="file"
          className="media-picker__file"
          accept={ACCEPT[kind]}
          tabIndex={-1}
          aria-hidden="true"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void take(file, file.name);
          }}
        />
      </div>
      <p className="field__hint media-picker__status" role="status">
        {busy ? t('media.adding', { name: busy }) : ''}
      </p>
      {error ? (
        <p id={errorId} className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
