/**
 * DesktopSessions for tests: plain Node, a temporary library folder, fake discovery, files
 * "saved" into a list and a quiz-file picker the test controls. `stopDesktopSessions` (in
 * afterEach) shuts every one down and removes its folder. Rooms they host run the built server
 * thread (out/main/server-worker.js): suites that host call `ensureBuilt` in beforeAll.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DesktopSession, type DesktopPorts } from '../../src/main/desktop/desktop-session';
import { createFakeDiscovery } from '../../src/main/discovery';
import type { AppState } from '../../src/shared/api/quiz-api';
import { SERVER_WORKER } from './built-app';
import { waitFor } from './wait';

const sessions: DesktopSession[] = [];
const folders: string[] = [];

export function newDesktopSession(extra: Partial<DesktopPorts> = {}) {
  const discovery = createFakeDiscovery();
  const libraryDir = mkdtempSync(join(tmpdir(), 'quizroom-desktop-library-'));
  folders.push(libraryDir);
  const saved: { name: string; content: string | Uint8Array }[] = [];
  let nextFile: string | null = null;
  const session = new DesktopSession({
    staticDir: null,
    announce: false,
    port: 0,
    bind: '127.0.0.1',
    libraryDir,
    createDiscovery: () => discovery,
    saveFile: async (name, content) => {
      saved.push({ name, content });
      return true;
    },
    pickQuizFile: async () => nextFile,
    serverWorker: SERVER_WORKER,
    ...extra,
  });
  sessions.push(session);
  return { session, discovery, saved, libraryDir, pick: (file: string | null) => (nextFile = file) };
}

export async function stopDesktopSessions(): Promise<void> {
  await Promise.all(sessions.splice(0).map((s) => s.shutdown()));
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
}

/** Waits (up to 15 s) until `check` holds for the session's state; returns that state. */
export const untilState = (s: DesktopSession, check: (st: AppState) => unknown, what: string) =>
  waitFor(() => (check(s.getState()) ? s.getState() : undefined), what, 15_000);
