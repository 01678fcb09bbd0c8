/**
 * Rooms on other computers: the Join screen's list (LAN discovery, updating live), and the
 * connection to the one this app joins as a guest, after asking its /health (the one schema of a
 * /health answer, shared with the server and with discovery) so that a wrong address fails with a
 * message instead of a client that reconnects forever.
 */
import WebSocket from 'ws';
import type { IntentResult, RoomListing } from '../../shared/api/quiz-api';
import { failure, OK } from '../../shared/api/intent-results';
import { QuizClient, type WebSocketFactory } from '../../shared/client/quiz-client';
import { PROTOCOL_VERSION, socketUrlOf } from '../../shared/protocol';
import type { DiscoveredRoom, Discovery } from '../discovery';
import { fetchHealth } from '../discovery/health-check';
import { MAX_PAYLOAD } from '../server/listener';
import { RemoteMedia } from './remote-media';

/** How long an address may take to answer /health before Join says it cannot be reached. */
const CONNECT_CHECK_MS = 3000;

/**
 * The socket to a room on another computer. Whatever answers there may not be a Quizroom host:
 * its frames are held to the limit our host holds its players to (ws would take 100 MiB), which
 * every message a player receives fits well within (test/unit/player-frame-size.test.ts), and
 * nothing is inflated (our host never compresses).
 */
class RemoteHostSocket extends WebSocket {
  constructor(url: string) {
    super(url, { maxPayload: MAX_PAYLOAD, perMessageDeflate: false });
  }
}

export class RemoteRooms {
  private discovery: Discovery | null = null;
  private listed: RoomListing[] = [];
  private joined: { client: QuizClient; unsubscribe: () => void } | null = null;
  /** The joined room's pictures and sounds, for the window (remote-media.ts). */
  readonly media = new RemoteMedia();

  constructor(
    private readonly createDiscovery: () => Discovery,
    /** Called whenever the list or the joined room's view changes. */
    private readonly changed: () => void,
  ) {}

  get rooms(): RoomListing[] {
    return this.listed;
  }

  /** The room this app joined as a guest, if any. */
  get client(): QuizClient | null {
    return this.joined?.client ?? null;
  }

  /** Starts browsing the LAN (the Join screen's list). */
  startBrowsing(): void {
    if (this.discovery) return;
    this.discovery = this.createDiscovery();
    this.discovery.subscribe((rooms) => {
      this.listed = rooms.map(toListing);
      this.changed();
    });
    this.discovery.start();
  }

  refreshRooms(): void {
    if (!this.discovery) this.startBrowsing();
    else this.discovery.refresh();
  }

  /** Connects to the room at `address:port` as a guest (the Join screen then joins). */
  async connect(address: string, port: number): Promise<IntentResult> {
    const where = `${address}:${port}`;
    const answer = await fetchHealth(address, port, CONNECT_CHECK_MS);
    if (!answer.ok) {
      return answer.problem === 'unreachable'
        ? failure(
            'unreachable',
            `No Quizroom host answers at ${where}. Check the address and that both devices are on the same network.`,
          )
        : failure('unreachable', `${where} answered but is not a Quizroom host (${answer.detail}).`);
    }
    if (answer.health.protocol !== PROTOCOL_VERSION) {
      return failure(
        'protocol_unsupported',
        `The host at ${where} speaks protocol ${answer.health.protocol}; this app speaks ${PROTOCOL_VERSION}.`,
      );
    }
    this.close();
    this.media.setHost({ address, port });
    const client = new QuizClient({
      url: socketUrlOf(address, port),
      WebSocket: RemoteHostSocket as unknown as WebSocketFactory,
    });
    this.joined = { client, unsubscribe: client.subscribe(() => this.changed()) };
    client.connect();
    return OK;
  }

  /** Gives up the seat (so that the room need not wait for it) and disconnects. */
  leave(): void {
    this.joined?.client.leaveGame();
    this.close();
    this.changed();
  }

  /** Disconnects from the joined room, if any, without a word to it. */
  close(): void {
    this.media.setHost(null);
    this.joined?.unsubscribe();
    this.joined?.client.close();
    this.joined = null;
  }

  async stopBrowsing(): Promise<void> {
    const discovery = this.discovery;
    this.discovery = null;
    await discovery?.stop();
  }
}

function toListing(room: DiscoveredRoom): RoomListing {
  return {
    id: room.id,
    name: room.name,
    host: room.host,
    addresses: room.addresses,
    port: room.port,
    players: room.players,
    status: room.status,
    pinRequired: room.pinRequired,
    joinable: room.joinable,
    lastSeen: room.lastSeen,
  };
}
