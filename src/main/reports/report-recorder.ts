/**
 * Saving every finished game: `saveReportOnGameOver(server, store)` watches a running room's
 * events, notes when each game starts and which questions the host skips, and on game over
 * builds the report at once (before a new game can reset the state) and saves it. One call wires
 * it into the headless host or the desktop app; it returns the function that stops it.
 */
import type { EventEmitter } from 'node:events';
import type { Phase } from '../../shared/protocol';
import type { ServerEvent } from '../server/quiz-server';
import { buildGameReport } from './build-game-report';
import type { GameReport } from './game-report';
import type { ReportStore, SavedReport } from './report-store';

/** What the recorder needs from a server (a QuizServer, or a ServerThread on the host side). */
export interface ReportSource {
  readonly events: EventEmitter<{ event: [ServerEvent] }>;
  readonly room: { name: string };
  readonly phase: Phase;
}

export interface ReportRecorderOptions {
  /** Room name in the report; the server's by default. */
  roomName?: string;
  now?: () => number;
  onSaved?: (saved: SavedReport, report: GameReport) => void;
  onError?: (error: unknown) => void;
}

export function saveReportOnGameOver(
  server: ReportSource,
  store: Pick<ReportStore, 'save'>,
  options: ReportRecorderOptions = {},
): () => void {
  const now = options.now ?? Date.now;
  // A room resumed mid-game: its start is unknown, so it counts from now.
  let startedAt = now();
  let running = server.phase !== 'lobby' && server.phase !== 'finished';
  let skipped: number[] = [];

  const onEvent = (event: ServerEvent) => {
    if (event.kind === 'phase') {
      // game_over may arrive after the "finished" phase (effects wait for the journal).
      if (event.phase === 'lobby' || event.phase === 'finished') {
        running = false;
      } else if (!running) {
        running = true;
        startedAt = now();
        skipped = [];
      }
      if (event.voided) skipped.push(event.question);
      return;
    }
    if (event.kind !== 'game_over') return;
    let report: GameReport;
    try {
      report = buildGameReport(event.state, {
        roomName: options.roomName ?? server.room.name,
        startedAt,
        finishedAt: now(),
        skipped,
      });
    } catch (e) {
      options.onError?.(e);
      return;
    }
    store.save(report).then(
      (saved) => options.onSaved?.(saved, report),
      (e: unknown) => options.onError?.(e),
    );
  };
  server.events.on('event', onEvent);
  return () => server.events.off('event', onEvent);
}
