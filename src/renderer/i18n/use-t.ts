/**
 * `t(id, values)`: a message of the catalog in the current language, with its ICU arguments
 * (plurals, numbers formatted for the language). Ids are checked by the compiler.
 */
import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import type { MessageId } from './catalog';

export type Translate = (id: MessageId, values?: Record<string, string | number | Date>) => string;

export function useT(): Translate {
  const intl = useIntl();
  return useCallback((id, values) => intl.formatMessage({ id }, values), [intl]);
}
