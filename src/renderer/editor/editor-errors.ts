/** How the editor words a problem the quiz schema found on a field: "Option 2 must not be empty." */
export function fieldMessage(label: string, message: string): string {
  return `${label} ${message}.`;
}

/** The problem on one field of the draft (by its path), or null. */
export type ErrorAt = (path: (string | number)[]) => string | null;
