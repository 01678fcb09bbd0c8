/**
 * A call-recording stand-in for the `electron` module, loaded in place of it (see
 * use-electron-stand-in.ts) under the BUILT main process. It renders, loads and sandboxes
 * nothing: it records what our code asks of Electron, in order, and enforces the few rules
 * Electron documents about when a call is allowed (privileged schemes before ready; windows,
 * protocol handlers and powerMonitor after). The test drives it over the child-process channel:
 * "ready", IPC calls as the page would make them, app:// requests, closing the window, quitting,
 * the system's shutdown. The page's side of the flush handshake is played here too: it saves
 * what the test queued and answers, or (a hung page) never answers.
 */
import { EventEmitter } from 'node:events';
import { join } from 'node:path';

export interface StandInConfig {
  userData: string;
  packaged?: boolean;
  /** Another instance holds the lock. */
  secondInstance?: boolean;
  /** `new BrowserWindow` throws, as it does when the GPU process cannot start. */
  failWindow?: boolean;
  /** `loadURL` rejects, as it does when the page cannot be loaded. */
  failLoad?: boolean;
  /** The page answers flush requests, or never does. */
  page?: 'answers' | 'hung';
  /** The computer's displays; one 1440×900 display when absent. */
  displays?: StandInDisplay[];
}

export interface StandInDisplay {
  id: number;
  bounds: { x: number; y: number; width: number; height: number };
  workArea: { x: number; y: number; width: number; height: number };
}

export interface RecordedCall {
  api: string;
  args: unknown[];
  /** Whether the app was ready when the call was made. */
  ready: boolean;
}

export type Command =
  | { cmd: 'ready' }
  | { cmd: 'calls' }
  /** `window`: which window's page calls (by the order they were made; the first when absent). */
  | { cmd: 'invoke'; channel: string; args: unknown[]; frameUrl?: string; window?: number }
  | { cmd: 'remove-display'; display: number }
  | { cmd: 'fetch'; url: string }
  | { cmd: 'save-on-flush'; args: unknown[] }
  | { cmd: 'close-window' }
  | { cmd: 'quit' }
  | { cmd: 'power-shutdown' }
  | { cmd: 'session-end' };

export type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };
export type Notice = { notice: 'exit'; code: number; calls: RecordedCall[] };

const config = JSON.parse(process.env.QUIZROOM_ELECTRON_STAND_IN ?? '{}') as StandInConfig;
const calls: RecordedCall[] = [];
let ready = false;
let markReady!: () => void;
const readyPromise = new Promise<void>((resolve) => (markReady = resolve));

/** Copies what crossed, functions named, so that the log can be sent to the test. */
function plain(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (_k, v: unknown) => (typeof v === 'function' ? '[function]' : v)) ?? 'null',
  ) as unknown;
}

function record(api: string, ...args: unknown[]): void {
  calls.push({ api, args: args.map(plain), ready });
}

function mustBeReady(api: string): void {
  if (!ready) throw new Error(`${api} cannot be used before the app is ready.`);
}

class StandInEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

function exitWith(code: number): void {
  const notice: Notice = { notice: 'exit', code, calls };
  if (process.send) process.send(notice, () => process.exit(code));
  else process.exit(code);
}

/** An EventEmitter that records which events our code listens to. */
class Recorder extends EventEmitter {
  constructor(private readonly label: string) {
    super();
  }
  override on(event: string | symbol, listener: (...args: unknown[]) => void): this {
    record(`${this.label}.on`, String(event));
    return super.on(event, listener);
  }
  override once(event: string | symbol, listener: (...args: unknown[]) => void): this {
    record(`${this.label}.once`, String(event));
    return super.once(event, listener);
  }
}

