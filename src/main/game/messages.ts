/** Small builders for engine messages that several modules send. */
import type { ErrorCode, ServerMessage } from '../../shared/protocol';

export function error(code: ErrorCode, message: string, ref?: string): ServerMessage {
  return ref === undefined ? { type: 'error', code, message } : { type: 'error', code, message, ref };
}
