import { describe, expect, it, vi } from 'vitest';
import {
  checkSender,
  registerIpc,
  registerViewOnlyIpc,
  type IpcEventLike,
  type IpcLike,
  type SessionLike,
} from '../../src/main/app/ipc-handlers';
import { GET_STATE_CHANNEL, INTENT_CHANNELS, INTENT_NAMES } from '../../src/shared/ipc/channels';
import { INTENTS } from '../../src/shared/ipc/intents';
import { EMPTY_STATE } from '../../src/preload/bridge';

type Handler = (event: IpcEventLike, ...args: unknown[]) => unknown;

class FakeIpc implements IpcLike {
  readonly handlers = new Map<string, Handler>();
  handle(channel: string, listener: Handler): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  call(channel: string, event: IpcEventLike, ...args: unknown[]): unknown {
    const h = this.handlers.get(channel);
    if (!h) throw new Error(`no handler for ${channel}`);
    return h(event, ...args);
  }
}

const APP_FRAME: IpcEventLike = { senderFrame: { url: 'app://quizroom/index.html', parent: null } };
const trusted = (url: string) => url.startsWith('app://quizroom/');

/** Calling intent `name` with `args` throws `message`, and the session is never reached. */
function expectRefused(name: keyof typeof INTENT_CHANNELS, args: readonly unknown[], message: RegExp): void {
  const ipc = new FakeIpc();
  const { session, calls } = fakeSession();
  registerIpc(ipc, session, trusted);
  expect(() => ipc.call(INTENT_CHANNELS[name], APP_FRAME, ...args)).toThrow(message);
  expect(calls).toEqual([]);
}

function fakeSession() {
  const calls: [string, unknown[]][] = [];
  const methods: Record<string, unknown> = { getState: () => EMPTY_STATE };
  for (const name of INTENT_NAMES) {
    methods[name] = vi.fn((...args: unknown[]) => {
      calls.push([name, args]);
      return INTENTS[name].answers ? Promise.resolve({ ok: true as const }) : undefined;
    });
  }
  return { session: methods as unknown as SessionLike, calls };
}

