/**
 * The TXT record of a room: how an announcement is written, and how one read from the network is
 * checked. Anything on the LAN can answer mDNS queries, so a decoded TXT is untrusted input.
 */
import { z } from 'zod';
import { GAME_STATUSES, type RoomAnnouncement } from './room-info';
import { clampUtf8, printable } from './service-names';

/** Room and host names are clamped so that `key=value` stays within a TXT string's 255 bytes. */
const MAX_TEXT_BYTES = 120;

export type RoomTxt = Omit<RoomAnnouncement, 'port'>;

/** The keys are short because every answer carries them: v is the protocol version. */
export type TxtRecord = Record<'v' | 'room' | 'host' | 'players' | 'state' | 'pin', string>;

export function encodeTxt(a: RoomAnnouncement): TxtRecord {
  return {
    v: String(a.protocol),
    room: clampUtf8(printable(a.roomName), MAX_TEXT_BYTES) || 'Quizroom', // browsers reject an empty name
    host: clampUtf8(printable(a.hostName), MAX_TEXT_BYTES),
    players: String(a.players),
    state: a.status,
    pin: a.pinRequired ? '1' : '0',
  };
}

const count = z
  .string()
  .regex(/^\d{1,6}$/, 'expected a whole number')
  .transform(Number);

const txtSchema = z.object({
  v: count,
  room: z.string().min(1).max(255),
  host: z.string().max(255),
  players: count,
  state: z.enum(GAME_STATUSES),
  pin: z.enum(['0', '1']),
});

/** The room fields of a TXT record, or a message saying which field was wrong. */
export function decodeTxt(txt: unknown): { ok: true; value: RoomTxt } | { ok: false; error: string } {
  const parsed = txtSchema.safeParse(txt);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      error: `TXT field "${issue?.path.join('.') ?? '?'}": ${issue?.message ?? 'invalid'}`,
    };
  }
  const t = parsed.data;
  return {
    ok: true,
    value: {
      roomName: t.room,
      hostName: t.host,
      protocol: t.v,
      players: t.players,
      status: t.state,
      pinRequired: t.pin === '1',
    },
  };
}
