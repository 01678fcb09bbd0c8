/**
 * `<Message id values />`: a catalog message whose arguments may be elements — a player's name
 * kept in its `<bdi>`, a bold number — placed where the language's sentence puts them.
 */
import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import type { MessageId } from './catalog';

/** An argument: a value or element, or for a `<tag>…</tag>` in the text, what wraps its words. */
export type MessageValue = ReactNode | ((chunks: ReactNode[]) => ReactNode);

/** `<b>` in a message: the words in bold. */
export const bold = (chunks: ReactNode[]) => <strong>{chunks}</strong>;

export function Message({ id, values }: { id: MessageId; values?: Record<string, MessageValue> }) {
  return <FormattedMessage id={id} {...(values ? { values } : {})} />;
}
