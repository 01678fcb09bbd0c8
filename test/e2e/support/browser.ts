/** Debian's Chromium driven by playwright-core, with the flags this network needs. */
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';

export const CHROMIUM = process.env.QUIZROOM_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** For a suite's beforeAll: it may build the web player first (see test/support/built-app.ts). */
export const BUILD_AND_LAUNCH_MS = 6 * 60_000;

/** Generous: a loaded CI machine can be slow, and nothing here measures speed. */
export const UI_TIMEOUT_MS = 15_000;

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };
export const PROJECTOR: BrowserContextOptions = { viewport: { width: 1920, height: 1080 } };
export const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};

/**
 * The screens' texts are asserted in English: every profile says it reads English (the interface
 * follows the browser's language) unless a test asks for another `locale`.
 */
const ENGLISH: BrowserContextOptions = { locale: 'en-US' };

/** A fresh browser profile (its own storage: one person), ready for axe. */
export async function newPage(
  browser: Browser,
  options: BrowserContextOptions = DESKTOP,
): Promise<{ context: BrowserContext; page: Page }> {
  // bypassCSP: the host's CSP forbids inline scripts, and axe is injected as one.
  const context = await browser.newContext({
    ...ENGLISH,
    ...options,
    bypassCSP: true,
    acceptDownloads: true,
  });
  context.setDefaultTimeout(UI_TIMEOUT_MS);
  const page = await context.newPage();
  return { context, page };
}

/** The name under which a strict page records the CSP violations it sees (see newStrictPage). */
export const CSP_VIOLATIONS = '__cspViolations';

/**
 * A fresh browser profile that keeps the host's Content-Security-Policy (newPage bypasses it for
 * axe), recording every violation ("directive blocked-url @source:line:column") in the page's
 * CSP_VIOLATIONS array.
 */
export async function newStrictPage(
  browser: Browser,
  options: BrowserContextOptions = DESKTOP,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...ENGLISH, ...options });
  context.setDefaultTimeout(UI_TIMEOUT_MS);
  // Added through the DevTools protocol, so the page's own CSP does not apply to it.
  await context.addInitScript({
    content: `globalThis.${CSP_VIOLATIONS} = [];
document.addEventListener('securitypolicyviolation', (e) => {
  globalThis.${CSP_VIOLATIONS}.push(e.violatedDirective + ' ' + e.blockedURI + ' @' + e.sourceFile + ':' + e.lineNumber + ':' + e.columnNumber);
});`,
  });
  const page = await context.newPage();
  return { context, page };
}

/** The CSP violations a strict page has recorded so far. */
export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(
    (name) => (globalThis as unknown as Record<string, string[]>)[name] ?? [],
    CSP_VIOLATIONS,
  );
}
