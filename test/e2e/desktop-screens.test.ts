/**
 * The desktop-only screens (Home, Host setup, Join with the rooms found on the LAN) rendered by the
 * same bundle through the Electron adapter, with a stand-in for the preload's `window.quiz`. It
 * records intents, so the test checks what the screens ask the app to do, using only the keyboard
 * where a person might.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppState, QuizApi } from '../../src/shared/api/quiz-api';
import { capture } from './support/audit';
import { BUILD_AND_LAUNCH_MS, DESKTOP, launchBrowser, newPage } from './support/browser';
import { startHost, type E2EHost } from './support/e2e-host';
import type { PageGlobals } from './support/page-globals';
import { heading, visible } from './support/players';

type Call = [string, ...unknown[]];

/** Runs in the page before the app: a fake preload bridge with desktop capabilities. */
function installFakeBridge(initial: AppState): void {
  const calls: Call[] = [];
  const listeners = new Set<(s: AppState) => void>();
  const state = initial;
  const record =
    (name: string, result?: unknown) =>
    (...args: unknown[]) => {
      calls.push([name, ...args]);
      return result;
    };
  const bridge: QuizApi = {
    getState: () => state,
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    join: record('join'),
    answer: record('answer'),
    start: record('start'),
    cancelStart: record('cancelStart'),
    next: record('next'),
    skip: record('skip'),
    end: record('end'),
    kick: record('kick'),
    removeDisconnected: record('removeDisconnected'),
    updateSettings: record('updateSettings'),
    newGame: record('newGame'),
    exportCsv: record('exportCsv', Promise.resolve({ ok: true })) as QuizApi['exportCsv'],
    hostRoom: record('hostRoom', Promise.resolve({ ok: true })) as QuizApi['hostRoom'],
    stopHosting: record('stopHosting', Promise.resolve()) as QuizApi['stopHosting'],
    resumeHosting: record('resumeHosting', Promise.resolve({ ok: true })) as QuizApi['resumeHosting'],
    importQuiz: record(
      'importQuiz',
      Promise.resolve({ ok: false, code: 'cancelled', message: 'Cancelled.' }),
    ) as QuizApi['importQuiz'],
    connect: record(
      'connect',
      Promise.resolve({ ok: false, code: 'unreachable', message: 'connect ECONNREFUSED' }),
    ) as QuizApi['connect'],
    leave: record('leave'),
    refreshRooms: record('refreshRooms'),
    openQuiz: record(
      'openQuiz',
      Promise.resolve({ ok: false, code: 'not_found', message: 'No such quiz.' }),
    ) as QuizApi['openQuiz'],
    saveQuiz: record('saveQuiz', Promise.resolve({ ok: true })) as QuizApi['saveQuiz'],
    createQuiz: record('createQuiz', Promise.resolve({ ok: true, id: 'new-quiz' })) as QuizApi['createQuiz'],
    duplicateQuiz: record(
      'duplicateQuiz',
      Promise.resolve({ ok: true, id: 'copy' }),
    ) as QuizApi['duplicateQuiz'],
    deleteQuiz: record('deleteQuiz', Promise.resolve({ ok: true })) as QuizApi['deleteQuiz'],
    openReport: record(
      'openReport',
      Promise.resolve({ ok: false, code: 'not_found', message: 'No such report.' }),
    ) as QuizApi['openReport'],
    exportReport: record('exportReport', Promise.resolve({ ok: true })) as QuizApi['exportReport'],
    deleteReport: record('deleteReport', Promise.resolve({ ok: true })) as QuizApi['deleteReport'],
  };
  Object.assign(globalThis, { quiz: bridge, __calls: calls });
}

const DESKTOP_STATE: AppState = {
  game: null,
  player: null,
  clockOffset: 0,
  canHost: true,
  canBrowse: true,
  hosting: null,
  interrupted: null,
  library: [],
  reports: [],
  quizzes: [
    { id: 'builtin', title: 'General knowledge', questionCount: 12 },
    { id: 'builtin:science', title: 'Science', questionCount: 10 },
    { id: 'builtin:history', title: 'History', questionCount: 10 },
    { id: 'builtin:geography', title: 'Geography', questionCount: 10 },
  ],
  rooms: [
    {
      id: 'Quiz night._quizroom._tcp.local',
      name: 'Quiz night',
      host: 'lab-pc-07',
      addresses: ['192.168.1.20'],
      port: 7420,
      players: 12,
      status: 'NOT_STARTED',
      pinRequired: false,
      joinable: true,
      lastSeen: 0,
    },
    {
      id: 'Biology 2B._quizroom._tcp.local',
      name: 'Biology 2B',
      host: 'teacher-laptop',
      addresses: ['192.168.1.31', '10.0.0.4'],
      port: 7421,
      players: 27,
      status: 'STARTED',
      pinRequired: true,
      joinable: true,
      lastSeen: 0,
    },
  ],
};

