/**
 * Opening a hosted room, the one way both apps do it (the desktop app's Host and Resume, the
 * headless host's start and --resume): the competition server on its own thread, the LAN
 * announcement, a saved report for every finished game, and failures turned into a code and a
 * message a person can act on. What each app adds on top (the desktop's own host and player
 * clients, the headless host's console) stays with that app.
 */
import type { SettingsPatch } from '../../shared/protocol';
import type { Quiz } from '../../shared/quiz/quiz-schema';
import type { MediaStore } from '../media/media-store';
import { announceServer } from '../discovery/announce-server';
import type { DiscoveryLog } from '../discovery/room-info';
import type { GameReport } from '../reports/game-report';
import { saveReportOnGameOver } from '../reports/report-recorder';
import type { ReportStore, SavedReport } from '../reports/report-store';
import { JournalError } from '../server/game-journal';
import { ListenError } from '../server/listener';
import { ServerThread, type ServerStart } from '../server/server-thread';
import { newPin } from '../server/tokens';
import { interruptedJournal } from './interrupted-room';
import { MAX_CONNECTIONS_PER_ADDRESS } from './room-defaults';

/** The room to open: a new one, or the interrupted one recorded in the journal folder. */
export type RoomPlan =
  | {
      kind: 'new';
      quiz: Quiz;
      /**
       * Where the quiz's pictures and sounds are (names as in the quiz): the library's media
       * store, or the folder a package was opened into; served to phones as `/media/<name>`.
       * Absent: the quiz has none.
       */
      media?: MediaStore;
      roomName: string;
      /** Joiners must give a PIN (a fresh 6-digit one). */
      pin: boolean;
      settings: SettingsPatch;
      /** The port to try first (DEFAULT_PORT when absent); `strictPort`: that one only. */
      port?: number;
      strictPort?: boolean;
    }
  /**
   * Same room, quiz, tokens and (unless `port` says otherwise) port as before the interruption.
   * A journal damaged in the middle is resumed up to the damage only when `acceptDamageAt` names
   * where it is (the damage the person was shown); otherwise it is refused with what would be lost.
   */
  | { kind: 'resume'; port?: number; acceptDamageAt?: number | null; media?: MediaStore };

/** Where and how this computer hosts: the same for every room an app opens. */
export interface HostingPlace {
  /** Folder of the game journals (a room there survives a crash); null keeps none. */
  journalDir: string | null;
  /** The built web player that phones load; null serves none. */
  staticDir: string | null;
  /** Listen on this address only; every interface by default. */
  bind?: string;
  maxConnectionsPerAddress?: number;
  /** The server thread's built script; the one beside the main bundle by default. */
  serverWorker?: string;
}

export interface RoomServices {
  /** Announce the room on the LAN (discovery's problems go to `log`), or not at all (null). */
  announce: { log?: DiscoveryLog } | null;
  /** Save every finished game's report in `store`, or none (null). */
  reports: {
    store: Pick<ReportStore, 'save'>;
    onSaved(saved: SavedReport, report: GameReport): void;
    onError(error: unknown): void;
  } | null;
}

export type OpenRoomCode =
  /** The server could not listen (port in use, no permission, an address not of this machine). */
  | 'host_failed'
  /** There is no interrupted room to resume. */
  | 'nothing_to_resume'
  /** The interrupted room's journal cannot be resumed. */
  | 'resume_failed'
  /** The server thread failed in a way nobody planned for. */
  | 'server_failed';

export type OpenRoomResult =
  { ok: true; room: HostedRoom } | { ok: false; code: OpenRoomCode; message: string };

/** A room this app hosts: its server thread, announced and recording reports until closed. */
export class HostedRoom {
  /** Resolves when the server thread has ended: after close(), or by itself on an error in it. */
  readonly ended: Promise<void>;
  private closing: Promise<void> | null = null;

  constructor(
    readonly server: ServerThread,
    private readonly stopAnnouncing: (() => Promise<void>) | null,
    private readonly stopReports: () => Promise<void>,
  ) {
    this.ended = server.ended;
  }

  get announced(): boolean {
    return this.stopAnnouncing !== null;
  }

  /**
   * Withdraws the announcement and closes the room at once; resolves when both are done and the
   * last game's report (if one is being saved) is on disk.
   */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.allSettled([this.stopAnnouncing?.(), this.server.close()]);
      await this.stopReports();
    })();
    return this.closing;
  }
}

export async function openHostedRoom(
  plan: RoomPlan,
  place: HostingPlace,
  services: RoomServices,
): Promise<OpenRoomResult> {
  const start = serverStart(plan, place);
  if (!start.ok) return start;
  let server: ServerThread;
  try {
    server = await ServerThread.start(start.spec, place.serverWorker);
  } catch (e) {
    return { ok: false, ...openFailure(e) };
  }
  // Reports first: a game cannot end before the room is announced, but nothing is missed either way.
  const stopReports = services.reports
    ? saveReportOnGameOver(server, services.reports.store, services.reports)
    : () => Promise.resolve();
  const announcer = services.announce
    ? announceServer(server, server.room.name, services.announce.log)
    : null;
  return { ok: true, room: new HostedRoom(server, announcer ? () => announcer.stop() : null, stopReports) };
}

function serverStart(
  plan: RoomPlan,
  place: HostingPlace,
): { ok: true; spec: ServerStart } | { ok: false; code: OpenRoomCode; message: string } {
  const common = {
    bind: place.bind,
    staticDir: place.staticDir,
    maxConnectionsPerAddress: place.maxConnectionsPerAddress ?? MAX_CONNECTIONS_PER_ADDRESS,
    journalDir: place.journalDir,
    mediaDir: plan.media?.dir ?? null,
  };
  if (plan.kind === 'resume') {
    const path = interruptedJournal(place.journalDir);
    if (!path) {
      const where = place.journalDir ? ` in ${place.journalDir}` : '';
      return {
        ok: false,
        code: 'nothing_to_resume',
        message: `There is no interrupted game to resume${where}.`,
      };
    }
    const port = plan.port === undefined ? {} : { port: plan.port };
    return {
      ok: true,
      spec: {
        kind: 'resume',
        path,
        acceptDamageAt: plan.acceptDamageAt ?? null,
        options: { ...common, ...port },
      },
    };
  }
  return {
    ok: true,
    spec: {
      kind: 'new',
      options: {
        ...common,
        quiz: plan.quiz,
        roomName: plan.roomName,
        port: plan.port,
        strictPort: plan.strictPort ?? false,
        pin: plan.pin ? newPin() : null,
        settings: plan.settings,
      },
    },
  };
}

/** What went wrong opening a room, in words a person can act on. */
export function openFailure(e: unknown): { code: OpenRoomCode; message: string } {
  if (e instanceof ListenError) return { code: 'host_failed', message: e.message };
  if (e instanceof JournalError) return { code: 'resume_failed', message: e.message };
  const why = e instanceof Error ? e.message : String(e);
  return { code: 'server_failed', message: `The room could not open: ${why}` };
}
