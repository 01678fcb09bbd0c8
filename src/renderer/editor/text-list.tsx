/**
 * An editable list of short texts, the one control behind a question's options (with a radio or
 * checkboxes marking the right ones, or nothing for a poll), a typed question's accepted answers
 * and an ordering question's items (with up/down buttons: the list's order is the right order).
 * Adding focuses the new row; every control has a name a screen reader can say.
 */
import type { ReactNode } from 'react';
import { useT } from '../i18n';
import { fieldMessage, type ErrorAt } from './editor-errors';

/** What a change did: the new texts and marks, and which row went or which two swapped. */
export interface ListResult {
  values: string[];
  mark: ListMark;
  removed?: number;
  moved?: [number, number];
}
export type ListChange = (values: readonly string[], mark: ListMark) => ListResult;

export type RowKind = 'option' | 'answer' | 'item';

export type ListMark =
  { type: 'radio'; right: number } | { type: 'checkbox'; right: readonly number[] } | null;

interface TextListProps {
  /** Unique id prefix for this list's controls. */
  id: string;
  legend: string;
  /** What one row is: an option, an accepted answer or an item (names its controls). */
  rowKind: RowKind;
  values: readonly string[];
  min: number;
  max: number;
  maxLength: number;
  mark: ListMark;
  /** Up/down buttons on each row (ordering). */
  movable?: boolean;
  /** Where the list's own problems and each row's are, in the draft. */
  path: (string | number)[];
  err: ErrorAt;
  /** More problems on the list as a whole (e.g. the right option). */
  listError?: string | null;
  /**
   * Applies one change. The change is a function of the list as it is when applied (not as it was
   * drawn), so fast typing never loses a keystroke to an older copy.
   */
  onEdit: (change: ListChange) => void;
  /** Extra content for one row (e.g. its picture). */
  rowExtra?: (index: number) => ReactNode;
  addLabel: string;
  /** The add button's full name for screen readers ("Add option to question 2"). */
  addAriaLabel?: string;
}

function shiftAfterRemove(mark: ListMark, removed: number): ListMark {
  if (!mark) return null;
  const shift = (i: number) => (i > removed ? i - 1 : i);
  if (mark.type === 'radio') return { type: 'radio', right: mark.right === removed ? 0 : shift(mark.right) };
  return { type: 'checkbox', right: mark.right.filter((i) => i !== removed).map(shift) };
}

function swapInMark(mark: ListMark, a: number, b: number): ListMark {
  const swap = (i: number) => (i === a ? b : i === b ? a : i);
  if (!mark) return null;
  if (mark.type === 'radio') return { type: 'radio', right: swap(mark.right) };
  return { type: 'checkbox', right: mark.right.map(swap) };
}

export function TextList(props: TextListProps) {
  const { id, values, mark, min, max, path, err, rowKind } = props;
  const t = useT();
  const ownError = err(path) ?? props.listError ?? null;
  const focusRow = (i: number, part = '') =>
    requestAnimationFrame(() => document.getElementById(`${id}-${i}${part}`)?.focus());
  const move = (i: number, by: -1 | 1) => {
    const j = i + by;
    props.onEdit((vals, mk) => {
      const next = [...vals];
      [next[i], next[j]] = [next[j]!, next[i]!];
      return { values: next, mark: swapInMark(mk, i, j), moved: [i, j] };
    });
    focusRow(j, by < 0 ? '-up' : '-down');
  };
  return (
    <fieldset className="editor__options" aria-describedby={ownError ? `${id}-error` : undefined}>
      <legend className="field__label">{props.legend}</legend>
      {values.map((value, i) => {
        const rowError = err([...path, i]);
        const row = { kind: rowKind, n: i + 1 };
        const label = t('editor.row', row);
        return (
          <div key={i} className={`editor__option opt-${i % 4}${rowError ? ' has-error' : ''}`}>
            {mark?.type === 'radio' ? (
              <input
                type="radio"
                name={`${id}-right`}
                className="editor__correct"
                checked={mark.right === i}
                aria-label={t('editor.rowCorrect', row)}
                onChange={() =>
                  props.onEdit((vals) => ({ values: [...vals], mark: { type: 'radio', right: i } }))
                }
              />
            ) : mark?.type === 'checkbox' ? (
              <input
                type="checkbox"
                className="editor__correct"
                checked={mark.right.includes(i)}
                aria-label={t('editor.rowCorrect', row)}
                onChange={(e) => {
                  const on = e.target.checked;
                  props.onEdit((vals, mk) => {
                    const was = mk?.type === 'checkbox' ? mk.right.filter((r) => r !== i) : [];
                    const right = on ? [...was, i].sort((a, b) => a - b) : was;
                    return { values: [...vals], mark: { type: 'checkbox', right } };
                  });
                }}
              />
            ) : (
              <span className="editor__row-number" aria-hidden="true">
                {i + 1}
              </span>
            )}
            <input
              id={`${id}-${i}`}
              type="text"
              className="editor__option-text"
              value={value}
              maxLength={props.maxLength}
              aria-label={label}
              aria-invalid={rowError ? true : undefined}
              aria-describedby={rowError ? `${id}-${i}-error` : undefined}
              onChange={(e) => {
                const text = e.target.value;
                props.onEdit((vals, mk) => ({ values: vals.map((v, k) => (k === i ? text : v)), mark: mk }));
              }}
            />
            {props.movable ? (
              <>
                <button
                  type="button"
                  id={`${id}-${i}-up`}
                  className="btn btn--ghost btn--small"
                  disabled={i === 0}
                  aria-label={t('editor.rowUp', row)}
                  onClick={() => move(i, -1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  id={`${id}-${i}-down`}
                  className="btn btn--ghost btn--small"
                  disabled={i === values.length - 1}
                  aria-label={t('editor.rowDown', row)}
                  onClick={() => move(i, 1)}
                >
                  ↓
                </button>
              </>
            ) : null}
            <button
              type="button"
              className="btn btn--ghost btn--small"
              disabled={values.length <= min}
              aria-label={t('editor.rowRemove', row)}
              onClick={() =>
                props.onEdit((vals, mk) => ({
                  values: vals.filter((_, k) => k !== i),
                  mark: shiftAfterRemove(mk, i),
                  removed: i,
                }))
              }
            >
              ✕
            </button>
            {props.rowExtra?.(i)}
            {rowError ? (
              <p id={`${id}-${i}-error`} className="field__error editor__option-error">
                {fieldMessage(t, label, rowError)}
              </p>
            ) : null}
          </div>
        );
      })}
      {ownError ? (
        <p id={`${id}-error`} className="field__error">
          {fieldMessage(t, t('editor.theQuestion'), ownError)}
        </p>
      ) : null}
      {values.length < max ? (
        <button
          type="button"
          className="btn btn--secondary btn--small editor__add-option"
          aria-label={props.addAriaLabel}
          onClick={() => {
            props.onEdit((vals, mk) => ({ values: [...vals, ''], mark: mk }));
            focusRow(values.length);
          }}
        >
          {props.addLabel}
        </button>
      ) : null}
    </fieldset>
  );
}
