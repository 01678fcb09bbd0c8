/**
 * Saving every finished game: `saveReportOnGameOver(server, store)` saves the report that comes
 * with each `game_over` event (the server builds it from the engine's record of the game). One
 * call wires it into a hosted room; it returns the function that stops it, which resolves once
 * the saves under way have finished (a room closed right after its last game keeps its report).
 */
import type { EventEmitter } from 'node:events';
import type { ServerEvent } from '../server/server-events';
import type { GameReport } from './game-report';
import type { ReportStore, SavedReport } from './report-store';

export interface ReportRecorderOptions {
  onSaved?: (saved: SavedReport, report: GameReport) => void;
  onError?: (error: unknown) => void;
}

export function saveReportOnGameOver(
  server: { readonly events: EventEmitter<{ event: [ServerEvent] }> },
  store: Pick<ReportStore, 'save'>,
  options: ReportRecorderOptions = {},
): () => Promise<void> {
  const saving = new Set<Promise<void>>();
  const onEvent = (event: ServerEvent) => {
    if (event.kind !== 'game_over') return;
    const { report } = event;
    const save = store.save(report).then(
      (saved) => options.onSaved?.(saved, report),
      (e: unknown) => options.onError?.(e),
    );
    saving.add(save);
    void save.finally(() => saving.delete(save));
  };
  server.events.on('event', onEvent);
  return async () => {
    server.events.off('event', onEvent);
    await Promise.allSettled([...saving]);
  };
}