class App extends Recorder {
  readonly isPackaged = config.packaged === true;
  constructor() {
    super('app');
  }
  requestSingleInstanceLock(): boolean {
    record('app.requestSingleInstanceLock');
    return config.secondInstance !== true;
  }
  getPath(name: string): string {
    record('app.getPath', name);
    return name === 'userData' ? config.userData : join(config.userData, `.${name}`);
  }
  whenReady(): Promise<void> {
    record('app.whenReady');
    return readyPromise;
  }
  quit(): void {
    record('app.quit');
    const event = new StandInEvent();
    this.emit('before-quit', event);
    if (!event.defaultPrevented) exitWith(0);
  }
  exit(code = 0): void {
    record('app.exit', code);
    exitWith(code);
  }
}

type Handler = (event: unknown, ...args: unknown[]) => unknown;

class IpcMain {
  readonly handlers = new Map<string, Handler>();
  handle(channel: string, handler: Handler): void {
    record('webContents.ipc.handle', channel);
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    record('webContents.ipc.removeHandler', channel);
    this.handlers.delete(channel);
  }
  invoke(channel: string, frameUrl: string, args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) return Promise.reject(new Error(`No handler registered for '${channel}'`));
    const event = { senderFrame: { url: frameUrl, parent: null }, sender: null };
    return Promise.resolve().then(() => handler(event, ...args));
  }
}

let saveOnFlush: unknown[] | null = null;