describe('IPC handlers of the desktop window', () => {
  it('registers exactly one handler per intent plus get-state, and removes them all', () => {
    const ipc = new FakeIpc();
    const { session } = fakeSession();
    const unregister = registerIpc(ipc, session, trusted);
    expect([...ipc.handlers.keys()].sort()).toEqual(
      [GET_STATE_CHANNEL, ...Object.values(INTENT_CHANNELS)].sort(),
    );
    unregister();
    expect(ipc.handlers.size).toBe(0);
  });

  it('carries every intent of the table on a channel named after it, no two on the same one', () => {
    expect(INTENT_CHANNELS.hostRoom).toBe('quiz:host-room');
    expect(INTENT_CHANNELS.removeDisconnected).toBe('quiz:remove-disconnected');
    const channels = INTENT_NAMES.map((name) => INTENT_CHANNELS[name]);
    expect(new Set(channels).size).toBe(INTENT_NAMES.length);
    expect(channels).not.toContain(GET_STATE_CHANNEL);
  });

  it('passes good calls from the app frame to the session', async () => {
    const ipc = new FakeIpc();
    const { session, calls } = fakeSession();
    registerIpc(ipc, session, trusted);
    ipc.call(INTENT_CHANNELS.join, APP_FRAME, 'Ada');
    ipc.call(INTENT_CHANNELS.join, APP_FRAME, 'Bob', '123456');
    ipc.call(INTENT_CHANNELS.answer, APP_FRAME, 2);
    await ipc.call(INTENT_CHANNELS.connect, APP_FRAME, '198.18.0.7', 7420);
    ipc.call(INTENT_CHANNELS.updateSettings, APP_FRAME, { questionSeconds: 20 });
    expect(calls).toEqual([
      ['join', ['Ada']],
      ['join', ['Bob', '123456']],
      ['answer', [2]],
      ['connect', ['198.18.0.7', 7420]],
      ['updateSettings', [{ questionSeconds: 20 }]],
    ]);
    expect(ipc.call(GET_STATE_CHANNEL, APP_FRAME)).toBe(EMPTY_STATE);
  });

  it.each([
    ['a foreign page', { senderFrame: { url: 'https://evil.example/', parent: null } }, /is not the app/],
    [
      'a sub-frame of the app',
      { senderFrame: { url: 'app://quizroom/index.html', parent: {} } },
      /main frame/,
    ],
    ['a frame that is gone', { senderFrame: null }, /gone/],
    ['a file:// page', { senderFrame: { url: 'file:///etc/passwd', parent: null } }, /is not the app/],
  ])('refuses calls from %s', (_what, event, message) => {
    const ipc = new FakeIpc();
    const { session, calls } = fakeSession();
    registerIpc(ipc, session, trusted);
    expect(() => ipc.call(INTENT_CHANNELS.start, event as IpcEventLike)).toThrow(message);
    expect(() => ipc.call(GET_STATE_CHANNEL, event as IpcEventLike)).toThrow(message);
    expect(calls).toEqual([]);
  });

  it.each([
    ['answer', ['two'], /Refused answer/],
    ['answer', [99], /Refused answer/],
    ['join', [{ name: 'x' }], /Refused join/],
    ['connect', ['host', 70000], /Refused connect/],
    ['updateSettings', [{ questionSeconds: 1 }], /Refused updateSettings/],
    ['updateSettings', [{ evil: true }], /Refused updateSettings/],
    ['hostRoom', [{ quizId: 'builtin:science' }], /Refused hostRoom/],
    ['kick', [''], /Refused kick/],
    ['start', ['extra'], /Refused start/],
  ] as const)('refuses %s with bad arguments %j and says what was wrong', expectRefused);

  it('names the field that was wrong', () => {
    expect(() =>
      checkSender({ senderFrame: { url: 'app://quizroom/', parent: null } }, trusted),
    ).not.toThrow();
    const ipc = new FakeIpc();
    registerIpc(ipc, fakeSession().session, trusted);
    expect(() =>
      ipc.call(INTENT_CHANNELS.hostRoom, APP_FRAME, {
        quizId: 'builtin:science',
        roomName: '',
        minPlayers: 2,
        questionSeconds: 10,
        pin: false,
        playToo: false,
      }),
    ).toThrow(/roomName.*Give the room a name/);
  });

  describe('the quiz library and report intents', () => {
    const draft = {
      title: 'Rivers',
      questions: [{ kind: 'choice', prompt: 'Longest?', options: ['Nile', ''], correct: 0, points: 1000 }],
    };

    it('passes a draft quiz (even an unfinished one) and ids to the session', () => {
      const ipc = new FakeIpc();
      const { session, calls } = fakeSession();
      registerIpc(ipc, session, trusted);
      ipc.call(INTENT_CHANNELS.saveQuiz, APP_FRAME, 'rivers', draft);
      ipc.call(INTENT_CHANNELS.openQuiz, APP_FRAME, 'builtin:science');
      ipc.call(INTENT_CHANNELS.exportReport, APP_FRAME, '20250101-120000-rivers', 'xlsx');
      expect(calls).toEqual([
        ['saveQuiz', ['rivers', draft]],
        ['openQuiz', ['builtin:science']],
        ['exportReport', ['20250101-120000-rivers', 'xlsx']],
      ]);
    });

    it.each([
      ['saveQuiz', ['rivers', 'not a quiz'], /Refused saveQuiz: .*expected object/],
      ['saveQuiz', ['rivers', { title: 'X', questions: 'none' }], /Refused saveQuiz: .*questions/],
      [
        'saveQuiz',
        ['rivers', { ...draft, questions: [{ ...draft.questions[0], kind: 'essay' }] }],
        /Refused saveQuiz: .*question 1.*kind/,
      ],
      [
        'saveQuiz',
        ['rivers', { ...draft, questions: [{ ...draft.questions[0], options: Array(9).fill('a') }] }],
        /has more than 8 entries/,
      ],
      ['saveQuiz', ['rivers', { ...draft, evil: '<script>' }], /Refused saveQuiz: .*evil/],
      ['saveQuiz', ['rivers', { ...draft, title: 'x'.repeat(5000) }], /Refused saveQuiz: .*title/],
      ['saveQuiz', ['../../etc/passwd', draft], /Refused saveQuiz: .*a file name, not a path/],
      ['deleteQuiz', [''], /Refused deleteQuiz: .*must not be empty/],
      ['deleteQuiz', ['.hidden'], /Refused deleteQuiz/],
      ['exportReport', ['r1', 'pdf'], /Refused exportReport/],
      ['openReport', [42], /Refused openReport/],
      ['createQuiz', ['extra'], /Refused createQuiz/],
    ] as const)('refuses %s with bad arguments %j and says what was wrong', expectRefused);
  });

  describe('addMedia: a file name and bounded bytes, checked before the session sees them', () => {
    it('passes a file name and bytes', async () => {
      const ipc = new FakeIpc();
      const { session, calls } = fakeSession();
      registerIpc(ipc, session, trusted);
      await ipc.call(INTENT_CHANNELS.addMedia, APP_FRAME, 'map.png', new Uint8Array([1, 2, 3]));
      expect(calls).toEqual([['addMedia', ['map.png', new Uint8Array([1, 2, 3])]]]);
    });

    it.each([
      ['no bytes', ['map.png'], /Refused addMedia/],
      ['a string for bytes', ['map.png', 'iVBORw0KGgo='], /bytes/],
      ['an array of numbers', ['map.png', [1, 2, 3]], /bytes/],
      ['empty bytes', ['map.png', new Uint8Array(0)], /the file is empty/],
      ['more than 15 MB', ['big.png', new Uint8Array(15 * 1024 * 1024 + 1)], /larger than 15 MB/],
      ['an empty name', ['  ', new Uint8Array([1])], /file name must not be empty/],
      ['a very long name', ['x'.repeat(256), new Uint8Array([1])], /file name is too long/],
      ['an extra argument', ['a.png', new Uint8Array([1]), 'more'], /Refused addMedia/],
    ] as const)('refuses %s', (_what, args, message) => expectRefused('addMedia', args, message));
  });
});

