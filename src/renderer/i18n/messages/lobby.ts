/** Texts of the lobby, on the host screen and on phones. */
import type { Messages } from '../message-types';

const en = {
  othersJoined:
    '{others, plural, =0 {You are the first one here.} one {# other player has joined.} other {# other players have joined.}}',
} as const;

export const lobby: Messages<typeof en> = {
  en,
  es: {
    othersJoined:
      '{others, plural, =0 {Eres el primero en llegar.} one {Se ha unido # jugador más.} other {Se han unido # jugadores más.}}',
  },
  de: {
    othersJoined:
      '{others, plural, =0 {Du bist als Erste oder Erster hier.} one {# weitere Person spielt mit.} other {# weitere Personen spielen mit.}}',
  },
  ar: {
    othersJoined:
      '{others, plural, =0 {أنت أول من وصل.} one {انضم لاعب آخر.} two {انضم لاعبان آخران.} few {انضم # لاعبين آخرين.} many {انضم # لاعبًا آخر.} other {انضم # لاعب آخر.}}',
  },
};
