/**
 * IPC handlers of the desktop window, one per intent of the intent table. Each call is checked
 * before it reaches the session: it must come from the app's own main frame at the app's own
 * URL, and its arguments must match the intent's schema. The projector window only shows: it
 * gets the state and every intent is refused. Written against small interfaces (not Electron's
 * types) so that it is tested under Node with a fake IPC.
 */
import type { AppState } from '../../shared/api/quiz-api';
import { GET_STATE_CHANNEL, INTENT_CHANNELS, INTENT_NAMES } from '../../shared/ipc/channels';
import { INTENT_ARGS } from '../../shared/ipc/intent-arguments';
import type { IntentHandlers } from '../../shared/ipc/intents';
import { formatIssues } from '../../shared/quiz/load-quiz';

export interface IpcEventLike {
  senderFrame: { url: string; parent: unknown } | null;
}

export interface IpcLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/** What answers the window: every intent, plus getState. */
export type SessionLike = { getState(): AppState } & IntentHandlers;

export class IpcRefused extends Error {
  override name = 'IpcRefused';
}

/** True when `url` is a page of the app itself: the app:// origin, no other. */
export type TrustedUrl = (url: string) => boolean;

export function checkSender(event: IpcEventLike, trusted: TrustedUrl): void {
  const frame = event.senderFrame;
  if (!frame) throw new IpcRefused('Refused: the sending frame is gone.');
  if (frame.parent !== null) throw new IpcRefused('Refused: only the main frame may call the app.');
  if (!trusted(frame.url)) throw new IpcRefused(`Refused: ${frame.url || 'this page'} is not the app.`);
}

/** Registers one handler per intent; returns a function that removes them all. */
export function registerIpc(ipc: IpcLike, session: SessionLike, trusted: TrustedUrl): () => void {
  ipc.handle(GET_STATE_CHANNEL, (event) => {
    checkSender(event, trusted);
    return session.getState();
  });
  for (const name of INTENT_NAMES) {
    ipc.handle(INTENT_CHANNELS[name], (event, ...args) => {
      checkSender(event, trusted);
      const parsed = INTENT_ARGS[name].safeParse(args);
      if (!parsed.success) {
        throw new IpcRefused(`Refused ${name}: ${formatIssues(parsed.error.issues).join('; ')}`);
      }
      const method = session[name] as (...a: unknown[]) => unknown;
      return method.apply(session, parsed.data as unknown[]);
    });
  }
  return () => {
    ipc.removeHandler(GET_STATE_CHANNEL);
    for (const name of INTENT_NAMES) ipc.removeHandler(INTENT_CHANNELS[name]);
  };
}

/**
 * The projector window's handlers: the state, as the main window gets it; every intent refused
 * (it shows the room and commands nothing, whatever its page asks). Returns the remover.
 */
export function registerViewOnlyIpc(
  ipc: IpcLike,
  session: Pick<SessionLike, 'getState'>,
  trusted: TrustedUrl,
): () => void {
  ipc.handle(GET_STATE_CHANNEL, (event) => {
    checkSender(event, trusted);
    return session.getState();
  });
  for (const name of INTENT_NAMES)
    ipc.handle(INTENT_CHANNELS[name], () => {
      throw new IpcRefused(`Refused ${name}: the projector window only shows the game.`);
    });
  return () => {
    ipc.removeHandler(GET_STATE_CHANNEL);
    for (const name of INTENT_NAMES) ipc.removeHandler(INTENT_CHANNELS[name]);
  };
}