class WebContents extends Recorder {
  readonly ipc = new IpcMain();
  destroyed = false;
  url = '';
  constructor() {
    super('webContents');
  }
  send(channel: string): void {
    record('webContents.send', channel);
    if (channel === 'quiz:flush' && config.page !== 'hung') {
      // The page: its pending save goes out first, then the answer, in order on one pipe.
      setImmediate(() => {
        if (saveOnFlush) void this.ipc.invoke('quiz:save-quiz', this.url, saveOnFlush).catch(() => undefined);
        void this.ipc.invoke('quiz:flushed', this.url, []).catch(() => undefined);
      });
    }
  }
  setWindowOpenHandler(): void {
    record('webContents.setWindowOpenHandler');
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

const windows: BrowserWindow[] = [];

class BrowserWindow extends Recorder {
  readonly webContents = new WebContents();
  private destroyed = false;
  private readonly bounds: { x: number; y: number; width: number; height: number };
  constructor(options: { x?: number; y?: number; width?: number; height?: number }) {
    super('win');
    record('new BrowserWindow', options);
    this.bounds = {
      x: options.x ?? 0,
      y: options.y ?? 0,
      width: options.width ?? 800,
      height: options.height ?? 600,
    };
    mustBeReady('BrowserWindow');
    if (config.failWindow) throw new Error('The GPU process could not start.');
    windows.push(this);
  }
  loadURL(url: string): Promise<void> {
    record('win.loadURL', url);
    this.webContents.url = url;
    if (config.failLoad) return Promise.reject(new Error(`ERR_FILE_NOT_FOUND (-6) loading '${url}'`));
    return Promise.resolve();
  }
  close(): void {
    record('win.close');
    const event = new StandInEvent();
    this.emit('close', event);
    if (!event.defaultPrevented) this.destroy();
  }
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return false;
  }
  getBounds(): { x: number; y: number; width: number; height: number } {
    return { ...this.bounds };
  }
  restore(): void {}
  focus(): void {}
  show(): void {}
}

const schemeHandlers = new Map<string, (request: { url: string }) => Promise<Response> | Response>();

export const app = new App();
export { BrowserWindow };
export const protocol = {
  registerSchemesAsPrivileged(schemes: unknown): void {
    record('protocol.registerSchemesAsPrivileged', schemes);
    if (ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
  },
  handle(scheme: string, handler: (request: { url: string }) => Promise<Response> | Response): void {
    record('protocol.handle', scheme);
    mustBeReady('protocol.handle');
    schemeHandlers.set(scheme, handler);
  },
};
export const session = {
  defaultSession: {
    setPermissionRequestHandler: () => record('session.setPermissionRequestHandler'),
    setPermissionCheckHandler: () => record('session.setPermissionCheckHandler'),
    webRequest: {
      onHeadersReceived: (filter: unknown) => record('session.webRequest.onHeadersReceived', filter),
    },
  },
};
export const shell = { openExternal: async (url: string) => record('shell.openExternal', url) };
export const dialog = {
  showErrorBox: (title: string, content: string) => record('dialog.showErrorBox', title, content),
  showSaveDialog: async () => ({ canceled: true, filePath: '' }),
  showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
};
export const Menu = {
  buildFromTemplate: (template: unknown) => ({ template }),
  setApplicationMenu: (menu: { template: unknown } | null) =>
    record('Menu.setApplicationMenu', menu?.template ?? null),
};
class PowerMonitor extends Recorder {
  constructor() {
    super('powerMonitor');
  }
  override on(event: string | symbol, listener: (...args: unknown[]) => void): this {
    mustBeReady('powerMonitor');
    return super.on(event, listener);
  }
}
export const powerMonitor = new PowerMonitor();

const ONE_DISPLAY: StandInDisplay[] = [
  {
    id: 1,
    bounds: { x: 0, y: 0, width: 1440, height: 900 },
    workArea: { x: 0, y: 25, width: 1440, height: 875 },
  },
];
let displays = config.displays ?? ONE_DISPLAY;

class Screen extends Recorder {
  constructor() {
    super('screen');
  }
  getAllDisplays(): StandInDisplay[] {
    record('screen.getAllDisplays');
    mustBeReady('screen');
    return displays.map((d) => ({ ...d }));
  }
  /** The display holding the rectangle's top-left corner, else the first. */
  getDisplayMatching(rect: { x: number; y: number }): StandInDisplay {
    record('screen.getDisplayMatching', rect);
    mustBeReady('screen');
    const inside = (d: StandInDisplay) =>
      rect.x >= d.bounds.x &&
      rect.x < d.bounds.x + d.bounds.width &&
      rect.y >= d.bounds.y &&
      rect.y < d.bounds.y + d.bounds.height;
    return { ...(displays.find(inside) ?? displays[0]!) };
  }
}
export const screen = new Screen();

async function run(command: Command): Promise<unknown> {
  switch (command.cmd) {
    case 'ready':
      ready = true;
      record('(ready)');
      markReady();
      return null;
    case 'calls':
      return calls;
    case 'invoke': {
      const win = windows[command.window ?? 0];
      if (!win) throw new Error('There is no such window.');
      return plain(
        await win.webContents.ipc.invoke(
          command.channel,
          command.frameUrl ?? win.webContents.url,
          command.args,
        ),
      );
    }
    case 'fetch': {
      const handler = schemeHandlers.get(new URL(command.url).protocol.slice(0, -1));
      if (!handler) throw new Error(`No handler for ${command.url}`);
      const res = await handler({ url: command.url });
      return {
        status: res.status,
        contentType: res.headers.get('content-type'),
        csp: res.headers.get('content-security-policy'),
        body: await res.text(),
      };
    }
    case 'remove-display': {
      const gone = displays.find((d) => d.id === command.display);
      if (!gone) throw new Error(`There is no display ${command.display}.`);
      displays = displays.filter((d) => d !== gone);
      screen.emit('display-removed', {}, gone);
      return null;
    }
    case 'save-on-flush':
      saveOnFlush = command.args;
      return null;
    case 'close-window':
      windows[0]?.close();
      return null;
    case 'quit':
      app.quit();
      return null;
    case 'power-shutdown': {
      const event = new StandInEvent();
      powerMonitor.emit('shutdown', event);
      return { prevented: event.defaultPrevented };
    }
    case 'session-end':
      windows[0]?.emit('session-end', new StandInEvent());
      return null;
  }
}

process.on('message', (message: { id: number } & Command) => {
  run(message).then(
    (value) => process.send?.({ id: message.id, ok: true, value } satisfies Reply),
    (e: unknown) =>
      process.send?.({
        id: message.id,
        ok: false,
        error: e instanceof Error ? e.message : String(e),
      } satisfies Reply),
  );
});
