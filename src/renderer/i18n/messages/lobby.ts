/** Texts of the lobby, on the host screen and on phones. */
import type { Messages } from '../message-types';

const en = {
  othersJoined:
    '{others, plural, =0 {You are the first one here.} one {# other player has joined.} other {# other players have joined.}}',
  hostWillStart: 'Press Start when everyone is in.',
  playerWillStart: 'The host will start the game soon.',
  starting: 'Starting…',
  startsByItself:
    '{missing, plural, one {Starts by itself when {need} players are here — # more to go.} other {Starts by itself when {need} players are here — # more to go.}}',
  autoStarted:
    '{count, plural, one {# player is here: the game starts by itself.} other {# players are here: the game starts by itself.}}',
  getReady: 'Get ready!',
  opensIn:
    '{seconds, plural, one {The first question opens in # second.} other {The first question opens in # seconds.}}',
  beQuick:
    '{count, plural, one {# question. Be quick: faster answers score more.} other {# questions. Be quick: faster answers score more.}}',
  cancelStart: 'Cancel start',
  cancelHint: 'Back to the lobby; you then start the game yourself.',
  holdBack: 'The host can still hold it back.',
  youreIn: 'You’re in!',
  youreInName: 'You’re in, {name}!',
  lookForName: 'Look for your name on the host’s screen.',
  quizLine:
    '{count, plural, one {Quiz: <b>{title}</b> · # question} other {Quiz: <b>{title}</b> · # questions}}',
  leaveRoom: 'Leave the room',
  joinOn: 'Join on your phone or computer',
  qrLabel: 'QR code to join at {url}',
  qrLabelPin: 'QR code to join at {url}, with the PIN',
  otherAddresses: 'Other addresses of this computer',
  fromApp: 'Players on this network can join from the Quizroom app.',
  pinLine: 'PIN <b>{pin}</b>',
  quizFallback: 'Quiz',
  quizMeta:
    '{count, plural, one {# question · {seconds} seconds each} other {# questions · {seconds} seconds each}}',
  players: 'Players',
  findPlayer: 'Find a player',
  findPlayerLabel: 'Find a player by name',
  removeOffline: 'Remove {count} disconnected',
  matches: '{found, plural, one {# of {total} matches} other {# of {total} match}}',
  waitingPlayers: 'Waiting for players to join…',
  noMatch: 'No player’s name contains “{query}”.',
  disconnected: '(disconnected)',
  remove: 'Remove {name}',
  removeBlock: 'Remove and block {name}',
  removeBlockTitle: 'Remove and block: this name and device cannot join again in this session',
  andMore: 'and {count} more',
  andMoreFind: 'and {count} more: find one by name',
  startGame: 'Start game',
} as const;