describe('desktop screens', () => {
  let browser: Browser | undefined;
  let host: E2EHost | undefined;
  let context: BrowserContext | undefined;
  let page: Page;

  beforeAll(async () => {
    // The host only serves the built bundle here; the fake bridge stands in for the app.
    host = await startHost();
    browser = await launchBrowser();
    ({ context, page } = await newPage(browser, DESKTOP));
    await context.addInitScript(installFakeBridge, DESKTOP_STATE);
  }, BUILD_AND_LAUNCH_MS);

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await host?.close();
  });

  const calls = () => page.evaluate(() => (globalThis as unknown as PageGlobals).__calls as Call[]);

  it('hosts a room from Home and Host setup by keyboard', { timeout: 60_000 }, async () => {
    await page.goto(host!.playerUrl);
    await visible(page.getByRole('button', { name: 'Host', exact: true }));
    await visible(page.getByRole('button', { name: 'Join', exact: true }));
    await capture(page, 'desktop-home');

    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(() => (globalThis as unknown as PageGlobals).document.activeElement?.textContent),
    ).toBe('Host');
    await page.keyboard.press('Enter');
    await visible(heading(page, 'Host a quiz'));
    await capture(page, 'desktop-host-setup');

    await page.getByLabel('Science').check();
    await page.getByLabel('Room name').fill('Physics club');
    await page.getByLabel('Players needed to start').fill('0');
    await page.getByLabel('Seconds per question').fill('300');
    await page.getByLabel('Require a PIN').check();
    await page.getByRole('button', { name: 'Open room' }).click();
    await visible(page.getByText('Enter a whole number of seconds from 5 to 240.'));
    await page.getByLabel('Seconds per question').fill('20');
    await page.getByLabel('I will play too').check();
    await page.getByLabel('Nickname').fill('Ms Curie');
    await page.getByLabel('Nickname').press('Enter');
    await expect.poll(calls).toContainEqual([
      'hostRoom',
      {
        quizId: 'builtin:science',
        roomName: 'Physics club',
        minPlayers: 0,
        questionSeconds: 20,
        maxPlayersPerAddress: 4,
        pin: true,
        playToo: true,
        nickname: 'Ms Curie',
      },
    ]);
  });

  it('offers to resume an interrupted game', { timeout: 60_000 }, async () => {
    const { context: ctx, page: p } = await newPage(browser!, DESKTOP);
    try {
      await ctx.addInitScript(installFakeBridge, {
        ...DESKTOP_STATE,
        interrupted: { roomName: 'Physics club', quizTitle: 'Science', players: 14 },
      });
      await p.goto(host!.playerUrl);
      await visible(p.getByRole('heading', { name: 'Resume interrupted game' }));
      await visible(p.getByText(/Physics club.+Science.+14 players/));
      await capture(p, 'desktop-home-resume');
      await p.getByRole('button', { name: 'Resume game' }).click();
      await expect
        .poll(() => p.evaluate(() => (globalThis as unknown as PageGlobals).__calls as Call[]))
        .toContainEqual(['resumeHosting']);
    } finally {
      await ctx.close();
    }
  });

  it('says what resuming a damaged journal would drop, on the button too', { timeout: 60_000 }, async () => {
    const { context: ctx, page: p } = await newPage(browser!, DESKTOP);
    try {
      const damage =
        'The game journal /home/ms-curie/.config/Quizroom/journal/room-2025-03-04T09-12-55-120Z-4242-a1b2c3.jsonl ' +
        'is damaged at line 1,207 (byte 98,304): its checksum does not match its content. After it come 212 good ' +
        'records (180 answers, 0 players joining, from 09:31:02 to 09:33:40) that a resume would drop, going back ' +
        'to the game as it was at 09:31:01.';
      await ctx.addInitScript(installFakeBridge, {
        ...DESKTOP_STATE,
        interrupted: { roomName: 'Physics club', quizTitle: 'Science', players: 14, damage },
      });
      await p.goto(host!.playerUrl);
      await visible(p.getByText(/damaged at line 1,207/));
      await capture(p, 'desktop-home-resume-damaged');
      await p.getByRole('button', { name: 'Resume up to the damage' }).click();
      await expect
        .poll(() => p.evaluate(() => (globalThis as unknown as PageGlobals).__calls as Call[]))
        .toContainEqual(['resumeHosting']);
    } finally {
      await ctx.close();
    }
  });

  it('lists the rooms found on the LAN and explains an unreachable one', { timeout: 60_000 }, async () => {
    await page.goto(host!.playerUrl);
    await page.getByRole('button', { name: 'Join', exact: true }).click();
    await visible(heading(page, 'Join a quiz'));
    await visible(page.getByText('Biology 2B'));
    await capture(page, 'desktop-join');

    await page.getByRole('button', { name: 'Join Quiz night' }).click();
    await visible(page.getByText('Enter a nickname.').first());
    await page.getByLabel('Nickname').fill('Marie');
    await page.getByRole('button', { name: 'Join Biology 2B' }).click();
    await visible(page.getByText('This room needs a PIN.').first());
    await page.getByRole('button', { name: 'Join Quiz night' }).click();
    await visible(page.getByText('Could not reach that room.'));
    await capture(page, 'desktop-join-unreachable');
    expect(await calls()).toContainEqual(['connect', '192.168.1.20', 7420]);

    await page.getByLabel('Or join by address').fill('http://10.1.2.3:7500/');
    await page.getByRole('button', { name: 'Join by address' }).click();
    await expect.poll(calls).toContainEqual(['connect', '10.1.2.3', 7500]);
  });
});