describe('IPC handlers of the projector window', () => {
  const PROJECTOR_FRAME: IpcEventLike = {
    senderFrame: { url: 'app://quizroom/index.html?view=projector', parent: null },
  };

  it('gives the state, and refuses every intent without reaching the session', () => {
    const ipc = new FakeIpc();
    const { session, calls } = fakeSession();
    const unregister = registerViewOnlyIpc(ipc, session, trusted);
    expect(ipc.call(GET_STATE_CHANNEL, PROJECTOR_FRAME)).toBe(EMPTY_STATE);
    // What a page would try to steer the game with: next, end, kick, settings, a new room.
    expect(() => ipc.call(INTENT_CHANNELS.next, PROJECTOR_FRAME)).toThrow(
      /Refused next: the projector window only shows/,
    );
    expect(() => ipc.call(INTENT_CHANNELS.end, PROJECTOR_FRAME)).toThrow(/Refused end/);
    expect(() => ipc.call(INTENT_CHANNELS.kick, PROJECTOR_FRAME, 'p1')).toThrow(/Refused kick/);
    expect(() => ipc.call(INTENT_CHANNELS.updateSettings, PROJECTOR_FRAME, { questionSeconds: 5 })).toThrow(
      /Refused updateSettings/,
    );
    expect(() => ipc.call(INTENT_CHANNELS.stopHosting, PROJECTOR_FRAME)).toThrow(/Refused stopHosting/);
    for (const name of INTENT_NAMES)
      expect(() => ipc.call(INTENT_CHANNELS[name], PROJECTOR_FRAME)).toThrow(/Refused/);
    expect(calls).toEqual([]);
    unregister();
    expect(ipc.handlers.size).toBe(0);
  });

  it('gives the state to the app page only', () => {
    const ipc = new FakeIpc();
    registerViewOnlyIpc(ipc, fakeSession().session, trusted);
    const elsewhere: IpcEventLike = { senderFrame: { url: 'https://example.invalid/', parent: null } };
    expect(() => ipc.call(GET_STATE_CHANNEL, elsewhere)).toThrow(/is not the app/);
  });
});
