/**
 * The quiz library, editor, imports and reports in real Chromium, with a REAL DesktopSession behind
 * the page: a small WebSocket bridge in the test registers the app's own IPC handlers (the same
 * `registerIpc` the Electron main process uses) on a fake IPC and forwards the page's `window.quiz`
 * calls to them, pushing each new AppState back. The library is a temporary folder, checked on disk.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { WebSocketServer } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerIpc, type IpcEventLike, type IpcLike } from '../../src/main/app/ipc-handlers';
import { DesktopSession } from '../../src/main/desktop/desktop-session';
import { createFakeDiscovery } from '../../src/main/discovery';
import { REPORT_FORMAT, type GameReport } from '../../src/main/reports/game-report';
import { ReportStore } from '../../src/main/reports/report-store';
import { FLUSH_EVENT, INTENT_CHANNELS, INTENT_NAMES, type IntentName } from '../../src/shared/ipc/channels';
import { capture } from './support/audit';
import { BUILD_AND_LAUNCH_MS, DESKTOP, PHONE, launchBrowser, newPage } from './support/browser';
import { startHost, type E2EHost } from './support/e2e-host';
import type { PageGlobals } from './support/page-globals';
import { heading, visible } from './support/players';
import { samplePicture } from '../support/media-samples';

/** A save is a write, an fsync and a rename: on a busy disk it can take a while. */
const SAVE_MS = 60_000;
const GIFT = resolve(__dirname, '../fixtures/imports/moodle-questions.gift');
const APP_FRAME: IpcEventLike = { senderFrame: { url: 'app://quizroom/index.html', parent: null } };

