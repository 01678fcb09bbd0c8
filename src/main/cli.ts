/**
 * The headless host: `npm run host -- [options]`. Loads a quiz, opens the room the way the desktop
 * app does (hosting/hosted-room.ts: the server on a thread of its own, the LAN announcement, a
 * report for every finished game), prints the URLs for players and for the host dashboard, and
 * logs the game as it goes. Ctrl-C or SIGTERM closes every socket with "going away" and exits 0.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { GameSettings } from '../shared/protocol';
import { QuizError } from '../shared/quiz/load-quiz';
import {
  ArgsError,
  defaultJournalDir,
  defaultLibraryDir,
  HOST_USAGE,
  parseHostArgs,
  type HostArgs,
} from './headless/host-args';
import { describeEvent } from './headless/event-log';
import { openHostedRoom, type OpenRoomCode, type RoomPlan } from './hosting/hosted-room';
import { interruptedJournal } from './hosting/interrupted-room';
import { describeDamage, JournalError, scanJournal, type JournalScan } from './server/game-journal';
import { importSummaryLines } from './library/importers/import-summary';
import { openQuiz } from './library/read-quiz-file';
import { readRosterFile, RosterFileError } from './headless/roster-file';
import { MediaStore } from './media/media-store';
import { ReportStore } from './reports/report-store';
import { hostDashboardUrl, lanIPv4Addresses, playerUrl } from './server/lan-addresses';

const EXIT_UNEXPECTED = 1;
const EXIT_USAGE = 2;
const EXIT_QUIZ = 3;
const EXIT_LISTEN = 4;
const EXIT_RESUME = 5;
const EXIT_ROSTER = 6;

const EXIT_FOR: Record<OpenRoomCode, number> = {
  host_failed: EXIT_LISTEN,
  nothing_to_resume: EXIT_RESUME,
  resume_failed: EXIT_RESUME,
  server_failed: EXIT_UNEXPECTED,
};

function log(line: string): void {
  const time = new Date().toTimeString().slice(0, 8);
  process.stdout.write(`${time}  ${line}\n`);
}

/**
 * A folder of its own for the pictures and sounds of a package given with --quiz (the room serves
 * them from there), removed when the process ends; null for a built-in quiz.
 */