export const lobby: Messages<typeof en> = {
  en,
  es: {
    hostWillStart: 'Pulsa Empezar cuando estén todos.',
    playerWillStart: 'El anfitrión empezará la partida pronto.',
    starting: 'Empezando…',
    startsByItself:
      '{missing, plural, one {Empieza sola cuando haya {need} jugadores: falta # más.} other {Empieza sola cuando haya {need} jugadores: faltan # más.}}',
    autoStarted:
      '{count, plural, one {Hay # jugador: la partida empieza sola.} other {Hay # jugadores: la partida empieza sola.}}',
    getReady: '¡Prepárate!',
    opensIn:
      '{seconds, plural, one {La primera pregunta se abre en # segundo.} other {La primera pregunta se abre en # segundos.}}',
    beQuick:
      '{count, plural, one {# pregunta. Sé rápido: las respuestas más rápidas puntúan más.} other {# preguntas. Sé rápido: las respuestas más rápidas puntúan más.}}',
    cancelStart: 'Cancelar el inicio',
    cancelHint: 'Vuelve a la sala de espera; luego empiezas tú la partida.',
    holdBack: 'El anfitrión aún puede detenerla.',
    youreIn: '¡Ya estás dentro!',
    youreInName: '¡Ya estás dentro, {name}!',
    lookForName: 'Busca tu nombre en la pantalla del anfitrión.',
    quizLine:
      '{count, plural, one {Quiz: <b>{title}</b> · # pregunta} other {Quiz: <b>{title}</b> · # preguntas}}',
    leaveRoom: 'Salir de la sala',
    joinOn: 'Únete desde tu móvil u ordenador',
    qrLabel: 'Código QR para unirse en {url}',
    qrLabelPin: 'Código QR para unirse en {url}, con el PIN',
    otherAddresses: 'Otras direcciones de este ordenador',
    fromApp: 'Los jugadores de esta red pueden unirse desde la aplicación Quizroom.',
    pinLine: 'PIN <b>{pin}</b>',
    quizFallback: 'Quiz',
    quizMeta:
      '{count, plural, one {# pregunta · {seconds} segundos cada una} other {# preguntas · {seconds} segundos cada una}}',
    players: 'Jugadores',
    findPlayer: 'Buscar un jugador',
    findPlayerLabel: 'Buscar un jugador por nombre',
    removeOffline: 'Quitar {count} desconectados',
    matches: '{found, plural, one {# de {total} coincide} other {# de {total} coinciden}}',
    waitingPlayers: 'Esperando a que se unan jugadores…',
    noMatch: 'Ningún nombre de jugador contiene «{query}».',
    disconnected: '(desconectado)',
    remove: 'Quitar a {name}',
    removeBlock: 'Quitar y bloquear a {name}',
    removeBlockTitle: 'Quitar y bloquear: este nombre y dispositivo no podrán volver a unirse en esta sesión',
    andMore: 'y {count} más',
    andMoreFind: 'y {count} más: busca por nombre',
    startGame: 'Empezar partida',
    othersJoined:
      '{others, plural, =0 {Eres el primero en llegar.} one {Se ha unido # jugador más.} other {Se han unido # jugadores más.}}',
  },
  de: {
    hostWillStart: 'Drück auf Starten, wenn alle da sind.',
    playerWillStart: 'Die Spielleitung startet das Spiel gleich.',
    starting: 'Startet…',
    startsByItself:
      '{missing, plural, one {Startet von selbst, sobald {need} Personen da sind – noch # fehlt.} other {Startet von selbst, sobald {need} Personen da sind – noch # fehlen.}}',
    autoStarted:
      '{count, plural, one {# Person ist da: Das Spiel startet von selbst.} other {# Personen sind da: Das Spiel startet von selbst.}}',
    getReady: 'Mach dich bereit!',
    opensIn:
      '{seconds, plural, one {Die erste Frage öffnet in # Sekunde.} other {Die erste Frage öffnet in # Sekunden.}}',
    beQuick:
      '{count, plural, one {# Frage. Sei schnell: Schnellere Antworten bringen mehr Punkte.} other {# Fragen. Sei schnell: Schnellere Antworten bringen mehr Punkte.}}',
    cancelStart: 'Start abbrechen',
    cancelHint: 'Zurück in die Lobby; dann startest du das Spiel selbst.',
    holdBack: 'Die Spielleitung kann es noch aufhalten.',
    youreIn: 'Du bist dabei!',
    youreInName: 'Du bist dabei, {name}!',
    lookForName: 'Such deinen Namen auf dem Bildschirm der Spielleitung.',
    quizLine: '{count, plural, one {Quiz: <b>{title}</b> · # Frage} other {Quiz: <b>{title}</b> · # Fragen}}',
    leaveRoom: 'Raum verlassen',
    joinOn: 'Mach mit – am Handy oder Computer',
    qrLabel: 'QR-Code zum Beitreten unter {url}',
    qrLabelPin: 'QR-Code zum Beitreten unter {url}, mit PIN',
    otherAddresses: 'Weitere Adressen dieses Computers',
    fromApp: 'Personen in diesem Netzwerk können über die Quizroom-App beitreten.',
    pinLine: 'PIN <b>{pin}</b>',
    quizFallback: 'Quiz',
    quizMeta:
      '{count, plural, one {# Frage · je {seconds} Sekunden} other {# Fragen · je {seconds} Sekunden}}',
    players: 'Mitspielende',
    findPlayer: 'Person suchen',
    findPlayerLabel: 'Person nach Namen suchen',
    removeOffline: '{count} getrennte entfernen',
    matches: '{found, plural, one {# von {total} passt} other {# von {total} passen}}',
    waitingPlayers: 'Warte auf Mitspielende…',
    noMatch: 'Kein Name enthält „{query}“.',
    disconnected: '(getrennt)',
    remove: '{name} entfernen',
    removeBlock: '{name} entfernen und sperren',
    removeBlockTitle:
      'Entfernen und sperren: Dieser Name und dieses Gerät können in dieser Sitzung nicht wieder beitreten',
    andMore: 'und {count} weitere',
    andMoreFind: 'und {count} weitere: per Name suchen',
    startGame: 'Spiel starten',
    othersJoined:
      '{others, plural, =0 {Du bist als Erste oder Erster hier.} one {# weitere Person spielt mit.} other {# weitere Personen spielen mit.}}',
  },
  ar: {
    hostWillStart: 'اضغط «ابدأ» عندما يكتمل الجميع.',
    playerWillStart: 'سيبدأ المضيف اللعبة قريبًا.',
    starting: 'جارٍ البدء…',
    startsByItself:
      '{missing, plural, zero {تبدأ تلقائيًا عند وصول {need} لاعبين.} one {تبدأ تلقائيًا عند وصول {need} لاعبين — بقي لاعب واحد.} two {تبدأ تلقائيًا عند وصول {need} لاعبين — بقي لاعبان.} few {تبدأ تلقائيًا عند وصول {need} لاعبين — بقي # لاعبين.} many {تبدأ تلقائيًا عند وصول {need} لاعبين — بقي # لاعبًا.} other {تبدأ تلقائيًا عند وصول {need} لاعبين — بقي # لاعب.}}',
    autoStarted:
      '{count, plural, zero {لا لاعبين هنا.} one {لاعب واحد هنا: تبدأ اللعبة تلقائيًا.} two {لاعبان هنا: تبدأ اللعبة تلقائيًا.} few {# لاعبين هنا: تبدأ اللعبة تلقائيًا.} many {# لاعبًا هنا: تبدأ اللعبة تلقائيًا.} other {# لاعب هنا: تبدأ اللعبة تلقائيًا.}}',
    getReady: 'استعد!',
    opensIn:
      '{seconds, plural, zero {يُفتح السؤال الأول الآن.} one {يُفتح السؤال الأول بعد ثانية واحدة.} two {يُفتح السؤال الأول بعد ثانيتين.} few {يُفتح السؤال الأول بعد # ثوانٍ.} many {يُفتح السؤال الأول بعد # ثانية.} other {يُفتح السؤال الأول بعد # ثانية.}}',
    beQuick:
      '{count, plural, zero {لا أسئلة.} one {سؤال واحد. كن سريعًا: الإجابات الأسرع تكسب نقاطًا أكثر.} two {سؤالان. كن سريعًا: الإجابات الأسرع تكسب نقاطًا أكثر.} few {# أسئلة. كن سريعًا: الإجابات الأسرع تكسب نقاطًا أكثر.} many {# سؤالًا. كن سريعًا: الإجابات الأسرع تكسب نقاطًا أكثر.} other {# سؤال. كن سريعًا: الإجابات الأسرع تكسب نقاطًا أكثر.}}',
    cancelStart: 'إلغاء البدء',
    cancelHint: 'العودة إلى الردهة؛ ثم تبدأ اللعبة بنفسك.',
    holdBack: 'ما زال بإمكان المضيف إيقافها.',
    youreIn: 'أنت في اللعبة!',
    youreInName: 'أنت في اللعبة يا {name}!',
    lookForName: 'ابحث عن اسمك على شاشة المضيف.',
    quizLine:
      '{count, plural, zero {المسابقة: <b>{title}</b> · لا أسئلة} one {المسابقة: <b>{title}</b> · سؤال واحد} two {المسابقة: <b>{title}</b> · سؤالان} few {المسابقة: <b>{title}</b> · # أسئلة} many {المسابقة: <b>{title}</b> · # سؤالًا} other {المسابقة: <b>{title}</b> · # سؤال}}',
    leaveRoom: 'غادر الغرفة',
    joinOn: 'انضم من هاتفك أو حاسوبك',
    qrLabel: 'رمز QR للانضمام عبر {url}',
    qrLabelPin: 'رمز QR للانضمام عبر {url}، مع الرمز',
    otherAddresses: 'عناوين أخرى لهذا الحاسوب',
    fromApp: 'يمكن للاعبين على هذه الشبكة الانضمام من تطبيق Quizroom.',
    pinLine: 'الرمز <b>{pin}</b>',
    quizFallback: 'مسابقة',
    quizMeta:
      '{count, plural, zero {لا أسئلة · {seconds} ثانية لكل سؤال} one {سؤال واحد · {seconds} ثانية لكل سؤال} two {سؤالان · {seconds} ثانية لكل سؤال} few {# أسئلة · {seconds} ثانية لكل سؤال} many {# سؤالًا · {seconds} ثانية لكل سؤال} other {# سؤال · {seconds} ثانية لكل سؤال}}',
    players: 'اللاعبون',
    findPlayer: 'ابحث عن لاعب',
    findPlayerLabel: 'ابحث عن لاعب بالاسم',
    removeOffline: 'إزالة {count} غير متصلين',
    matches:
      '{found, plural, zero {لا تطابق من {total}} one {تطابق واحد من {total}} two {تطابقان من {total}} few {# تطابقات من {total}} many {# تطابقًا من {total}} other {# تطابق من {total}}}',
    waitingPlayers: 'بانتظار انضمام اللاعبين…',
    noMatch: 'لا يحتوي اسم أي لاعب على «{query}».',
    disconnected: '(غير متصل)',
    remove: 'إزالة {name}',
    removeBlock: 'إزالة {name} وحظره',
    removeBlockTitle: 'إزالة وحظر: لا يمكن لهذا الاسم وهذا الجهاز الانضمام مجددًا في هذه الجلسة',
    andMore: 'و{count} آخرون',
    andMoreFind: 'و{count} آخرون: ابحث بالاسم',
    startGame: 'ابدأ اللعبة',
    othersJoined:
      '{others, plural, =0 {أنت أول من وصل.} one {انضم لاعب آخر.} two {انضم لاعبان آخران.} few {انضم # لاعبين آخرين.} many {انضم # لاعبًا آخر.} other {انضم # لاعب آخر.}}',
  },
};