type Handler = (event: IpcEventLike, ...args: unknown[]) => unknown;
class FakeIpc implements IpcLike {
  readonly handlers = new Map<string, Handler>();
  handle(channel: string, listener: Handler): void {
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
}

/** Runs in the page before the app: `window.quiz` over a WebSocket to the test's bridge. */
function installSocketBridge(args: { url: string; methods: string[]; initial: unknown }): void {
  type Listener = (change: { full: unknown }) => void;
  const g = globalThis as unknown as {
    WebSocket: new (url: string) => {
      send(data: string): void;
      addEventListener(type: string, listener: (event: { data: string }) => void): void;
    };
    quiz?: unknown;
  };
  // The app reads getState() at once: start from the state the session had, until pushes arrive.
  let state: unknown = args.initial;
  const listeners = new Set<Listener>();
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let seq = 0;
  const ws = new g.WebSocket(args.url);
  const open = new Promise((r) => ws.addEventListener('open', r));
  ws.addEventListener('message', (event) => {
    const msg = JSON.parse(event.data) as { state?: unknown; id?: number; result?: unknown; error?: string };
    if (msg.state !== undefined) {
      // This bridge passes on whole states, as the first push of the preload's changes does.
      state = msg.state;
      for (const l of listeners) l({ full: state });
      return;
    }
    const p = pending.get(msg.id!);
    pending.delete(msg.id!);
    if (msg.error) p?.reject(new Error(msg.error));
    else p?.resolve(msg.result ?? undefined);
  });
  const bridge: Record<string, unknown> = {
    getState: () => state,
    subscribe: (l: Listener) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  for (const name of args.methods) {
    bridge[name] = (...a: unknown[]) =>
      new Promise((resolve, reject) => {
        const id = ++seq;
        pending.set(id, { resolve, reject });
        // Bytes (a picture the editor adds) cross as a list of numbers, as structured clone would keep them.
        const sent = a.map((x) => (x instanceof Uint8Array ? { $bytes: Array.from(x) } : x));
        void open.then(() => ws.send(JSON.stringify({ id, name, args: sent })));
      });
  }
  g.quiz = bridge;
}

function sampleReport(): GameReport {
  const answer = (option: number, correct: boolean, elapsedMs: number, points: number) => ({
    option,
    correct,
    elapsedMs,
    points,
  });
  return {
    format: REPORT_FORMAT,
    roomName: 'Geography club',
    gameNo: 1,
    startedAt: '2025-03-14T18:00:00.000Z',
    finishedAt: '2025-03-14T18:06:30.000Z',
    quiz: { title: 'Capitals of Europe' },
    questions: [
      {
        number: 1,
        prompt: 'What is the capital of Portugal?',
        kind: 'choice',
        options: ['Lisbon', 'Porto', 'Madrid'],
        correct: 0,
        points: 1000,
        timeLimitS: 20,
        status: 'played',
        answered: 3,
        right: 2,
        averageTimeMs: 4200,
        optionCounts: [2, 1, 0],
      },
      {
        number: 2,
        prompt: 'What is the capital of Norway?',
        kind: 'choice',
        options: ['Bergen', 'Oslo'],
        correct: 1,
        points: 2000,
        timeLimitS: 20,
        status: 'played',
        answered: 3,
        right: 3,
        averageTimeMs: 3100,
        optionCounts: [0, 3],
      },
    ],
    players: [
      {
        id: 'p1',
        name: 'Ada',
        rank: 1,
        score: 2850,
        correctCount: 2,
        totalTimeMs: 6000,
        connected: true,
        answers: [answer(0, true, 3000, 950), answer(1, true, 3000, 1900)],
      },
      {
        id: 'p2',
        name: 'Grace',
        rank: 2,
        score: 1800,
        correctCount: 1,
        totalTimeMs: 9000,
        connected: true,
        answers: [answer(1, false, 5000, 0), answer(1, true, 4000, 1800)],
      },
      {
        id: 'p3',
        name: 'Linus',
        rank: 3,
        score: 1700,
        correctCount: 2,
        totalTimeMs: 7700,
        connected: false,
        answers: [answer(0, true, 4600, 900), answer(1, true, 2300, 800)],
      },
    ],
  };
}

describe('quiz library, editor and reports (a real desktop session behind the page)', () => {
  let browser: Browser | undefined;
  let host: E2EHost | undefined;
  let context: BrowserContext | undefined;
  let page: Page;
  let session: DesktopSession;
  let wss: WebSocketServer;
  let libraryDir: string;
  let pickedFile: string | null = null;
  let bridgeUrl = '';
  const saved: { name: string; size: number }[] = [];

  beforeAll(async () => {
    libraryDir = mkdtempSync(join(tmpdir(), 'quizroom-e2e-library-'));
    await new ReportStore(libraryDir).save(sampleReport());
    session = new DesktopSession({
      staticDir: null,
      announce: false,
      port: 0,
      bind: '127.0.0.1',
      libraryDir,
      createDiscovery: () => createFakeDiscovery(),
      saveFile: async (name, content) => {
        saved.push({ name, size: content.length });
        return true;
      },
      pickQuizFile: async () => pickedFile,
    });
    await session.refreshLibrary();
    const ipc = new FakeIpc();
    registerIpc(ipc, session, () => true);
    wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise((r) => wss.once('listening', r));
    wss.on('connection', (socket) => {
      const push = (state: unknown) => socket.send(JSON.stringify({ state }));
      push(session.getState());
      const unsubscribe = session.subscribe(push);
      socket.on('close', unsubscribe);
      socket.on('message', (data) => {
        const { id, name, args } = JSON.parse(String(data)) as {
          id: number;
          name: IntentName;
          args: unknown[];
        };
        const handler = ipc.handlers.get(INTENT_CHANNELS[name])!;
        const received = args.map((a) =>
          a && typeof a === 'object' && '$bytes' in a
            ? new Uint8Array((a as { $bytes: number[] }).$bytes)
            : a,
        );
        Promise.resolve()
          .then(() => handler(APP_FRAME, ...received))
          .then(
            (result) => socket.send(JSON.stringify({ id, result: result ?? null })),
            (e: unknown) =>
              socket.send(JSON.stringify({ id, error: e instanceof Error ? e.message : String(e) })),
          );
      });
    });
    const address = wss.address() as { port: number };
    bridgeUrl = `ws://127.0.0.1:${address.port}`;
    host = await startHost();
    browser = await launchBrowser();
    ({ context, page } = await newPage(browser, DESKTOP));
    await context.addInitScript(installSocketBridge, {
      url: bridgeUrl,
      methods: INTENT_NAMES,
      initial: session.getState(),
    });
  }, BUILD_AND_LAUNCH_MS);

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await host?.close();
    wss?.close();
    await session?.shutdown();
    rmSync(libraryDir, { recursive: true, force: true });
  });

  const openLibrary = async () => {
    await page.goto(host!.playerUrl);
    await page.getByRole('button', { name: 'Quiz library' }).click();
    await visible(heading(page, 'Quiz library'));
  };
  const question = (n: number) => page.getByRole('group', { name: `Question ${n}`, exact: true });
  const onDisk = () => JSON.parse(readFileSync(join(libraryDir, 'new-quiz.json'), 'utf8'));

  it(
    'creates and edits a quiz, shows problems next to their field, reorders and keeps it all',
    { timeout: 90_000 },
    async () => {
      await openLibrary();
      await visible(page.getByRole('heading', { name: 'Science' }));
      await expect.poll(() => page.getByRole('button', { name: 'Edit Science' }).count()).toBe(0);
      await capture(page, 'library');

      await page.getByRole('button', { name: '+ New quiz' }).click();
      await visible(heading(page, 'Edit quiz'));
      await page.getByLabel('Title').fill('Rivers of the world');
      const q1 = question(1);
      await q1.getByLabel('Question text').fill('Which is the longest river?');
      await q1.getByLabel('Option 1', { exact: true }).fill('Nile');
      await q1.getByLabel('Option 2', { exact: true }).fill('');
      await visible(q1.getByText('Option 2 must not be empty.'));
      expect(await q1.getByLabel('Option 2', { exact: true }).getAttribute('aria-invalid')).toBe('true');
      await capture(page, 'editor-error');
      await q1.getByLabel('Option 2', { exact: true }).fill('Amazon');
      await expect.poll(() => q1.getByText('Option 2 must not be empty.').count()).toBe(0);
      await q1.getByRole('button', { name: 'Add option to question 1' }).click();
      await q1.getByLabel('Option 3', { exact: true }).fill('Yangtze');
      await q1.getByLabel('Option 2 is correct').check();

      await page.getByRole('button', { name: '+ Add question' }).click();
      const q2 = question(2);
      await q2.getByLabel('Question text').fill('Which river flows through Paris?');
      await q2.getByLabel('Option 1', { exact: true }).fill('Seine');
      await q2.getByLabel('Option 2', { exact: true }).fill('Thames');
      await q2.getByLabel('Time limit (seconds)').fill('3');
      await visible(q2.getByText('Enter whole seconds from 5 to 240, or leave it empty.'));
      await q2.getByLabel('Time limit (seconds)').fill('20');
      await q2.getByLabel('Points').selectOption('2000');

      // Reorder by keyboard: focus stays on the moved question's button.
      await q2.getByRole('button', { name: 'Move question 2 up' }).focus();
      await page.keyboard.press('Enter');
      await expect
        .poll(() => question(1).getByLabel('Question text').inputValue())
        .toBe('Which river flows through Paris?');
      await visible(page.getByRole('status').getByText('All changes saved'));
      await capture(page, 'editor');

      // The status speaks for the newest save only, and the file is polled too: a busy machine
      // may still be renaming it into place when the answer arrives.
      await expect.poll(() => onDisk().title).toBe('Rivers of the world');
      await expect
        .poll(() => onDisk().questions)
        .toEqual([
          {
            kind: 'choice',
            prompt: 'Which river flows through Paris?',
            options: ['Seine', 'Thames'],
            correct: 0,
            timeLimit: 20,
            points: 2000,
          },
          {
            kind: 'choice',
            prompt: 'Which is the longest river?',
            options: ['Nile', 'Amazon', 'Yangtze'],
            correct: 1,
            points: 1000,
          },
        ]);

      // An unfinished edit is kept as a draft, and comes back after a reload.
      await question(2).getByLabel('Option 1', { exact: true }).fill('');
      await page.keyboard.press('Tab');
      await visible(page.getByRole('status').getByText(/Saved as a draft/));
      await page.reload();
      await page.getByRole('button', { name: 'Quiz library' }).click();
      await page.getByRole('button', { name: 'Edit Rivers of the world' }).click();
      await visible(page.getByText('Restored your unfinished changes.'));
      expect(await page.getByLabel('Title').inputValue()).toBe('Rivers of the world');
      expect(await question(1).getByLabel('Question text').inputValue()).toBe(
        'Which river flows through Paris?',
      );
      await visible(question(2).getByText('Option 1 must not be empty.'));
      await question(2).getByLabel('Option 1', { exact: true }).fill('Nile');
      await visible(page.getByRole('status').getByText('All changes saved'));
      await expect.poll(() => onDisk().questions[1].options).toEqual(['Nile', 'Amazon', 'Yangtze']);

      // Remove and duplicate questions.
      await question(1).getByRole('button', { name: 'Duplicate question 1' }).click();
      await expect.poll(() => page.getByRole('group', { name: /^Question \d$/ }).count()).toBe(3);
      await question(2).getByRole('button', { name: 'Remove question 2' }).click();
      await expect.poll(() => page.getByRole('group', { name: /^Question \d$/ }).count()).toBe(2);

      // Narrow window: nothing sticks out sideways.
      await page.setViewportSize({ width: PHONE.viewport!.width, height: 844 });
      await capture(page, 'editor-narrow');
      const overflow = await page.evaluate(
        () => (globalThis as unknown as PageGlobals).document.documentElement.scrollWidth,
      );
      expect(overflow).toBeLessThanOrEqual(PHONE.viewport!.width);
      await page.setViewportSize(DESKTOP.viewport!);

      await page.getByRole('button', { name: '← Library' }).click();
      await visible(page.getByRole('heading', { name: 'Rivers of the world' }));
      expect(session.getState().quizzes.map((q) => q.title)).toContain('Rivers of the world');
    },
  );

  it(
    'creates one question of every kind with the keyboard, and they come back as saved',
    { timeout: 120_000 },
    async () => {
      await openLibrary();
      await page.getByRole('button', { name: '+ New quiz' }).focus();
      await page.keyboard.press('Enter');
      await visible(heading(page, 'Edit quiz'));
      const type = async (target: ReturnType<Page['getByLabel']>, text: string) => {
        await target.focus();
        await page.keyboard.press('ControlOrMeta+A');
        await page.keyboard.type(text);
      };
      const press = async (target: ReturnType<Page['getByLabel']>, key: string, times = 1) => {
        await target.focus();
        for (let i = 0; i < times; i++) await page.keyboard.press(key);
      };
      const focused = (target: ReturnType<Page['getByLabel']>) =>
        target.evaluate((e) => e === e.ownerDocument.activeElement);
      await type(page.getByLabel('Title'), 'Every kind');
      // Seven more questions, each turned into the next kind with the arrow keys on its kind list.
      for (let n = 2; n <= 8; n++) {
        await press(page.getByRole('button', { name: '+ Add question' }), 'Enter');
        // The new question's text takes the keyboard.
        await expect.poll(() => focused(question(n).getByLabel('Question text'))).toBe(true);
        await press(question(n).getByLabel('Kind of question'), 'ArrowDown', n - 1);
      }
      const kinds = ['choice', 'true_false', 'multi_select', 'typed', 'number', 'ordering', 'poll', 'slide'];
      const kindsShown = async () => {
        const shown: string[] = [];
        for (let n = 1; n <= 8; n++)
          shown.push(await question(n).getByLabel('Kind of question').inputValue());
        return shown;
      };
      await expect.poll(kindsShown).toEqual(kinds);

      const q = question;
      await type(q(1).getByLabel('Question text'), 'Which city is France’s capital?');
      await type(q(1).getByLabel('Option 1', { exact: true }), 'Paris');
      await type(q(1).getByLabel('Option 2', { exact: true }), 'Lyon');
      await type(q(1).getByLabel('Reading time (seconds)'), '3');
      await type(q(1).getByLabel('Explanation (optional)'), 'Paris since 987.');

      await type(q(2).getByLabel('Question text'), 'The Sun is a planet.');
      await press(q(2).getByLabel('True'), 'ArrowDown');
      await press(q(2).getByLabel('Points'), 'ArrowDown');

      await type(q(3).getByLabel('Question text'), 'Which are primes?');
      await type(q(3).getByLabel('Option 1', { exact: true }), '2');
      await type(q(3).getByLabel('Option 2', { exact: true }), '4');
      await press(q(3).getByRole('button', { name: 'Add option to question 3' }), 'Enter');
      await expect
        .poll(() =>
          q(3)
            .getByLabel('Option 3', { exact: true })
            .evaluate((e) => e === e.ownerDocument.activeElement),
        )
        .toBe(true);
      await type(q(3).getByLabel('Option 3', { exact: true }), '5');
      await press(q(3).getByLabel('Option 3 is correct'), 'Space');
      await press(q(3).getByLabel('Shuffle the options on each phone'), 'Space');

      await type(q(4).getByLabel('Question text'), 'Highest mountain?');
      await type(q(4).getByLabel('Accepted answer 1', { exact: true }), 'Everest');
      await press(q(4).getByRole('button', { name: 'Add accepted answer to question 4' }), 'Enter');
      await type(q(4).getByLabel('Accepted answer 2', { exact: true }), 'Mount Everest');
      await press(q(4).getByLabel(/Accept small typos/), 'Space');

      await type(q(5).getByLabel('Question text'), 'Degrees in a right angle?');
      await type(q(5).getByLabel('Highest value'), '180');
      await type(q(5).getByLabel('Right value'), '90');

      await type(q(6).getByLabel('Question text'), 'Smallest first');
      await type(q(6).getByLabel('Item 1', { exact: true }), 'Two');
      await type(q(6).getByLabel('Item 2', { exact: true }), 'One');
      await type(q(6).getByLabel('Item 3', { exact: true }), 'Three');
      await press(q(6).getByRole('button', { name: 'Move item 1 down' }), 'Enter');

      await type(q(7).getByLabel('Question text'), 'Favourite season?');
      await type(q(7).getByLabel('Option 1', { exact: true }), 'Summer');
      await type(q(7).getByLabel('Option 2', { exact: true }), 'Winter');
      // Passing through "ordering" on the way here left a third, empty option: remove it.
      await press(q(7).getByRole('button', { name: 'Remove option 3' }), 'Enter');

      await type(q(8).getByLabel('Slide title'), 'Round two');
      await type(q(8).getByLabel('Slide text'), 'Harder questions ahead.');

      await page.keyboard.press('Tab');
      await visible(page.getByRole('status').getByText('All changes saved'), SAVE_MS);
      await capture(page, 'editor-every-kind');

      const expected = [
        {
          kind: 'choice',
          prompt: 'Which city is France’s capital?',
          options: ['Paris', 'Lyon'],
          correct: 0,
          points: 1000,
          readingTime: 3,
          explanation: 'Paris since 987.',
        },
        { kind: 'true_false', prompt: 'The Sun is a planet.', correct: false, points: 1100 },
        {
          kind: 'multi_select',
          prompt: 'Which are primes?',
          options: ['2', '4', '5'],
          correct: [0, 2],
          points: 1000,
          shuffle: true,
        },
        {
          kind: 'typed',
          prompt: 'Highest mountain?',
          accepted: ['Everest', 'Mount Everest'],
          typos: true,
          points: 1000,
        },
        {
          kind: 'number',
          prompt: 'Degrees in a right angle?',
          min: 0,
          max: 180,
          step: 1,
          correct: 90,
          points: 1000,
        },
        { kind: 'ordering', prompt: 'Smallest first', items: ['One', 'Two', 'Three'], points: 1000 },
        { kind: 'poll', prompt: 'Favourite season?', options: ['Summer', 'Winter'], points: 0 },
        { kind: 'slide', prompt: 'Round two', text: 'Harder questions ahead.', points: 0 },
      ];
      const saved = () => {
        const id = session
          .getState()
          .desktop!.library.find((e) => e.status !== 'broken' && e.title === 'Every kind')!.id;
        return JSON.parse(readFileSync(join(libraryDir, `${id}.json`), 'utf8')) as { questions: unknown[] };
      };
      await expect.poll(() => saved().questions).toEqual(expected);

      // Reopened, every kind shows what was saved.
      await page.getByRole('button', { name: '← Library' }).click();
      await page.getByRole('button', { name: 'Edit Every kind' }).click();
      await visible(heading(page, 'Edit quiz'));
      await expect.poll(kindsShown).toEqual(kinds);
      expect(await q(2).getByLabel('False').isChecked()).toBe(true);
      expect(await q(3).getByLabel('Option 3 is correct').isChecked()).toBe(true);
      expect(await q(4).getByLabel('Accepted answer 2', { exact: true }).inputValue()).toBe('Mount Everest');
      expect(await q(5).getByLabel('Right value').inputValue()).toBe('90');
      expect(await q(6).getByLabel('Item 1', { exact: true }).inputValue()).toBe('One');
      expect(await q(8).getByLabel('Slide text').inputValue()).toBe('Harder questions ahead.');

      // A problem on a kind's own field is shown next to it.
      await type(q(5).getByLabel('Right value'), '500');
      await visible(q(5).getByText('Right value must be between min and max (0–180).'));
      await type(q(5).getByLabel('Right value'), '90');
      await page.keyboard.press('Tab');
      await visible(page.getByRole('status').getByText('All changes saved'), SAVE_MS);
      await page.getByRole('button', { name: '← Library' }).click();
    },
  );

  it(
    'imports a GIFT file and says what it took and what it skipped, then deletes it after asking',
    { timeout: 60_000 },
    async () => {
      await openLibrary();
      pickedFile = GIFT;
      await page.getByRole('button', { name: 'Import a file…' }).click();
      const summary = page.getByRole('status').filter({ hasText: 'Imported' });
      await visible(summary.getByText('Imported “moodle-questions”: 10 questions taken, 4 skipped'));
      await visible(
        summary.getByText(
          'Read as Moodle GIFT. As: 4 multiple choice, 2 true/false, 2 multi-select, 1 typed answer, 1 number.',
        ),
      );
      await visible(summary.getByText(/line 15:\s*an essay question/));
      await capture(page, 'library-import');

      await page.getByRole('button', { name: 'Delete moodle-questions' }).click();
      await capture(page, 'library-confirm-delete');
      await page
        .getByRole('group', { name: 'Delete moodle-questions?' })
        .getByRole('button', { name: 'Delete' })
        .click();
      await expect
        .poll(() => page.getByRole('heading', { name: 'moodle-questions', exact: true }).count())
        .toBe(0);
      expect(session.getState().desktop!.library.some((e) => e.id === 'moodle-questions')).toBe(false);
    },
  );

  it(
    'lists past games, opens one with its leaderboard and question statistics, and exports it',
    { timeout: 60_000 },
    async () => {
      await page.goto(host!.playerUrl);
      await page.getByRole('button', { name: 'Past games' }).click();
      await visible(heading(page, 'Past games'));
      await visible(page.getByRole('cell', { name: 'Geography club' }));
      await capture(page, 'reports');
      await page.getByRole('button', { name: /Open the report of Capitals of Europe/ }).click();
      await visible(heading(page, 'Capitals of Europe'));
      await visible(page.getByRole('cell', { name: 'Grace' }));
      await visible(page.getByRole('cell', { name: '2 of 3' }));
      await visible(page.getByRole('cell', { name: '4.2 s' }));
      await capture(page, 'report');
      await page.getByRole('button', { name: 'Export CSV' }).click();
      await visible(page.getByText('Saved as CSV.'));
      await page.getByRole('button', { name: 'Export XLSX' }).click();
      await visible(page.getByText('Saved as XLSX.'));
      expect(saved.map((s) => s.name.split('.').at(-1))).toEqual(['csv', 'xlsx']);
    },
  );
  it(
    'hands over an edit at once when the desktop window asks before closing (no autosave timer needed)',
    { timeout: 60_000 },
    async () => {
      const { context: frozen, page: editor } = await newPage(browser!, DESKTOP);
      try {
        await frozen.addInitScript(installSocketBridge, {
          url: bridgeUrl,
          methods: INTENT_NAMES,
          initial: session.getState(),
        });
        await editor.clock.install();
        await editor.goto(host!.playerUrl);
        await editor.getByRole('button', { name: 'Quiz library' }).click();
        await editor.getByRole('button', { name: 'Edit Rivers of the world' }).click();
        await visible(heading(editor, 'Edit quiz'));
        // From here the page's timers stand still: the editor's autosave cannot fire by itself.
        await editor.clock.pauseAt(Date.now() + 1000);
        await editor.getByLabel('Title').fill('Rivers, saved on close');
        await editor.evaluate(
          (name) => (globalThis as unknown as EventTarget).dispatchEvent(new Event(name)),
          FLUSH_EVENT,
        );
        await expect
          .poll(() => session.getState().quizzes.map((q) => q.title))
          .toContain('Rivers, saved on close');
      } finally {
        await frozen.close();
      }
    },
  );

  it(
    'opens the report of a 5,000-player game with only the rows in view in the page',
    { timeout: 60_000 },
    async () => {
      const small = sampleReport();
      const players = Array.from({ length: 5000 }, (_, i) => ({
        ...small.players[0]!,
        id: `p${i}`,
        name: `Player ${i + 1}`,
        rank: i + 1,
        score: 50_000 - i,
      }));
      await new ReportStore(libraryDir).save({
        ...small,
        roomName: 'Big hall',
        gameNo: 2,
        finishedAt: '2025-03-15T18:06:30.000Z',
        quiz: { title: 'The whole school' },
        players,
      });
      await session.refreshReports();
      await page.goto(host!.playerUrl);
      await page.getByRole('button', { name: 'Past games' }).click();
      await page.getByRole('button', { name: /Open the report of The whole school/ }).click();
      await visible(heading(page, 'The whole school'));
      const board = page.locator('.reports__scroll table');
      await visible(board.getByRole('cell', { name: 'Player 1', exact: true }));
      const rendered = () => board.locator('tbody tr[data-row]').count();
      expect(await rendered()).toBeLessThan(100);
      expect(await board.getAttribute('aria-rowcount')).toBe('5001');
      await page.locator('.reports__scroll').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
      await visible(board.getByRole('cell', { name: 'Player 5000', exact: true }));
      expect(await rendered()).toBeLessThan(100);
      await capture(page, 'report-5000');
    },
  );

  it(
    'adds pictures by choosing, pasting and dropping, by keyboard too, shows refusals inline and saves the names',
    { timeout: 90_000 },
    async () => {
      const map = await samplePicture(240, 160, 'image/png');
      const flag = await samplePicture(60, 40, 'image/png');
      const photo = await samplePicture(80, 60, 'image/jpeg');
      await openLibrary();
      await page.getByRole('button', { name: '+ New quiz' }).click();
      await visible(heading(page, 'Edit quiz'));
      await page.getByLabel('Title').fill('Flags with pictures');
      const q1 = question(1);
      const picker = (name: string) => q1.getByRole('group', { name, exact: true });

      // Keyboard: the picker's button follows the question text.
      await q1.getByLabel('Question text').focus();
      await page.keyboard.press('Tab');
      expect(
        await page.evaluate(() => (globalThis as unknown as PageGlobals).document.activeElement?.textContent),
      ).toBe('Choose a picture…');

      // Choose a file.
      await picker('Picture for question 1').locator('input[type=file]').setInputFiles({
        name: 'map.png',
        mimeType: 'image/png',
        buffer: map,
      });
      const preview = picker('Picture for question 1').getByRole('img', { name: 'Picture for question 1' });
      await visible(preview);
      expect(await preview.getAttribute('src')).toMatch(/^app:\/\/quizroom\/media\/[0-9a-f]{64}\.png$/);

      // Paste onto the focused picker, drop onto another: events carrying a file, as Chromium makes them.
      interface FileArg {
        name: string;
        type: string;
        bytes: number[];
      }
      const sendFile = (event: 'paste' | 'drop', target: 'focused' | string, f: FileArg) =>
        page.evaluate(
          ({ event, target, f }) => {
            const g = globalThis as unknown as {
              DataTransfer: new () => { items: { add(file: unknown): void } };
              File: new (parts: unknown[], name: string, options: { type: string }) => unknown;
              ClipboardEvent: new (type: string, init: unknown) => unknown;
              DragEvent: new (type: string, init: unknown) => unknown;
              document: {
                activeElement: { dispatchEvent(e: unknown): void };
                querySelector(s: string): { dispatchEvent(e: unknown): void };
              };
            };
            const dt = new g.DataTransfer();
            dt.items.add(new g.File([new Uint8Array(f.bytes)], f.name, { type: f.type }));
            const at = target === 'focused' ? g.document.activeElement : g.document.querySelector(target);
            if (event === 'paste') {
              at.dispatchEvent(new g.ClipboardEvent('paste', { clipboardData: dt, bubbles: true }));
            } else {
              for (const type of ['dragover', 'drop'])
                at.dispatchEvent(
                  new g.DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }),
                );
            }
          },
          { event, target, f },
        );
      await picker('Picture for option 1 of question 1')
        .getByRole('button', { name: 'Choose a picture…' })
        .focus();
      await sendFile('paste', 'focused', { name: '', type: 'image/png', bytes: [...flag] });
      await visible(q1.getByRole('img', { name: 'Picture for option 1 of question 1' }));
      await picker('Picture for option 2 of question 1').evaluate((el) =>
        (el as unknown as { setAttribute(n: string, v: string): void }).setAttribute('data-drop-here', ''),
      );
      await sendFile('drop', '[data-drop-here]', {
        name: 'photo.jpg',
        type: 'image/jpeg',
        bytes: [...photo],
      });
      await visible(q1.getByRole('img', { name: 'Picture for option 2 of question 1' }));

      // A file that is not what its name says is refused inline, naming it.
      await picker('Sound for question 1')
        .locator('input[type=file]')
        .setInputFiles({
          name: 'anthem.mp3',
          mimeType: 'audio/mpeg',
          buffer: Buffer.from('PK\u0003\u0004 not really a sound'),
        });
      await visible(
        picker('Sound for question 1')
          .getByRole('alert')
          .getByText(/anthem\.mp3/),
      );
      await capture(page, 'editor-media');

      const file = () => {
        const name = readdirSync(libraryDir).find(
          (n) =>
            n.endsWith('.json') &&
            JSON.parse(readFileSync(join(libraryDir, n), 'utf8')).title === 'Flags with pictures',
        );
        return name ? JSON.parse(readFileSync(join(libraryDir, name), 'utf8')) : null;
      };
      await expect.poll(() => file()?.questions[0].optionImages?.filter(Boolean).length ?? 0).toBe(2);
      const stored = file().questions[0];
      expect(stored.image).toMatch(/^[0-9a-f]{64}\.png$/);
      expect(stored.audio).toBeUndefined();
      for (const ref of [stored.image, ...stored.optionImages])
        expect(existsSync(join(libraryDir, 'media', ref))).toBe(true);

      // Removing an option takes its picture along; Remove clears the question's picture.
      await q1.getByRole('button', { name: 'Remove the Picture for question 1' }).click();
      await expect.poll(() => file()?.questions[0].image ?? null).toBeNull();

      // A quiz with media leaves the library as one package.
      await page.getByRole('button', { name: '← Library' }).click();
      await page.getByRole('button', { name: 'Export Flags with pictures' }).click();
      await visible(page.getByRole('status').getByText('Exported “Flags with pictures”.'));
      expect(saved.at(-1)!.name).toMatch(/^flags-with-pictures.*\.quizroom$/);
    },
  );

  it(
    'shows the library, an import and the editor in Spanish, and Arabic right to left',
    { timeout: 90_000 },
    async () => {
      const useLocale = async (locale: string | null) => {
        await page.goto(host!.playerUrl);
        await page.evaluate((value) => {
          const storage = (
            globalThis as unknown as {
              localStorage: { setItem(key: string, value: string): void; removeItem(key: string): void };
            }
          ).localStorage;
          if (value) storage.setItem('quizroom.locale', value);
          else storage.removeItem('quizroom.locale');
        }, locale);
        await page.reload();
      };
      try {
        await useLocale('es');
        await page.getByRole('button', { name: 'Biblioteca de quizzes' }).click();
        await visible(heading(page, 'Biblioteca de quizzes'));
        expect(await page.locator('html').getAttribute('lang')).toBe('es');
        const science = page
          .getByRole('listitem')
          .filter({ has: page.getByRole('heading', { name: 'Science' }) });
        await visible(science.getByText(/^\d+ preguntas/));
        await visible(science.getByText('Integrado · solo lectura'));
        await visible(page.getByRole('button', { name: '+ Nuevo quiz' }));

        // An import's summary: counts by plural rules, in Spanish.
        pickedFile = GIFT;
        await page.getByRole('button', { name: 'Importar un archivo…' }).click();
        const summary = page.getByRole('status').filter({ hasText: 'Importado' });
        await visible(
          summary.getByText('Importado «moodle-questions»: 10 preguntas incorporadas, 4 omitidas'),
        );
        await visible(summary.getByRole('heading', { name: 'Omitidas', exact: true }));
        await capture(page, 'library-es');

        // The editor of the imported quiz.
        await summary.getByRole('button', { name: 'Editar «moodle-questions»' }).click();
        await visible(heading(page, 'Editar quiz'));
        const q1 = page.getByRole('group', { name: 'Pregunta 1', exact: true });
        await visible(q1.getByLabel('Tipo de pregunta'));
        await visible(q1.getByLabel('Texto de la pregunta'));
        await visible(q1.getByLabel('Tiempo límite (segundos)'));
        await q1.getByLabel('Tiempo límite (segundos)').fill('3');
        await visible(q1.getByText('Escribe segundos enteros de 5 a 240, o déjalo vacío.'));
        await q1.getByLabel('Tiempo límite (segundos)').fill('');
        await visible(page.getByRole('status').getByText('Todos los cambios guardados'));
        await capture(page, 'editor-es');

        // Deleting it, after asking in Spanish.
        await page.getByRole('button', { name: '← Biblioteca' }).click();
        await page.getByRole('button', { name: 'Eliminar moodle-questions' }).click();
        const confirm = page.getByRole('group', { name: '¿Eliminar moodle-questions?' });
        await visible(confirm.getByText('¿Eliminar «moodle-questions»? No se puede deshacer.'));
        await confirm.getByRole('button', { name: 'Eliminar' }).click();
        await expect
          .poll(() => page.getByRole('heading', { name: 'moodle-questions', exact: true }).count())
          .toBe(0);

        // Arabic: the library's words, right to left.
        await useLocale('ar');
        await page.getByRole('button', { name: 'مكتبة المسابقات' }).click();
        await visible(heading(page, 'مكتبة المسابقات'));
        expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
        await visible(page.getByRole('button', { name: '+ مسابقة جديدة' }));
        await capture(page, 'library-ar');
      } finally {
        await useLocale(null);
      }
    },
  );
});
