/**
 * The room this computer was hosting when its app or computer stopped without closing it: its
 * journal is still open in the journal folder. Both apps offer it for resuming (the desktop's
 * Home card, the headless host's --resume) and open it through openHostedRoom.
 */
import type { InterruptedRoom } from '../../shared/api/quiz-api';
import { findInterruptedJournal, readJournal } from '../server/game-journal';

/** The interrupted room's journal file, or null when there is none (or no journal folder). */
export function interruptedJournal(journalDir: string | null): string | null {
  return journalDir ? findInterruptedJournal(journalDir) : null;
}

/** The interrupted room as Home describes it; null when there is none or its journal cannot be read. */
export function describeInterruptedRoom(journalDir: string | null): InterruptedRoom | null {
  const path = interruptedJournal(journalDir);
  if (!path) return null;
  try {
    const { config, inputs } = readJournal(path);
    return {
      roomName: config.roomName,
      quizTitle: config.quiz.title,
      players: inputs.filter((i) => i.input.kind === 'join').length,
    };
  } catch {
    // Not a journal this app can read: nothing to offer.
    return null;
  }
}
