/**
 * The desktop host's next game: a built-in quiz goes to its server by id (the server resolves it,
 * as it does for a browser dashboard); a quiz from the library on this computer goes in full.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { afterEach } from 'vitest';
import { ensureBuilt } from '../support/built-app';
import { newDesktopSession, stopDesktopSessions, untilState } from '../support/desktop-sessions';

beforeAll(async () => {
  await ensureBuilt();
}, 6 * 60_000);
afterEach(stopDesktopSessions);

describe('a new game from the desktop host', () => {
  it('plays a built-in quiz named by id, then a library quiz', async () => {
    const { session } = newDesktopSession();
    const created = await session.createQuiz();
    expect(created).toMatchObject({ ok: true });
    const libraryId = (created as { id: string }).id;
    expect(
      await session.hostRoom({
        quizId: 'builtin:science',
        roomName: 'Lab',
        minPlayers: 0,
        questionSeconds: 5,
        pin: false,
        playToo: false,
      }),
    ).toEqual({ ok: true });
    const hosting = await untilState(session, (s) => s.game?.ready, 'the room to open');
    expect(hosting.game?.quiz?.title).toBe('Science');
    // The host's snapshot offers its built-in quizzes; the window offers the whole library.
    expect(hosting.game?.quizzes.map((q) => q.id)).toContain('builtin:history');
    expect(hosting.quizzes.map((q) => q.id)).toContain(libraryId);

    session.newGame('builtin:history');
    await untilState(session, (s) => s.game?.quiz?.title === 'History', 'the History quiz');

    session.newGame(libraryId);
    const next = await untilState(session, (s) => s.game?.quiz?.title === 'New quiz', 'the library quiz');
    expect(next.game?.quiz?.questionCount).toBe(1);
    expect(next.game?.error).toBeNull();
  });
});
