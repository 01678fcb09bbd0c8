/** Texts of the desktop app's home screen: host, join, the library and past games, and resuming. */
import type { Messages } from '../message-types';

const en = {
  title: 'Live quizzes for everyone in the room',
  lead: 'One computer hosts, everybody else plays from theirs or from a phone. No internet, no accounts.',
  resumeTitle: 'Resume interrupted game',
  resumeText:
    '{players, plural, one {“{room}” with {quiz} stopped unexpectedly (# player). Reopen it: players come back by themselves with their scores.} other {“{room}” with {quiz} stopped unexpectedly (# players). Reopen it: players come back by themselves with their scores.}}',
  resumeDamage: 'Resume up to the damage',
  resume: 'Resume game',
  host: 'Host',
  hostDesc: 'Run a quiz from this computer and show it on the big screen.',
  join: 'Join',
  joinDesc: 'Play in a room on your network, or type its address.',
  more: 'Quizzes and results',
  library: 'Quiz library',
  reports: 'Past games',
} as const;

export const home: Messages<typeof en> = {
  en,
  es: {
    title: 'Quizzes en directo para toda la sala',
    lead: 'Un ordenador hace de anfitrión y los demás juegan desde el suyo o desde el móvil. Sin internet y sin cuentas.',
    resumeTitle: 'Reanudar la partida interrumpida',
    resumeText:
      '{players, plural, one {«{room}» con {quiz} se detuvo de forma inesperada (# jugador). Ábrela de nuevo: los jugadores vuelven solos con sus puntos.} other {«{room}» con {quiz} se detuvo de forma inesperada (# jugadores). Ábrela de nuevo: los jugadores vuelven solos con sus puntos.}}',
    resumeDamage: 'Reanudar hasta el daño',
    resume: 'Reanudar partida',
    host: 'Organizar',
    hostDesc: 'Dirige un quiz desde este ordenador y muéstralo en la pantalla grande.',
    join: 'Unirse',
    joinDesc: 'Juega en una sala de tu red o escribe su dirección.',
    more: 'Quizzes y resultados',
    library: 'Biblioteca de quizzes',
    reports: 'Partidas anteriores',
  },
  de: {
    title: 'Live-Quiz für alle im Raum',
    lead: 'Ein Computer leitet das Spiel, alle anderen spielen am eigenen Gerät oder Handy. Kein Internet, keine Konten.',
    resumeTitle: 'Unterbrochenes Spiel fortsetzen',
    resumeText:
      '{players, plural, one {„{room}“ mit {quiz} wurde unerwartet beendet (# Person). Öffne es wieder: Alle kommen mit ihren Punkten von selbst zurück.} other {„{room}“ mit {quiz} wurde unerwartet beendet (# Personen). Öffne es wieder: Alle kommen mit ihren Punkten von selbst zurück.}}',
    resumeDamage: 'Bis zur beschädigten Stelle fortsetzen',
    resume: 'Spiel fortsetzen',
    host: 'Leiten',
    hostDesc: 'Ein Quiz von diesem Computer aus leiten und auf der großen Leinwand zeigen.',
    join: 'Beitreten',
    joinDesc: 'In einem Raum in deinem Netzwerk spielen oder seine Adresse eingeben.',
    more: 'Quizze und Ergebnisse',
    library: 'Quiz-Bibliothek',
    reports: 'Vergangene Spiele',
  },
  ar: {
    title: 'مسابقات مباشرة لكل من في الغرفة',
    lead: 'حاسوب واحد يستضيف، والبقية يلعبون من أجهزتهم أو هواتفهم. بلا إنترنت وبلا حسابات.',
    resumeTitle: 'استئناف لعبة متوقفة',
    resumeText:
      '{players, plural, zero {توقفت «{room}» مع {quiz} فجأة (بلا لاعبين). افتحها من جديد.} one {توقفت «{room}» مع {quiz} فجأة (لاعب واحد). افتحها من جديد: يعود اللاعبون تلقائيًا بنقاطهم.} two {توقفت «{room}» مع {quiz} فجأة (لاعبان). افتحها من جديد: يعود اللاعبون تلقائيًا بنقاطهم.} few {توقفت «{room}» مع {quiz} فجأة (# لاعبين). افتحها من جديد: يعود اللاعبون تلقائيًا بنقاطهم.} many {توقفت «{room}» مع {quiz} فجأة (# لاعبًا). افتحها من جديد: يعود اللاعبون تلقائيًا بنقاطهم.} other {توقفت «{room}» مع {quiz} فجأة (# لاعب). افتحها من جديد: يعود اللاعبون تلقائيًا بنقاطهم.}}',
    resumeDamage: 'استئناف حتى موضع التلف',
    resume: 'استئناف اللعبة',
    host: 'استضافة',
    hostDesc: 'أدِر مسابقة من هذا الحاسوب واعرضها على الشاشة الكبيرة.',
    join: 'انضمام',
    joinDesc: 'العب في غرفة على شبكتك، أو اكتب عنوانها.',
    more: 'المسابقات والنتائج',
    library: 'مكتبة المسابقات',
    reports: 'الألعاب السابقة',
  },
};
