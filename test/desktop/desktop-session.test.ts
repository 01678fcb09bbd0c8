import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import WebSocket from 'ws';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { QuizServer } from '../../src/main/server/quiz-server';
import { QuizClient } from '../../src/shared/client/quiz-client';
import { TEST_QUIZ } from '../support/test-host';
import type { DiscoveredRoom } from '../../src/main/discovery';
import { ensureBuilt } from '../support/built-app';
import { newDesktopSession, stopDesktopSessions, untilState } from '../support/desktop-sessions';
import { waitFor } from '../support/wait';

beforeAll(async () => {
  await ensureBuilt();
}, 6 * 60_000);
afterEach(stopDesktopSessions);

describe('the desktop session (what the window can do, without Electron)', () => {
  it('hosts a room that a second app joins by address, plays it through and exports the results', async () => {
    const host = newDesktopSession();
    expect(host.session.getState().quizzes[0]?.id).toMatch(/^builtin:/);
    const result = await host.session.hostRoom({
      quizId: 'builtin:science',
      roomName: 'Lab',
      minPlayers: 0,
      questionSeconds: 5,
      pin: true,
      playToo: true,
      nickname: 'Teacher',
    });
    expect(result).toEqual({ ok: true });
    const hosting = await untilState(
      host.session,
      (s) => s.game?.ready && s.player?.you,
      'the host and its own player',
    );
    expect(hosting.desktop!.hosting).toMatchObject({ roomName: 'Lab', playing: true });
    const pin = hosting.game?.access?.pin;
    expect(pin).toMatch(/^\d{6}$/);

    const guest = newDesktopSession();
    expect(await guest.session.connect('127.0.0.1', 9)).toMatchObject({ ok: false, code: 'unreachable' });
    expect(await guest.session.connect('127.0.0.1', hosting.desktop!.hosting!.port)).toEqual({ ok: true });
    await untilState(guest.session, (s) => s.game?.ready, 'the guest to connect');
    guest.session.join('Student');
    await untilState(guest.session, (s) => s.game?.error?.code === 'pin_required', 'the PIN to be asked for');
    guest.session.join('Student', pin ?? undefined);
    await untilState(guest.session, (s) => s.game?.you?.name === 'Student', 'the guest to join');
    await untilState(host.session, (s) => s.game?.players.length === 2, 'the host to see two players');

    host.session.start();
    await untilState(
      guest.session,
      (s) => s.game?.phase === 'countdown' || s.game?.phase === 'question',
      'the game to start',
    );
    host.session.end();
    await untilState(
      host.session,
      (s) => s.game?.phase === 'finished' && s.game.standings.length === 2,
      'the final standings',
    );
    expect(await host.session.exportCsv()).toEqual({ ok: true });
    const csv = (host.saved[0]!.content as string).split('\r\n');
    expect(csv[0]).toBe('Rank,Name,Score,Correct answers,Connected at the end');
    expect(
      csv
        .slice(1, 3)
        .map((l) => l.split(',')[1])
        .sort(),
    ).toEqual(['Student', 'Teacher']);

    await host.session.stopHosting();
    expect(host.session.getState().desktop!.hosting).toBeNull();
    await untilState(
      guest.session,
      // Closing a room on purpose is final for its players (close code 4008), not a lost link.
      (s) => s.game?.connection === 'closed' && s.game.closedReason === 'The host closed the room.',
      'the guest to notice the room closed',
    );
  });

  it('lists the rooms discovery finds and refreshes on demand', async () => {
    const app = newDesktopSession();
    app.session.startBrowsing();
    const room: DiscoveredRoom = {
      id: 'Lab (pc) ab12._quizroom._tcp.local',
      name: 'Lab',
      host: 'pc',
      addresses: ['198.18.0.1'],
      port: 7420,
      protocol: 1,
      players: 3,
      status: 'NOT_STARTED',
      pinRequired: false,
      lastSeen: 1,
      joinable: true,
    };
    app.discovery.setRooms([room]);
    expect(app.session.getState().desktop!.rooms).toEqual([
      {
        id: room.id,
        name: 'Lab',
        host: 'pc',
        addresses: ['198.18.0.1'],
        port: 7420,
        players: 3,
        status: 'NOT_STARTED',
        pinRequired: false,
        joinable: true,
        lastSeen: 1,
      },
    ]);
    app.session.refreshRooms();
    expect(app.discovery.refreshes).toBe(1);
  });

  it('offers and resumes a room that was interrupted, with its players and scores', async () => {
    const journalDir = mkdtempSync(join(tmpdir(), 'quizroom-desktop-journal-'));
    try {
      // A room that was running when the app died: its journal was never closed.
      const crashed = new QuizServer({
        quiz: TEST_QUIZ,
        roomName: 'Lab',
        port: 0,
        bind: '127.0.0.1',
        staticDir: null,
        journalDir,
      });
      const port = await crashed.listen();
      const ada = new QuizClient({
        url: `ws://127.0.0.1:${port}/ws`,
        WebSocket: WebSocket as never,
        backoffMs: [100, 200, 400],
      });
      ada.connect();
      await waitFor(() => ada.view.ready || undefined, 'Ada to connect');
      ada.join('Ada');
      await waitFor(() => ada.view.you || undefined, 'Ada to join');
      await crashed.close({ resumable: true });

      const app = newDesktopSession({ journalDir });
      expect(app.session.getState().desktop!.interrupted).toEqual({
        roomName: 'Lab',
        quizTitle: 'Test quiz',
        players: 1,
      });
      expect(await app.session.resumeHosting()).toEqual({ ok: true });
      const back = await untilState(
        app.session,
        (s) => s.game?.players.some((p) => p.name === 'Ada' && p.connected),
        'Ada to come back',
      );
      expect(back.desktop!.hosting).toMatchObject({ roomName: 'Lab', port });
      expect(back.desktop!.interrupted).toBeNull();
      ada.close();
      await app.session.stopHosting();
      expect(app.session.getState().desktop!.interrupted).toBeNull();
    } finally {
      rmSync(journalDir, { recursive: true, force: true });
    }
  });

  it('describes a damaged journal on the Resume card, and resumes up to the damage it described', async () => {
    const journalDir = mkdtempSync(join(tmpdir(), 'quizroom-desktop-journal-'));
    try {
      const crashed = new QuizServer({
        quiz: TEST_QUIZ,
        roomName: 'Lab',
        port: 0,
        bind: '127.0.0.1',
        staticDir: null,
        journalDir,
      });
      const port = await crashed.listen();
      for (const name of ['Ada', 'Bob']) {
        const c = new QuizClient({ url: `ws://127.0.0.1:${port}/ws`, WebSocket: WebSocket as never });
        c.connect();
        await waitFor(() => c.view.ready || undefined, `${name} to connect`);
        c.join(name);
        await waitFor(() => c.view.you || undefined, `${name} to join`);
        c.close();
      }
      const path = crashed.journalPath!;
      await crashed.close({ resumable: true });
      // Ada's join turns bad on disk; Bob's join comes after it.
      const lines = readFileSync(path, 'utf8').split('\n');
      const ada = lines.findIndex((l) => l.includes('"name":"Ada"'));
      lines[ada] = lines[ada]!.replace('Ada', 'Ida');
      writeFileSync(path, lines.join('\n'));

      const app = newDesktopSession({ journalDir });
      const offered = app.session.getState().desktop!.interrupted!;
      expect(offered).toMatchObject({ roomName: 'Lab', quizTitle: 'Test quiz' });
      expect(offered.damage).toMatch(
        new RegExp(
          `damaged at line ${ada + 1} .*\\(0 answers, 2 players joining.*\\) that a resume would drop`,
        ),
      );
      expect(await app.session.resumeHosting()).toEqual({ ok: true });
      const back = await untilState(
        app.session,
        (s) => s.desktop?.hosting && s.game?.ready,
        'the room to be back',
      );
      expect(back.game?.players).toEqual([]);
      expect(back.desktop?.interrupted).toBeNull();
    } finally {
      rmSync(journalDir, { recursive: true, force: true });
    }
  });

  it('offers the room for resuming at once when its server thread dies', async () => {
    const journalDir = mkdtempSync(join(tmpdir(), 'quizroom-desktop-journal-'));
    try {
      const app = newDesktopSession({ journalDir });
      const result = await app.session.hostRoom({
        quizId: 'builtin:science',
        roomName: 'Lab',
        minPlayers: 0,
        questionSeconds: 10,
        pin: false,
        playToo: true,
        nickname: 'Teacher',
      });
      expect(result).toEqual({ ok: true });
      await untilState(app.session, (s) => s.player?.you, 'the host to play too');
      // Stands for an error that ends the thread (the app itself keeps running).
      const hosting = (
        app.session as unknown as { hosting: { current: { room: { server: { worker: Worker } } } } }
      ).hosting;
      await hosting.current.room.server.worker.terminate();
      const after = await untilState(
        app.session,
        (s) => s.desktop!.hosting === null && s.desktop!.interrupted,
        'the room to be given up and offered',
      );
      expect(after.desktop!.interrupted).toEqual({ roomName: 'Lab', quizTitle: 'Science', players: 1 });
      expect(await app.session.resumeHosting()).toEqual({ ok: true });
      await untilState(
        app.session,
        (s) => s.desktop!.hosting?.roomName === 'Lab' && s.game?.players.some((p) => p.name === 'Teacher'),
        'the room to be back with its player',
      );
    } finally {
      await stopDesktopSessions();
      rmSync(journalDir, { recursive: true, force: true });
    }
  });

  it('refuses to host an unknown quiz and to import when the person cancels', async () => {
    const app = newDesktopSession();
    expect(
      await app.session.hostRoom({
        quizId: 'builtin:nope',
        roomName: 'X',
        minPlayers: 2,
        questionSeconds: 10,
        pin: false,
        playToo: false,
      }),
    ).toMatchObject({ ok: false, code: 'invalid_quiz' });
    expect(await app.session.importQuiz()).toMatchObject({ ok: false, code: 'cancelled' });
    expect(app.session.getState().desktop!.hosting).toBeNull();
  });
});
