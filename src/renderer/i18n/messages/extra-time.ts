/**
 * Texts of extra time (the host's grant in the lobby, "finishing…" on the projector, the waiting
 * state on phones) and of the host's ticks for who has answered.
 */
import type { Messages } from '../message-types';

const en = {
  toggleNone: 'Extra time for {name}: none. Press to give 1.5 times the time.',
  toggleSome: 'Extra time for {name}: {factor} times the time. Press to change.',
  badge: '{factor}×',
  badgeTitle: 'Extra time: {factor} times each question’s time (only the host sees this)',
  finishing: 'Finishing…',
  finishingWaiting:
    '{count, plural, one {Waiting for # player with extra time} other {Waiting for # players with extra time}}',
  phoneWaiting: 'Waiting for players with extra time…',
  phoneTimeUp: 'Time is up! Waiting for players with extra time…',
  whoAnswered: 'Who answered',
  ticksTitle: 'Who has answered',
  tickAnswered: 'answered',
  tickWaiting: 'not yet',
  ticksMore:
    '{count, plural, one {and # more player} other {and # more players}}, {answered, plural, one {# of them answered} other {# of them answered}}',
} as const;

export const extraTime: Messages<typeof en> = {
  en,
  es: {
    toggleNone: 'Tiempo extra para {name}: ninguno. Pulsa para darle 1,5 veces el tiempo.',
    toggleSome: 'Tiempo extra para {name}: {factor} veces el tiempo. Pulsa para cambiarlo.',
    badge: '{factor}×',
    badgeTitle: 'Tiempo extra: {factor} veces el tiempo de cada pregunta (solo lo ve el anfitrión)',
    finishing: 'Terminando…',
    finishingWaiting:
      '{count, plural, one {Esperando a # jugador con tiempo extra} other {Esperando a # jugadores con tiempo extra}}',
    phoneWaiting: 'Esperando a quienes tienen tiempo extra…',
    phoneTimeUp: '¡Se acabó el tiempo! Esperando a quienes tienen tiempo extra…',
    whoAnswered: 'Quién ha respondido',
    ticksTitle: 'Quién ha respondido',
    tickAnswered: 'ha respondido',
    tickWaiting: 'todavía no',
    ticksMore:
      '{count, plural, one {y # jugador más} other {y # jugadores más}}, {answered, plural, one {# de ellos ha respondido} other {# de ellos han respondido}}',
  },
  de: {
    toggleNone: 'Mehr Zeit für {name}: keine. Drücken für das 1,5-Fache der Zeit.',
    toggleSome: 'Mehr Zeit für {name}: das {factor}-Fache der Zeit. Drücken zum Ändern.',
    badge: '{factor}×',
    badgeTitle: 'Mehr Zeit: das {factor}-Fache der Zeit jeder Frage (nur die Spielleitung sieht das)',
    finishing: 'Wird abgeschlossen …',
    finishingWaiting:
      '{count, plural, one {Wartet auf # Person mit mehr Zeit} other {Wartet auf # Personen mit mehr Zeit}}',
    phoneWaiting: 'Wartet auf alle mit mehr Zeit …',
    phoneTimeUp: 'Die Zeit ist um! Wartet auf alle mit mehr Zeit …',
    whoAnswered: 'Wer hat geantwortet',
    ticksTitle: 'Wer hat geantwortet',
    tickAnswered: 'hat geantwortet',
    tickWaiting: 'noch nicht',
    ticksMore:
      '{count, plural, one {und # weitere Person} other {und # weitere Personen}}, {answered, plural, one {# davon hat geantwortet} other {# davon haben geantwortet}}',
  },
  ar: {
    toggleNone: 'وقت إضافي لـ {name}: لا يوجد. اضغط لمنحه مرة ونصف الوقت.',
    toggleSome: 'وقت إضافي لـ {name}: {factor} أضعاف الوقت. اضغط للتغيير.',
    badge: '{factor}×',
    badgeTitle: 'وقت إضافي: {factor} أضعاف وقت كل سؤال (يراه المضيف فقط)',
    finishing: 'جارٍ الإنهاء…',
    finishingWaiting:
      '{count, plural, zero {لا أحد ينتظر} one {بانتظار لاعب واحد لديه وقت إضافي} two {بانتظار لاعبَين لديهما وقت إضافي} few {بانتظار # لاعبين لديهم وقت إضافي} many {بانتظار # لاعبًا لديهم وقت إضافي} other {بانتظار # لاعب لديهم وقت إضافي}}',
    phoneWaiting: 'بانتظار من لديهم وقت إضافي…',
    phoneTimeUp: 'انتهى الوقت! بانتظار من لديهم وقت إضافي…',
    whoAnswered: 'من أجاب',
    ticksTitle: 'من أجاب حتى الآن',
    tickAnswered: 'أجاب',
    tickWaiting: 'لم يجب بعد',
    ticksMore:
      '{count, plural, zero {ولا أحد غيرهم} one {ولاعب آخر} two {ولاعبان آخران} few {و# لاعبين آخرين} many {و# لاعبًا آخر} other {و# لاعب آخر}}، {answered, plural, zero {لم يجب أحد منهم} one {أجاب واحد منهم} two {أجاب اثنان منهم} few {أجاب # منهم} many {أجاب # منهم} other {أجاب # منهم}}',
  },
};
