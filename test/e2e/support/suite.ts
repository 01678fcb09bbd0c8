/**
 * One browser and one headless host for a describe block: started in beforeAll, and everything
 * (pages, browser, host) closed in afterAll, also when a test failed halfway.
 */
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { QuizServerOptions } from '../../../src/main/server/quiz-server';
import { BUILD_AND_LAUNCH_MS, DESKTOP, launchBrowser, newPage } from './browser';
import { startHost, type E2EHost } from './e2e-host';

export interface E2ESuite {
  /** The suite's host (after beforeAll). */
  host(): E2EHost;
  browser(): Browser;
  /** A page in a fresh profile (one person), closed with the suite. */
  open(options?: BrowserContextOptions): Promise<Page>;
}

export function useBrowserAndHost(hostOptions: Partial<QuizServerOptions> = {}): E2ESuite {
  let browser: Browser | undefined;
  let host: E2EHost | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    host = await startHost(hostOptions);
    browser = await launchBrowser();
  }, BUILD_AND_LAUNCH_MS);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await host?.close();
  });

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`The suite's ${what} did not start (see beforeAll).`);
    return value;
  };
  return {
    host: () => started(host, 'host'),
    browser: () => started(browser, 'browser'),
    async open(options = DESKTOP) {
      const { context, page } = await newPage(started(browser, 'browser'), options);
      contexts.push(context);
      return page;
    },
  };
}
