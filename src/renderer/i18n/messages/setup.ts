/**
 * Texts of Host setup: choosing the quiz (and importing one), how the game starts, the room's
 * name, PIN and whether the host plays too, and what is wrong with the form. The fields it shares
 * with the lobby's Game settings are in settings.ts.
 */
import type { Messages } from '../message-types';

const en = {
  title: 'Host a quiz',
  back: 'Back',
  defaultRoomName: 'Quiz night',
  quiz: 'Quiz',
  questions: '{count, plural, one {# question} other {# questions}}',
  importFile: 'Import a quiz file…',
  editQuizzes: 'Edit quizzes',
  imported:
    'Imported “{title}”: {taken, plural, one {# question} other {# questions}}{skipped, plural, =0 {.} other {, # skipped (see Edit quizzes for why).}}',
  howStart: 'How the game starts',
  autoStart: 'Start by itself when enough players are in',
  autoStartWhen:
    'Fits a party or a drop-in game: play begins as soon as the players are there, after a countdown you can cancel.',
  hostStart: 'I’ll press Start',
  hostStartWhen: 'Fits a class: everyone joins first, and you start when the room is ready.',
  minPlayersHint: 'Two is the original rule. Play again always waits for your Start.',
  roomName: 'Room name',
  perAddressHint:
    'Stops one device from filling the room. Your own player and browsers on this computer share one; raise it when people share a computer.',
  pin: 'Require a PIN',
  pinHint: 'Players must type a 6-digit PIN shown on your screen.',
  playToo: 'I will play too',
  playTooHint: 'You answer on this computer alongside everybody else.',
  opening: 'Opening…',
  open: 'Open room',
  chooseQuiz: 'Choose a quiz.',
  nameRoom: 'Give the room a name so that players can find it.',
  nameTooLong: 'A room name can be at most {max, plural, one {# character} other {# characters}}.',
  playersError: 'Enter a whole number of players from {min} to {max}, or choose “I’ll press Start”.',
  secondsError: 'Enter a whole number of seconds from {min} to {max}.',
} as const;

