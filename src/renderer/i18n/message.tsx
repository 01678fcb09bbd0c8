/**
 * `<Message id values />`: a catalog message whose arguments may be elements — a player's name
 * kept in its `<bdi>`, a bold number — placed where the language's sentence puts them.
 */
import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import type { MessageId } from './catalog';

export function Message({ id, values }: { id: MessageId; values?: Record<string, ReactNode> }) {
  return <FormattedMessage id={id} {...(values ? { values } : {})} />;
}
