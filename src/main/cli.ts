/**
 * The headless host: `npm run host -- [options]`. Loads a quiz, opens the room (its server runs on
 * a thread of its own: server/server-thread.ts), announces it on the LAN, prints the URLs for
 * players and for the host dashboard, and logs the game as it goes.
 * Ctrl-C or SIGTERM closes every socket with "going away" and exits 0.
 */
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { QuizError } from '../shared/quiz/load-quiz';
import {
  ArgsError,
  defaultJournalDir,
  defaultLibraryDir,
  HOST_USAGE,
  parseHostArgs,
  type HostArgs,
} from './headless/host-args';
import {
  describeDamage,
  findInterruptedJournal,
  JournalError,
  scanJournal,
  type JournalScan,
} from './server/game-journal';
import { describeEvent } from './headless/event-log';
import { importSummaryLines } from './library/importers/import-summary';
import { openQuiz } from './library/read-quiz-file';
import { saveReportOnGameOver } from './reports/report-recorder';
import { ReportStore } from './reports/report-store';
import { hostDashboardUrl, lanIPv4Addresses, playerUrl } from './server/lan-addresses';
import { ListenError } from './server/quiz-server';
import { ServerThread, type ServerStart } from './server/server-thread';
import { newPin } from './server/tokens';
import { announceServer } from './discovery/announce-server';

const EXIT_USAGE = 2;
const EXIT_QUIZ = 3;
const EXIT_LISTEN = 4;
const EXIT_RESUME = 5;

function log(line: string): void {
  const time = new Date().toTimeString().slice(0, 8);
  process.stdout.write(`${time}  ${line}\n`);
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
  const common = {
    bind: args.bind,
    staticDir: process.env.QUIZROOM_STATIC_DIR ?? resolve(__dirname, '../renderer'),
    maxConnectionsPerAddress: args['max-per-address'] ?? 64,
    journalDir,
  };
  let start: ServerStart;
  if (args.resume) {
    const path = journalDir ? findInterruptedJournal(journalDir) : null;
    if (!path) {
      process.stderr.write(`quizroom host: there is no interrupted game to resume in ${journalDir}.\n`);
      return EXIT_RESUME;
    }
    let scan: JournalScan;
    try {
      scan = scanJournal(path);
    } catch (e) {
      if (!(e instanceof JournalError)) throw e;
      process.stderr.write(`quizroom host: ${e.message}\n`);
      return EXIT_RESUME;
    }
    if (scan.damage && !args['accept-damage']) {
      process.stderr.write(
        `quizroom host: ${describeDamage(path, scan.damage)}\n` +
          'Nothing was changed. To resume up to the damage anyway, run again with --resume --accept-damage ' +
          '(a copy of the journal as it is now is kept beside it).\n',
      );
      return EXIT_RESUME;
    }
    start = {
      kind: 'resume',
      path,
      acceptDamageAt: scan.damage?.offset ?? null,
      options: { ...common, ...(args.port !== undefined ? { port: args.port } : {}) },
    };
    log(`Resuming the room recorded in ${path}.`);
    if (scan.damage) log(`Resuming up to the damage (--accept-damage): ${describeDamage(path, scan.damage)}`);
    if (scan.tail)
      log(
        `Cut ${scan.tail.bytes} bytes after the last whole record: a write the crash cut short, never acknowledged.`,
      );
  } else {
    let quiz;
    try {
      const opened = await openQuiz(args.quiz);
      quiz = opened.quiz;
      // What the import took and skipped, before the room opens.
      const summary = opened.imported
        ? importSummaryLines(opened.imported, args.quiz ?? 'the quiz file')
        : [];
      for (const line of summary) log(line);
    } catch (e) {
      if (e instanceof QuizError) {
        process.stderr.write(`quizroom host: ${e.message}\n`);
        return EXIT_QUIZ;
      }
      throw e;
    }
    start = {
      kind: 'new',
      options: {
        ...common,
        quiz,
        roomName: args.name ?? `${hostname()}'s quiz`,
        port: args.port,
        strictPort: args.port !== undefined,
        pin: args.pin ? newPin() : null,
        settings: {
          ...(args['min-players'] !== undefined ? { minPlayers: args['min-players'] } : {}),
          ...(args['question-time'] !== undefined ? { questionSeconds: args['question-time'] } : {}),
          ...(args['max-players-per-address'] !== undefined
            ? { maxPlayersPerAddress: args['max-players-per-address'] }
            : {}),
        },
      },
    };
  }

  let server: ServerThread;
  try {
    server = await ServerThread.start(start);
  } catch (e) {
    if (e instanceof JournalError) {
      process.stderr.write(`quizroom host: ${e.message}\n`);
      return EXIT_RESUME;
    }
    if (e instanceof ListenError) {
      process.stderr.write(`quizroom host: ${e.message}\n`);
      return EXIT_LISTEN;
    }
    throw e;
  }
  const { port, quiz } = server;
  const roomName = server.room.name;

  server.events.on('event', (event) => {
    const line = describeEvent(event);
    if (line) log(line);
  });
  const reports = new ReportStore(args.library ?? defaultLibraryDir());
  saveReportOnGameOver(server, reports, {
    onSaved: (saved) => log(`Game report saved: ${saved.path}`),
    onError: (e) =>
      log(
        `Could not save the game report in ${reports.folder}: ${e instanceof Error ? e.message : String(e)}`,
      ),
  });
  const announcement = args['no-mdns'] ? null : announceServer(server, roomName, log);

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
  log(announcement ? 'Announced on the LAN with mDNS.' : 'Not announced on the LAN (--no-mdns).');
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
      void Promise.allSettled([announcement?.stop(), server.close()]).then(() => resolveExit(0));
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
    process.exit(1);
  },
);
