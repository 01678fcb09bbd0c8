/**
 * The desktop-only screens (Home, Host setup, Join with the rooms found on the LAN, the top bar of
 * a hosted room) rendered by the same bundle through the Electron adapter, with a stand-in for
 * the preload's `window.quiz`: one method per intent of the intent table. It records intents, so
 * the test checks what the screens ask the app to do, using only the keyboard where a person might.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppState, DesktopState } from '../../src/shared/api/quiz-api';
import { initialView } from '../../src/shared/client/client-view';
import { DEFAULT_SETTINGS } from '../../src/shared/protocol';
import { INTENT_NAMES, type IntentName } from '../../src/shared/ipc/intents';
import { capture } from './support/audit';
import { BUILD_AND_LAUNCH_MS, DESKTOP, launchBrowser, newPage } from './support/browser';
import { startHost, type E2EHost } from './support/e2e-host';
import type { PageGlobals } from './support/page-globals';
import { heading, visible } from './support/players';

type Call = [string, ...unknown[]];

/** What the stand-in answers to each intent that answers (the others answer nothing). */
const ANSWERS: Partial<Record<IntentName, unknown>> = {
  exportCsv: { ok: true },
  hostRoom: { ok: true },
  stopHosting: { ok: true },
  resumeHosting: { ok: false, code: 'resume_failed', message: 'The journal of "Physics club" is damaged.' },
  importQuiz: { ok: false, code: 'cancelled', message: 'Cancelled.' },
  connect: { ok: false, code: 'unreachable', message: 'connect ECONNREFUSED' },
  openQuiz: { ok: false, code: 'not_found', message: 'No such quiz.' },
  saveQuiz: { ok: true },
  createQuiz: { ok: true, id: 'new-quiz' },
  duplicateQuiz: { ok: true, id: 'copy' },
  deleteQuiz: { ok: true },
  openReport: {
    ok: true,
    report: {
      roomName: 'Biology 2B',
      gameNo: 1,
      startedAt: '2026-11-30T09:00:00.000Z',
      finishedAt: '2026-11-30T09:12:00.000Z',
      quiz: { title: 'Cells' },
      settings: { ...DEFAULT_SETTINGS, identity: 'roster' },
      questions: [],
      players: [
        {
          id: 'p1',
          name: 'Ada',
          identity: 'Ada Lovelace',
          rank: 1,
          score: 1800,
          correctCount: 2,
          totalTimeMs: 9000,
          connected: true,
          answers: [],
        },
        {
          id: 'p2',
          name: 'Bee',
          rank: 2,
          score: 900,
          correctCount: 1,
          totalTimeMs: 12000,
          connected: true,
          answers: [],
        },
      ],
    },
  },
  personHistory: {
    ok: true,
    identity: 'Ada Lovelace',
    skipped: 1,
    games: [
      {
        reportId: 'r2',
        startedAt: '2026-11-30T09:00:00.000Z',
        finishedAt: '2026-11-30T09:12:00.000Z',
        quizTitle: 'Cells',
        roomName: 'Biology 2B',
        name: 'Ada',
        score: 1800,
        rank: 1,
        correctCount: 2,
        questionCount: 2,
        playerCount: 2,
      },
      {
        reportId: 'r1',
        startedAt: '2026-11-23T09:00:00.000Z',
        finishedAt: '2026-11-23T09:10:00.000Z',
        quizTitle: 'Plants',
        roomName: 'Biology 2B',
        name: 'Ada L',
        score: 700,
        rank: 3,
        correctCount: 1,
        questionCount: 3,
        playerCount: 24,
      },
    ],
  },
  exportReport: { ok: true },
  deleteReport: { ok: true },
  checkNetwork: {
    port: 7420,
    hosting: false,
    addresses: [
      { interface: 'wlan0', address: '192.168.1.20', kind: 'lan', reachable: true, multicast: true },
      { interface: 'wg0', address: '10.6.0.2', kind: 'vpn' },
    ],
    findings: [
      {
        code: 'ready',
        severity: 'ok',
        says: 'Players on the same network can reach this computer at 192.168.1.20.',
        todo: 'Nothing to do.',
      },
      {
        code: 'vpn_on',
        severity: 'warning',
        says: 'A VPN is on (wg0). Many VPNs block traffic from the local network.',
        todo: 'If players cannot connect, turn the VPN off or allow local network access in its settings while you host.',
      },
    ],
  },
};

interface StandIn {
  state: AppState;
  /** Every intent with its answer (undefined: fire and forget). */
  intents: [string, unknown][];
}

