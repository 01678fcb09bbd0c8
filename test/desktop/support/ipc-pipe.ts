/**
 * A stand-in for Electron's IPC between one window and the main process, for tests that run the
 * real handlers (src/main/app/ipc-handlers.ts) and the real preload bridge (src/preload/bridge.ts)
 * under Node. Like Electron's, it keeps order and copies every payload with the structured clone
 * algorithm (a Map, a class instance or a function would not arrive as sent), and a handler's
 * error reaches the window as Electron words it. `exposeInMainWorld` stands in for contextBridge:
 * the page gets a copy of the object whose functions copy what goes in and out.
 */
import type { IpcEventLike, IpcLike } from '../../../src/main/app/ipc-handlers';
import type { IpcRendererLike } from '../../../src/preload/bridge';

type Handler = (event: IpcEventLike, ...args: unknown[]) => unknown;
type Listener = (event: unknown, ...args: unknown[]) => void;

export const APP_FRAME: IpcEventLike = { senderFrame: { url: 'app://quizroom/index.html', parent: null } };
export const isAppUrl = (url: string) => url.startsWith('app://quizroom/');

export interface IpcPipe {
  /** Main's side (webContents.ipc). */
  main: IpcLike;
  /** The window's side (ipcRenderer). */
  renderer: IpcRendererLike;
  /** Main -> window messages (webContents). */
  contents: { isDestroyed(): boolean; send(channel: string, ...args: unknown[]): void };
  /** Channels the window invoked, in order. */
  received: string[];
  handlers: Map<string, Handler>;
  /** The window is gone. */
  close(): void;
}

export function ipcPipe(frame: () => IpcEventLike = () => APP_FRAME): IpcPipe {
  const handlers = new Map<string, Handler>();
  const listeners = new Map<string, Set<Listener>>();
  const received: string[] = [];
  let alive = true;
  return {
    main: {
      handle: (channel, listener) => void handlers.set(channel, listener),
      removeHandler: (channel) => void handlers.delete(channel),
    },
    renderer: {
      invoke: async (channel, ...args) => {
        received.push(channel);
        const handler = handlers.get(channel);
        if (!handler) throw new Error(`No handler registered for '${channel}'`);
        try {
          return structuredClone(await handler(frame(), ...structuredClone(args)));
        } catch (e) {
          // What Electron hands the window: the handler's error as text, under its own words.
          throw new Error(`Error invoking remote method '${channel}': ${String(e)}`, { cause: e });
        }
      },
      on: (channel, listener) => {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel)!.add(listener);
      },
      removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
    },
    contents: {
      isDestroyed: () => !alive,
      send: (channel, ...args) => {
        for (const l of listeners.get(channel) ?? []) l({}, ...structuredClone(args));
      },
    },
    received,
    handlers,
    close: () => (alive = false),
  };
}

/** What crosses between the page's world and the preload's: functions are proxied, values copied. */
function crossWorld(value: unknown): unknown {
  if (typeof value !== 'function') return structuredClone(value);
  const fn = value as (...args: unknown[]) => unknown;
  return (...args: unknown[]) => {
    const result = fn(...args.map(crossWorld));
    return result instanceof Promise ? result.then(crossWorld) : crossWorld(result);
  };
}

/** contextBridge.exposeInMainWorld: what the page sees of `api`. */
export function exposeInMainWorld<T extends object>(api: T): T {
  return Object.fromEntries(Object.entries(api).map(([key, value]) => [key, crossWorld(value)])) as T;
}