function roomMediaDir(ref: string | undefined): string | null {
  if (ref === undefined || ref.startsWith('builtin')) return null;
  const dir = mkdtempSync(join(tmpdir(), 'quizroom-room-media-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * The room the options ask for: a new one with its quiz, or the interrupted one (checked first:
 * a journal damaged in the middle is resumed only with --accept-damage). `exit`: it cannot open,
 * and why has been said.
 */
async function planOf(args: HostArgs, journalDir: string | null): Promise<RoomPlan | { exit: number }> {
  const port = args.port === undefined ? {} : { port: args.port };
  if (args.resume) return resumePlan(args, journalDir, port);
  let quiz;
  let media: MediaStore | undefined;
  const mediaDir = roomMediaDir(args.quiz);
  try {
    const opened = await openQuiz(args.quiz, mediaDir ? { mediaDir } : {});
    quiz = opened.quiz;
    if (mediaDir && opened.imported?.media) media = new MediaStore(mediaDir);
    // What the import took and skipped, before the room opens.
    const summary = opened.imported ? importSummaryLines(opened.imported, args.quiz ?? 'the quiz file') : [];
    for (const line of summary) log(line);
  } catch (e) {
    if (!(e instanceof QuizError)) throw e;
    process.stderr.write(`quizroom host: ${e.message}\n`);
    return { exit: EXIT_QUIZ };
  }
  let identity: Pick<Partial<GameSettings>, 'identity' | 'identityLabel' | 'roster'> = {};
  if (args['ask-id'] !== undefined) identity = { identity: 'field', identityLabel: args['ask-id'] };
  if (args.roster !== undefined) {
    try {
      const roster = await readRosterFile(args.roster);
      identity = { identity: 'roster', roster };
      log(`Class list: ${roster.length} names from ${args.roster}.`);
    } catch (e) {
      if (!(e instanceof RosterFileError)) throw e;
      process.stderr.write(`quizroom host: ${e.message}
`);
      return { exit: EXIT_ROSTER };
    }
  }
  return {
    kind: 'new',
    quiz,
    ...(media ? { media } : {}),
    roomName: args.name ?? `${hostname()}'s quiz`,
    ...port,
    strictPort: args.port !== undefined,
    pin: !!args.pin,
    settings: {
      ...(args['min-players'] !== undefined ? { minPlayers: args['min-players'] } : {}),
      ...(args['question-time'] !== undefined ? { questionSeconds: args['question-time'] } : {}),
      ...(args['max-players-per-address'] !== undefined
        ? { maxPlayersPerAddress: args['max-players-per-address'] }
        : {}),
      ...(args['no-name-filter'] ? { profanityFilter: false } : {}),
      ...(args['generated-names'] ? { generatedNamesOnly: true } : {}),
      ...(args.scoring !== undefined ? { scoringMode: args.scoring } : {}),
      ...(args['no-streak-bonus'] ? { streakBonus: false } : {}),
      ...(args['wrong-penalty'] !== undefined ? { wrongAnswerPenalty: args['wrong-penalty'] } : {}),
      ...(args.shuffle ? { shuffleQuestions: true } : {}),
      ...(args['running-totals'] ? { runningTotals: true } : {}),
      ...(args.teams !== undefined ? { teamMode: 'teams' as const, teamCount: args.teams } : {}),
      ...(args['shared-devices'] ? { teamMode: 'shared' as const } : {}),
      ...(args['team-pick'] ? { teamPick: true } : {}),
      ...(args['team-talk'] !== undefined ? { teamTalkSeconds: args['team-talk'] } : {}),
      ...identity,
    },
  };
}

function resumePlan(
  args: HostArgs,
  journalDir: string | null,
  port: { port?: number },
): RoomPlan | { exit: number } {
  const path = interruptedJournal(journalDir);
  // None: opening the room says so.
  if (!path) return { kind: 'resume', ...port };
  let scan: JournalScan;
  try {
    scan = scanJournal(path);
  } catch (e) {
    if (!(e instanceof JournalError)) throw e;
    process.stderr.write(`quizroom host: ${e.message}\n`);
    return { exit: EXIT_RESUME };
  }
  if (scan.damage && !args['accept-damage']) {
    process.stderr.write(
      `quizroom host: ${describeDamage(path, scan.damage)}\n` +
        'Nothing was changed. To resume up to the damage anyway, run again with --resume --accept-damage ' +
        '(a copy of the journal as it is now is kept beside it).\n',
    );
    return { exit: EXIT_RESUME };
  }
  log(`Resuming the room recorded in ${path}.`);
  if (scan.damage) log(`Resuming up to the damage (--accept-damage): ${describeDamage(path, scan.damage)}`);
  if (scan.tail)
    log(
      `Cut ${scan.tail.bytes} bytes after the last whole record: a write the crash cut short, never acknowledged.`,
    );
  return { kind: 'resume', ...port, acceptDamageAt: scan.damage?.offset ?? null };
}

async function main(argv: string[]): Promise<number> {
  let args: HostArgs;
  try {
    args = parseHostArgs(argv);
  } catch (e) {
    if (e instanceof ArgsError) {
      process.stderr.write(`quizroom host: ${e.message}\n\n${HOST_USAGE}\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
  if (args.help) {
    process.stdout.write(`${HOST_USAGE}\n`);
    return 0;
  }

  const journalDir = args['no-journal'] ? null : (args['journal-dir'] ?? defaultJournalDir());
  const plan = await planOf(args, journalDir);
  if ('exit' in plan) return plan.exit;
  const reports = new ReportStore(args.library ?? defaultLibraryDir());
  const opened = await openHostedRoom(
    plan,
    {
      journalDir,
      staticDir: process.env.QUIZROOM_STATIC_DIR ?? resolve(__dirname, '../renderer'),
      bind: args.bind,
      maxConnectionsPerAddress: args['max-per-address'],
    },
    {
      announce: args['no-mdns'] ? null : { log },
      reports: {
        store: reports,
        onSaved: (saved) => log(`Game report saved: ${saved.path}`),
        onError: (e) =>
          log(
            `Could not save the game report in ${reports.folder}: ${e instanceof Error ? e.message : String(e)}`,
          ),
      },
    },
  );
  if (!opened.ok) {
    const advice =
      opened.code === 'host_failed' ? ' Choose another port with --port, or leave --port out.' : '';
    process.stderr.write(`quizroom host: ${opened.message}${advice}\n`);
    return EXIT_FOR[opened.code];
  }
  const room = opened.room;
  const { server } = room;
  const { port, quiz } = server;
  const roomName = server.room.name;

  server.events.on('event', (event) => {
    const line = describeEvent(event);
    if (line) log(line);
  });

  const local = args.bind && args.bind !== '0.0.0.0' ? [args.bind] : lanIPv4Addresses().map((a) => a.address);
  log(
    `Room "${roomName}" is open with "${quiz.title}" (${quiz.questions.length} questions) on port ${port}.`,
  );
  if (server.pin) log(`PIN to join: ${server.pin}`);
  for (const address of local) log(`Players join at  ${playerUrl(address, port)}`);
  if (local.length === 0)
    log('No LAN address found: players on this machine can join at ' + playerUrl('127.0.0.1', port));
  log(
    `Host dashboard:   ${hostDashboardUrl(args.bind && args.bind !== '0.0.0.0' ? args.bind : '127.0.0.1', port, server.hostToken)}`,
  );
  log(room.announced ? 'Announced on the LAN with mDNS.' : 'Not announced on the LAN (--no-mdns).');
  log(
    server.journalPath
      ? `Game journal: ${server.journalPath} (resume after a crash with --resume)`
      : 'No game journal (--no-journal).',
  );
  log(`Game reports are saved in ${reports.folder}`);

  return new Promise<number>((resolveExit) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      log(`${signal}: closing the room.`);
      // Exit in bounded time even if the network is gone.
      setTimeout(() => resolveExit(0), 2000).unref();
      void room.close().then(() => resolveExit(0));
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(
      `quizroom host: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
    );
    process.exit(EXIT_UNEXPECTED);
  },
);