/** Runs in the page before the app: the stand-in bridge, recording every call in __calls. */
function installStandIn({ state, intents }: StandIn): void {
  const calls: Call[] = [];
  const bridge: Record<string, unknown> = { getState: () => state, subscribe: () => () => undefined };
  for (const [name, answer] of intents) {
    bridge[name] = (...args: unknown[]) => {
      calls.push([name, ...args]);
      return Promise.resolve(answer);
    };
  }
  Object.assign(globalThis, { quiz: bridge, __calls: calls });
}

const standIn = (state: AppState): StandIn => ({
  state,
  intents: INTENT_NAMES.map((name) => [name, ANSWERS[name]]),
});

const ON_THE_LAN: DesktopState = {
  hosting: null,
  interrupted: null,
  library: [],
  reports: [],
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

const DESKTOP_STATE: AppState = {
  game: null,
  player: null,
  clockOffset: 0,
  quizzes: [
    { id: 'builtin', title: 'General knowledge', questionCount: 12 },
    { id: 'builtin:science', title: 'Science', questionCount: 10 },
    { id: 'builtin:history', title: 'History', questionCount: 10 },
    { id: 'builtin:geography', title: 'Geography', questionCount: 10 },
  ],
  desktop: ON_THE_LAN,
};

/** This app hosts "Physics club", waiting in the lobby: what the host's own client would show. */
const HOSTING_STATE: AppState = {
  ...DESKTOP_STATE,
  game: {
    ...initialView(),
    connection: 'open',
    ready: true,
    role: 'host',
    room: { name: 'Physics club', pinRequired: false, protocol: 1 },
    quiz: { title: 'Science', questionCount: 10 },
    access: { joinUrls: ['http://192.168.1.20:7420/'], pin: null },
  },
  desktop: {
    ...ON_THE_LAN,
    hosting: { roomName: 'Physics club', port: 7420, quizTitle: 'Science', playing: false },
  },
};

describe('desktop screens', () => {
  let browser: Browser | undefined;
  let host: E2EHost | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    // The host only serves the built bundle here; the stand-in bridge stands in for the app.
    host = await startHost();
    browser = await launchBrowser();
  }, BUILD_AND_LAUNCH_MS);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await host?.close();
  });

  /** A 1280×800 window of the desktop app in `state`. */
  async function open(state: AppState): Promise<Page> {
    const { context, page } = await newPage(browser!, DESKTOP);
    contexts.push(context);
    await context.addInitScript(installStandIn, standIn(state));
    await page.goto(host!.playerUrl);
    return page;
  }
  const callsOf = (page: Page) =>
    page.evaluate(() => (globalThis as unknown as PageGlobals).__calls as Call[]);

  it('hosts a room from Home and Host setup by keyboard', { timeout: 60_000 }, async () => {
    const page = await open(DESKTOP_STATE);
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
    await page.getByLabel('I’ll press Start').check();
    await page.getByLabel('Seconds per question').fill('300');
    await page.getByLabel('Require a PIN').check();
    await page.getByRole('button', { name: 'Open room' }).click();
    await visible(page.getByText('Enter a whole number of seconds from 5 to 240.'));
    await page.getByLabel('Seconds per question').fill('20');
    await page.getByLabel('Scoring').selectOption('accuracy');
    await page.getByLabel('Shuffle questions').check();
    await page.getByLabel('I will play too').check();
    await page.getByLabel('Nickname').fill('Ms Curie');
    await page.getByLabel('Nickname').press('Enter');
    await expect
      .poll(() => callsOf(page))
      .toContainEqual([
        'hostRoom',
        {
          quizId: 'builtin:science',
          roomName: 'Physics club',
          minPlayers: 0,
          questionSeconds: 20,
          maxPlayersPerAddress: 4,
          pin: true,
          playToo: true,
          settings: { scoringMode: 'accuracy', shuffleQuestions: true },
          nickname: 'Ms Curie',
        },
      ]);
  });

  it(
    'offers to resume an interrupted game in view at 1280×800, and shows why it could not',
    { timeout: 60_000 },
    async () => {
      const page = await open({
        ...DESKTOP_STATE,
        desktop: {
          ...ON_THE_LAN,
          interrupted: { roomName: 'Physics club', quizTitle: 'Science', players: 14 },
        },
      });
      await visible(page.getByRole('heading', { name: 'Resume interrupted game' }));
      await visible(page.getByText(/Physics club.+Science.+14 players/));
      await capture(page, 'desktop-home-resume');
      // In view as the window opens: nothing scrolled, the whole button inside the window.
      const resume = page.getByRole('button', { name: 'Resume game' });
      const box = await resume.boundingBox();
      expect(box).not.toBeNull();
      expect(box!.y).toBeGreaterThanOrEqual(0);
      expect(box!.y + box!.height).toBeLessThanOrEqual(DESKTOP.viewport!.height);
      expect(await page.evaluate(() => (globalThis as unknown as { scrollY: number }).scrollY)).toBe(0);

      await resume.click();
      await expect.poll(() => callsOf(page)).toContainEqual(['resumeHosting']);
      // The failure the app answered is on screen, and the button can be pressed again.
      await visible(page.getByRole('alert').getByText('The journal of "Physics club" is damaged.'));
      await expect.poll(() => resume.isEnabled()).toBe(true);
    },
  );

  it(
    'closes a hosted room only when the host presses Close room a second time, soon after the first',
    { timeout: 60_000 },
    async () => {
      const page = await open(HOSTING_STATE);
      const close = page.getByRole('button', { name: 'Close room' });
      await visible(close);
      await close.click();
      const confirm = page.getByRole('button', { name: 'Press again to close the room' });
      await visible(confirm);
      await capture(page, 'desktop-close-room-confirm');
      expect((await callsOf(page)).filter(([name]) => name === 'stopHosting')).toEqual([]);
      // Unanswered, the question goes away by itself (however long the capture took) and nothing closed.
      await visible(close);
      expect((await callsOf(page)).filter(([name]) => name === 'stopHosting')).toEqual([]);
      // Pressed twice in a row, it closes the room.
      await close.click();
      await confirm.click();
      await expect.poll(() => callsOf(page)).toContainEqual(['stopHosting']);
    },
  );

  it('says what resuming a damaged journal would drop, on the button too', { timeout: 60_000 }, async () => {
    const damage =
      'The game journal /home/ms-curie/.config/Quizroom/journal/room-2025-03-04T09-12-55-120Z-4242-a1b2c3.jsonl ' +
      'is damaged at line 1,207 (byte 98,304): its checksum does not match its content. After it come 212 good ' +
      'records (180 answers, 0 players joining, from 09:31:02 to 09:33:40) that a resume would drop, going back ' +
      'to the game as it was at 09:31:01.';
    const page = await open({
      ...DESKTOP_STATE,
      desktop: {
        ...ON_THE_LAN,
        interrupted: { roomName: 'Physics club', quizTitle: 'Science', players: 14, damage },
      },
    });
    await visible(page.getByText(/damaged at line 1,207/));
    await capture(page, 'desktop-home-resume-damaged');
    await page.getByRole('button', { name: 'Resume up to the damage' }).click();
    await expect.poll(() => callsOf(page)).toContainEqual(['resumeHosting']);
  });

  it(
    'follows one person from a report to their past games, and opens one of them',
    { timeout: 60_000 },
    async () => {
      const page = await open({
        ...DESKTOP_STATE,
        desktop: {
          ...ON_THE_LAN,
          reports: [
            {
              status: 'ok',
              id: 'r2',
              quizTitle: 'Cells',
              roomName: 'Biology 2B',
              startedAt: '2026-11-30T09:00:00.000Z',
              finishedAt: '2026-11-30T09:12:00.000Z',
              playerCount: 2,
              questionCount: 2,
              winner: { name: 'Ada', score: 1800 },
            },
          ],
        },
      });
      await page.getByRole('button', { name: 'Past games' }).first().click();
      await page.getByRole('button', { name: /^Open the report of Cells/ }).click();
      await visible(page.getByRole('columnheader', { name: 'Name on the class list' }));
      await page.getByRole('button', { name: 'Past games of Ada Lovelace' }).click();
      await expect.poll(() => callsOf(page)).toContainEqual(['personHistory', 'Ada Lovelace']);
      const table = page.getByRole('table', { name: 'Every saved game Ada Lovelace played, newest first' });
      await visible(table);
      expect(await table.locator('tbody tr').count()).toBe(2);
      await visible(table.getByText('3 of 24'));
      await visible(table.getByText('1 of 3'));
      await visible(page.getByText('1 saved report could not be read and is not counted.'));
      await capture(page, 'desktop-person-history');
      await table.getByRole('button', { name: /^Open the report of Plants/ }).click();
      await expect.poll(() => callsOf(page)).toContainEqual(['openReport', 'r1']);
    },
  );

  it('lists the rooms found on the LAN and explains an unreachable one', { timeout: 60_000 }, async () => {
    const page = await open(DESKTOP_STATE);
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
    expect(await callsOf(page)).toContainEqual(['connect', '192.168.1.20', 7420]);

    await page.getByLabel('Or join by address').fill('http://10.1.2.3:7500/');
    await page.getByRole('button', { name: 'Join by address' }).click();
    await expect.poll(() => callsOf(page)).toContainEqual(['connect', '10.1.2.3', 7500]);
  });

  it(
    'tells the host what stands in the way on the network, and shows a Wi-Fi QR code it never sends',
    { timeout: 60_000 },
    async () => {
      const setup = await open(DESKTOP_STATE);
      await setup.getByRole('button', { name: 'Host', exact: true }).click();
      await visible(heading(setup, 'Host a quiz'));
      const network = setup.locator('.network-panel');
      await visible(network.getByText('Network: 1 thing to look at'));
      await visible(network.getByText('A VPN is on (wg0).', { exact: false }));
      await visible(network.getByText(/turn the VPN off/));
      await network.getByRole('button', { name: 'Check again' }).click();
      await expect
        .poll(async () => (await callsOf(setup)).filter(([name]) => name === 'checkNetwork').length)
        .toBe(2);

      const lobby = await open(HOSTING_STATE);
      const panel = lobby.locator('.network-panel');
      // Compact in the lobby: one line until the host opens it.
      await visible(panel.getByText('Network: 1 thing to look at'));
      await capture(lobby, 'desktop-lobby-network');
      await panel.getByText('Network: 1 thing to look at').click();
      await visible(panel.getByText(/can reach this computer at 192\.168\.1\.20/));
      await panel.getByText('Show a Wi-Fi QR code').click();
      await panel.getByLabel('Network name').fill('Quiz; night');
      await panel.getByLabel('Password').fill('s3cret:pass');
      await visible(panel.getByRole('img', { name: 'QR code to join the Wi-Fi network Quiz; night' }));
      // What the host typed stays in the page: no intent carries it.
      expect(JSON.stringify(await callsOf(lobby))).not.toContain('s3cret');
    },
  );

  it(
    'keeps 5,000 final standings scrollable with only the rows in view in the page',
    { timeout: 90_000 },
    async () => {
      const standings = Array.from({ length: 5000 }, (_, i) => ({
        rank: i + 1,
        id: `p${i}`,
        name: `Player ${i + 1}`,
        score: 100_000 - i * 10,
        correct: 10 - (i % 10),
        connected: i % 7 !== 3,
      }));
      const page = await open({
        ...HOSTING_STATE,
        game: {
          ...HOSTING_STATE.game!,
          status: 'FINISHED',
          phase: 'finished',
          playerCount: 5000,
          connectedCount: 4285,
          standings,
          top: standings.slice(0, 10),
          players: standings.map((r) => ({ id: r.id, name: r.name, connected: r.connected, score: r.score })),
        },
      });
      await page.getByRole('button', { name: 'Full standings' }).click();
      const table = page.getByRole('table', { name: 'Final standings' });
      await visible(table.getByRole('rowheader', { name: 'Player 1', exact: true }));
      const rendered = () => table.locator('tbody tr[data-row]').count();
      expect(await rendered()).toBeLessThan(100);
      expect(await table.getAttribute('aria-rowcount')).toBe('5001');

      // Scroll to the end: the last place is there, and the page still holds only a window.
      const body = page.locator('.drawer__body');
      await body.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
      await visible(table.getByRole('rowheader', { name: 'Player 5000', exact: true }));
      expect(await rendered()).toBeLessThan(100);
      const lastRow = table.getByRole('row').filter({ hasText: 'Player 5000' });
      expect(await lastRow.getAttribute('aria-rowindex')).toBe('5001');

      // Frame times while scrolling through it (logged for docs/performance.md, not asserted).
      const frames = await body.evaluate(async (el) => {
        const g = globalThis as unknown as {
          requestAnimationFrame(cb: (t: number) => void): number;
        };
        const times: number[] = [];
        let last = 0;
        el.scrollTo({ top: 0 });
        for (let i = 0; i < 120; i++) {
          await new Promise<void>((resolve) =>
            g.requestAnimationFrame((t) => {
              if (last) times.push(t - last);
              last = t;
              el.scrollTop += el.scrollHeight / 150;
              resolve();
            }),
          );
        }
        return times.sort((a, b) => a - b);
      });
      const at = (p: number) =>
        frames[Math.min(frames.length - 1, Math.ceil((p / 100) * frames.length) - 1)]!;
      console.log(
        `5,000 standings, scrolling: frame p50 ${at(50).toFixed(1)} ms, p95 ${at(95).toFixed(1)} ms, max ${at(100).toFixed(1)} ms`,
      );
      await capture(page, 'desktop-final-standings-5000');
    },
  );
});
