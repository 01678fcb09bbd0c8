/**
 * Types for code that runs inside the page (page.evaluate, init scripts). The test project is
 * compiled without the DOM library, so such code reaches the page's globals through `page()`
 * casts to these small shapes rather than through `window` and `document`.
 */
export interface PageElement {
  textContent: string | null;
  getAttribute(name: string): string | null;
}

export interface PageGlobals {
  document: {
    activeElement: PageElement | null;
    fullscreenElement?: PageElement | null;
    documentElement: { scrollWidth: number; offsetHeight: number };
    getAnimations(): {
      effect: { getTiming(): { iterations?: number } } | null;
      finished: Promise<unknown>;
    }[];
  };
  axe?: { run(context: unknown, options: unknown): Promise<{ violations: unknown[] }> };
  [key: string]: unknown;
}
