import type { Translate } from '../i18n';

/**
 * How the editor words a problem the quiz schema found on a field: "Option 2 must not be empty."
 * The field's name is in the person's language; the problem is the schema's own words (English).
 */
export function fieldMessage(t: Translate, label: string, message: string): string {
  return t('editor.problem', { label, problem: message });
}

/** The problem on one field of the draft (by its path), or null. */
export type ErrorAt = (path: (string | number)[]) => string | null;