export const setup: Messages<typeof en> = {
  en,
  es: {
    title: 'Organizar un quiz',
    back: 'Atrás',
    defaultRoomName: 'Noche de preguntas',
    quiz: 'Quiz',
    questions: '{count, plural, one {# pregunta} other {# preguntas}}',
    importFile: 'Importar un archivo de quiz…',
    editQuizzes: 'Editar quizzes',
    imported:
      'Importado «{title}»: {taken, plural, one {# pregunta} other {# preguntas}}{skipped, plural, =0 {.} one {, # omitida (el motivo está en Editar quizzes).} other {, # omitidas (el motivo está en Editar quizzes).}}',
    howStart: 'Cómo empieza la partida',
    autoStart: 'Empezar sola cuando haya jugadores suficientes',
    autoStartWhen:
      'Ideal para una fiesta o una partida abierta: el juego empieza en cuanto están los jugadores, tras una cuenta atrás que puedes cancelar.',
    hostStart: 'Pulsaré Empezar yo',
    hostStartWhen: 'Ideal para una clase: todos entran primero y tú empiezas cuando la sala está lista.',
    minPlayersHint: 'Dos es la regla original. Jugar otra vez siempre espera a que pulses Empezar.',
    roomName: 'Nombre de la sala',
    perAddressHint:
      'Evita que un solo dispositivo llene la sala. Tu propio jugador y los navegadores de este ordenador cuentan como uno; súbelo si varias personas comparten un ordenador.',
    pin: 'Pedir un PIN',
    pinHint: 'Los jugadores deben escribir un PIN de 6 cifras que se muestra en tu pantalla.',
    playToo: 'Yo también juego',
    playTooHint: 'Respondes en este ordenador junto con todos los demás.',
    opening: 'Abriendo…',
    open: 'Abrir sala',
    chooseQuiz: 'Elige un quiz.',
    nameRoom: 'Ponle un nombre a la sala para que los jugadores puedan encontrarla.',
    nameTooLong:
      'El nombre de una sala puede tener como máximo {max, plural, one {# carácter} other {# caracteres}}.',
    playersError: 'Escribe un número entero de jugadores de {min} a {max}, o elige «Pulsaré Empezar yo».',
    secondsError: 'Escribe un número entero de segundos de {min} a {max}.',
  },
  de: {
    title: 'Ein Quiz veranstalten',
    back: 'Zurück',
    defaultRoomName: 'Quizabend',
    quiz: 'Quiz',
    questions: '{count, plural, one {# Frage} other {# Fragen}}',
    importFile: 'Quizdatei importieren…',
    editQuizzes: 'Quizze bearbeiten',
    imported:
      '„{title}“ importiert: {taken, plural, one {# Frage} other {# Fragen}}{skipped, plural, =0 {.} other {, # übersprungen (warum, steht unter Quizze bearbeiten).}}',
    howStart: 'Wie das Spiel beginnt',
    autoStart: 'Von selbst starten, sobald genug Spieler da sind',
    autoStartWhen:
      'Passt zu einer Party oder einem offenen Spiel: Es geht los, sobald die Spieler da sind, nach einem Countdown, den du abbrechen kannst.',
    hostStart: 'Ich drücke Start',
    hostStartWhen:
      'Passt zu einer Klasse: Alle treten zuerst bei, und du startest, wenn der Raum bereit ist.',
    minPlayersHint: 'Zwei ist die ursprüngliche Regel. Nochmal spielen wartet immer auf deinen Start.',
    roomName: 'Name des Raums',
    perAddressHint:
      'Verhindert, dass ein Gerät den Raum füllt. Dein eigener Spieler und Browser auf diesem Computer teilen sich eine; erhöhe den Wert, wenn sich Leute einen Computer teilen.',
    pin: 'PIN verlangen',
    pinHint: 'Die Spieler müssen eine 6-stellige PIN eingeben, die auf deinem Bildschirm steht.',
    playToo: 'Ich spiele mit',
    playTooHint: 'Du antwortest an diesem Computer zusammen mit allen anderen.',
    opening: 'Wird geöffnet…',
    open: 'Raum öffnen',
    chooseQuiz: 'Wähle ein Quiz.',
    nameRoom: 'Gib dem Raum einen Namen, damit die Spieler ihn finden.',
    nameTooLong: 'Ein Raumname darf höchstens {max, plural, one {# Zeichen} other {# Zeichen}} lang sein.',
    playersError: 'Gib eine ganze Zahl von Spielern von {min} bis {max} ein oder wähle „Ich drücke Start“.',
    secondsError: 'Gib eine ganze Zahl von Sekunden von {min} bis {max} ein.',
  },
  ar: {
    title: 'استضافة مسابقة',
    back: 'رجوع',
    defaultRoomName: 'أمسية الأسئلة',
    quiz: 'المسابقة',
    questions:
      '{count, plural, zero {لا أسئلة} one {سؤال واحد} two {سؤالان} few {# أسئلة} many {# سؤالًا} other {# سؤال}}',
    importFile: 'استيراد ملف مسابقة…',
    editQuizzes: 'تعديل المسابقات',
    imported:
      'استُورد «{title}»: {taken, plural, zero {لا أسئلة} one {سؤال واحد} two {سؤالان} few {# أسئلة} many {# سؤالًا} other {# سؤال}}{skipped, plural, =0 {.} one {، وتُخطّي سؤال واحد (السبب في تعديل المسابقات).} two {، وتُخطّي سؤالان (السبب في تعديل المسابقات).} few {، وتُخطّيت # أسئلة (السبب في تعديل المسابقات).} many {، وتُخطّي # سؤالًا (السبب في تعديل المسابقات).} other {، وتُخطّي # سؤال (السبب في تعديل المسابقات).}}',
    howStart: 'كيف تبدأ اللعبة',
    autoStart: 'البدء تلقائيًا عند اكتمال عدد اللاعبين',
    autoStartWhen: 'يناسب حفلة أو لعبة مفتوحة: يبدأ اللعب فور حضور اللاعبين، بعد عدّ تنازلي يمكنك إلغاؤه.',
    hostStart: 'سأبدأ اللعبة بنفسي',
    hostStartWhen: 'يناسب الفصل الدراسي: ينضم الجميع أولًا، وتبدأ أنت حين تكون الغرفة جاهزة.',
    minPlayersHint: 'اثنان هي القاعدة الأصلية. «العب مجددًا» ينتظر دائمًا أن تضغط «ابدأ».',
    roomName: 'اسم الغرفة',
    perAddressHint:
      'يمنع جهازًا واحدًا من ملء الغرفة. لاعبك أنت والمتصفحات على هذا الحاسوب تُحسب عنوانًا واحدًا؛ ارفع العدد حين يتشارك أشخاص حاسوبًا واحدًا.',
    pin: 'طلب رمز PIN',
    pinHint: 'على اللاعبين كتابة رمز PIN من 6 أرقام يظهر على شاشتك.',
    playToo: 'سألعب أنا أيضًا',
    playTooHint: 'تجيب على هذا الحاسوب مع الجميع.',
    opening: 'جارٍ الفتح…',
    open: 'فتح الغرفة',
    chooseQuiz: 'اختر مسابقة.',
    nameRoom: 'سمِّ الغرفة كي يجدها اللاعبون.',
    nameTooLong:
      'يمكن أن يتكون اسم الغرفة من {max, plural, zero {# حرف} one {حرف واحد} two {حرفين} few {# أحرف} many {# حرفًا} other {# حرف}} على الأكثر.',
    playersError: 'أدخل عددًا صحيحًا من اللاعبين من {min} إلى {max}، أو اختر «سأبدأ اللعبة بنفسي».',
    secondsError: 'أدخل عددًا صحيحًا من الثواني من {min} إلى {max}.',
  },
};
