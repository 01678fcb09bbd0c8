/**
 * What the host serves to browsers carries no secret and keeps to itself: the headers on every
 * file, the page working in Chromium under its own CSP (which lets the page talk to the host that
 * served it and to nothing else), the host token leaving the dashboard's address at once, and the
 * dashboard picking the next quiz by id, with no quiz in anything a browser downloads.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BUILD_AND_LAUNCH_MS,
  cspViolations,
  DESKTOP,
  launchBrowser,
  newStrictPage,
  PHONE,
  UI_TIMEOUT_MS,
} from './support/browser';
import { E2E_QUIZ, startHost, type E2EHost } from './support/e2e-host';
import { answer, heading, joinAs, visible } from './support/players';
import { describeLeaks, needlesOf, scanText, type Leak } from '../support/quiz-leak-scan';
import { repoQuestions } from '../support/repo-quiz-text';
import { waitFor } from '../support/wait';
import { choice } from '../support/choice-question';

/** A server that counts every TCP connection made to it: a socket CSP must stop never arrives. */
async function decoy(
  host: string,
): Promise<{ url: string; connections: () => number; close: () => Promise<void> }> {
  let connections = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((_req, res) => res.end());
  server.on('connection', (socket) => {
    connections++;
    sockets.add(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://${host}:${port}/ws`,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The directives of a CSP header, by name. */
function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

/** Opens a WebSocket from inside the page; says how it went ("open", "error", or what was thrown). */
function openSocket(page: Page, url: string): Promise<string> {
  return page.evaluate(
    (target) =>
      new Promise<string>((resolve) => {
        try {
          const Ws = (globalThis as unknown as { WebSocket: new (u: string) => Record<string, unknown> })
            .WebSocket;
          const ws = new Ws(target);
          ws.onopen = () => {
            (ws.close as () => void)();
            resolve('open');
          };
          ws.onerror = () => resolve('error');
        } catch (e) {
          resolve(`threw ${(e as Error).name}`);
        }
      }),
    url,
  );
}

describe('the page the host serves', () => {
  let browser: Browser | undefined;
  let host: E2EHost | undefined;
  const contexts: BrowserContext[] = [];
  const cleanups: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    host = await startHost();
    browser = await launchBrowser();
  }, BUILD_AND_LAUNCH_MS);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await host?.close();
  });

  async function open(options = DESKTOP): Promise<Page> {
    const { context, page } = await newStrictPage(browser!, options);
    contexts.push(context);
    return page;
  }

  it('sends every file with a CSP that keeps the page to its own host, and headers that keep it to itself', async () => {
    const h = host!;
    const index = await fetch(h.playerUrl);
    const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(await index.text())![1]!;
    for (const path of ['', script, 'no-such-file.js']) {
      const res = await fetch(`${h.playerUrl}${path}`);
      await res.arrayBuffer();
      const csp = directives(res.headers.get('content-security-policy') ?? '');
      expect(csp.get('default-src'), path).toEqual(["'none'"]);
      expect(csp.get('script-src'), path).toEqual(["'self'"]);
      expect(csp.get('style-src'), path).toEqual(["'self'"]);
      expect(csp.get('connect-src'), path).toEqual(["'self'"]);
      expect(csp.get('object-src'), path).toEqual(["'none'"]);
      expect(csp.get('base-uri'), path).toEqual(["'none'"]);
      expect(csp.get('frame-ancestors'), path).toEqual(["'none'"]);
      expect(csp.get('form-action'), path).toEqual(["'none'"]);
      expect(
        [...csp.values()].flat().filter((v) => /unsafe|\*|^(ws|wss|http|https|data):?$/.test(v)),
        path,
      ).toEqual([]);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      expect(res.headers.get('cross-origin-resource-policy'), path).toBe('same-origin');
    }
  });

  it(
    'works under that CSP in Chromium: a phone joins and answers over the same-host socket, and the dashboard picks the next quiz by id',
    { timeout: 120_000 },
    async () => {
      const h = host!;
      const needles = needlesOf(await repoQuestions());
      const dashboard = await open(DESKTOP);
      const phone = await open(PHONE);
      const leaks: Leak[] = [];
      const scanned: Promise<void>[] = [];
      for (const page of [dashboard, phone]) {
        page.on('response', (res) => {
          scanned.push(
            res
              .body()
              .then((body) => void leaks.push(...scanText(res.url(), body.toString('utf8'), needles)))
              .catch(() => undefined),
          );
        });
      }

      await dashboard.goto(h.hostUrl);
      await joinAs(phone, h.playerUrl, 'Zoë');
      await dashboard.getByRole('button', { name: 'Start game' }).click();
      const q = choice(E2E_QUIZ.questions[0]);
      await visible(heading(phone, q.prompt));
      await answer(phone, q.options[q.correct]!);
      await visible(heading(phone, /^The answer is/));

      // End the game, then play the next one with a built-in quiz named by id.
      await dashboard.getByRole('button', { name: 'End game' }).click();
      await dashboard.getByRole('button', { name: 'Press again to end the game' }).click();
      await visible(heading(dashboard, /wins!$/));
      const picker = dashboard.getByLabel('Next quiz');
      await visible(picker);
      expect(await picker.locator('option').allTextContents()).toContain('Science (10 questions)');
      await picker.selectOption('builtin:science');
      await dashboard.getByRole('button', { name: 'Play again' }).click();
      await waitFor(() => h.server.game.quiz.title === 'Science', 'the host to start the Science quiz');
      await visible(heading(phone, /in, Zoë!/));

      expect(await cspViolations(dashboard)).toEqual([]);
      expect(await cspViolations(phone)).toEqual([]);
      await Promise.all(scanned);
      expect(describeLeaks(leaks)).toBe('');
      expect(scanned.length).toBeGreaterThanOrEqual(3);
    },
  );

  it(
    'lets the page open a socket to its own host and port only, even on the same machine',
    { timeout: 60_000 },
    async () => {
      const h = host!;
      const otherHost = await decoy('127.0.0.2');
      const otherPort = await decoy('127.0.0.1');
      cleanups.push(otherHost.close, otherPort.close);
      const page = await open(PHONE);
      await page.goto(h.playerUrl);
      await visible(page.getByLabel('Nickname'));

      expect(await openSocket(page, `ws://127.0.0.1:${h.server.port}/ws`)).toBe('open');
      for (const target of [otherHost, otherPort])
        expect(await openSocket(page, target.url), target.url).not.toBe('open');
      // The violation report is a task of its own: it may come just after the socket failed.
      const refused = () => cspViolations(page).then((all) => all.filter((v) => v.startsWith('connect-src')));
      await expect.poll(refused, { timeout: UI_TIMEOUT_MS }).toHaveLength(2);
      for (const target of [otherHost, otherPort]) {
        const where = new URL(target.url).host;
        expect(
          (await refused()).some((v) => v.includes(where)),
          target.url,
        ).toBe(true);
        expect(target.connections(), target.url).toBe(0);
      }
    },
  );

  it(
    'takes the host token out of the address at once, keeps it for the tab through a reload, and never sends it as a Referer',
    { timeout: 60_000 },
    async () => {
      const h = host!;
      const token = h.server.hostToken;
      const { context, page } = await newStrictPage(browser!, DESKTOP);
      contexts.push(context);
      const referers: string[] = [];
      page.on('request', (req) => {
        void req.allHeaders().then((headers) => {
          // Chromium reports a Referer it did not send as an empty one.
          if (headers.referer) referers.push(`${req.url()} <- ${headers.referer}`);
        });
      });

      await page.goto(`${h.playerUrl}?lang=en&host=${encodeURIComponent(token)}#top`);
      await visible(page.getByRole('button', { name: 'Start game' }));
      expect(page.url()).toBe(`${h.playerUrl}?lang=en#top`);
      const cdp = await context.newCDPSession(page);
      const history = (await cdp.send('Page.getNavigationHistory')) as { entries: { url: string }[] };
      expect(history.entries.map((e) => e.url).filter((u) => u.includes(token))).toEqual([]);

      // A reload is still the dashboard: the token is kept for this tab (not for the browser).
      await page.reload();
      await visible(page.getByRole('button', { name: 'Start game' }));
      expect(page.url()).not.toContain(token);
      const another = await context.newPage();
      await another.goto(h.playerUrl);
      await visible(another.getByLabel('Nickname'));
      expect(await another.getByRole('button', { name: 'Start game' }).count()).toBe(0);

      expect(referers).toEqual([]);
      expect(await cspViolations(page)).toEqual([]);
    },
  );
});
