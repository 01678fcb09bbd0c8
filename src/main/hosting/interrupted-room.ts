/**
 * The room this computer was hosting when its app or computer stopped without closing it: its
 * journal is still open in the journal folder. Both apps offer it for resuming (the desktop's
 * Home card, the headless host's --resume) and open it through openHostedRoom.
 */
import type { InterruptedRoom } from '../../shared/api/quiz-api';
import { describeDamage, findInterruptedJournal, scanJournal } from '../server/game-journal';

/** The interrupted room's journal file, or null when there is none (or no journal folder). */
export function interruptedJournal(journalDir: string | null): string | null {
  return journalDir ? findInterruptedJournal(journalDir) : null;
}

/** An interrupted room as offered for resuming. */
export interface OfferedRoom {
  room: InterruptedRoom;
  /**
   * Where the journal is damaged in the middle (its byte offset), or null. Resuming the room
   * offered means resuming up to this damage, and only this one: the damage the person was shown.
   */
  damageAt: number | null;
}

/** The interrupted room as Home describes it; null when there is none or its journal cannot be read. */
export function describeInterruptedRoom(journalDir: string | null): OfferedRoom | null {
  const path = interruptedJournal(journalDir);
  if (!path) return null;
  try {
    const { config, players, damage } = scanJournal(path);
    const room: InterruptedRoom = { roomName: config.roomName, quizTitle: config.quiz.title, players };
    if (!damage) return { room, damageAt: null };
    return { room: { ...room, damage: describeDamage(path, damage) }, damageAt: damage.offset };
  } catch {
    // Not a journal this app can read: nothing to offer.
    return null;
  }
}
