/**
 * What a player answers, one shape per kind of question (the wire's `answer` message carries
 * exactly one of these fields besides `question`):
 *
 * - `option`: choice, true/false (0 = true, 1 = false) and poll: the index of the option picked;
 * - `options`: multi-select: the indexes of every option picked (none picked is an answer too);
 * - `text`: typed answer;
 * - `value`: number / slider;
 * - `order`: ordering: the items as shown (`QuestionView.options`), by their shown index, in the
 *   order the player put them.
 *
 * A slide takes no answer. Types only: the zod schema is in client-message-schemas.ts.
 */
export type AnswerResponse =
  { option: number } | { options: number[] } | { text: string } | { value: number } | { order: number[] };

/** Flattened, so that a record can be read without narrowing (every field but one is absent). */
export interface AnswerFields {
  option?: number;
  options?: number[];
  text?: string;
  value?: number;
  order?: number[];
}

export const RESPONSE_FIELDS = ['option', 'options', 'text', 'value', 'order'] as const;

/** The response held in `fields` (any other fields of the object are dropped). */
export function responseOf(fields: AnswerFields): AnswerResponse | null {
  if (fields.option !== undefined) return { option: fields.option };
  if (fields.options !== undefined) return { options: fields.options };
  if (fields.text !== undefined) return { text: fields.text };
  if (fields.value !== undefined) return { value: fields.value };
  if (fields.order !== undefined) return { order: fields.order };
  return null;
}
