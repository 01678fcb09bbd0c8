/**
 * Everything the server sends, to one socket or to an audience, through one send queue (so each
 * socket gets its messages, and a close after its last one, in the order they were produced).
 * It owns the queue, the batches of coalesced messages with their timers, and the one rule for
 * a socket that cannot keep up: past MAX_BUFFERED_BYTES waiting it is cut, so that one stalled
 * phone never holds up the room. Messages are framed once (see text-frame.ts): a broadcast
 * writes the same bytes to every socket.
 */
import type { WebSocket } from 'ws';
import type { ErrorCode, ServerMessage } from '../../shared/protocol';
import type { Audience } from '../game';
import type { Clock } from './clock';
import { measurementPoints } from './measurement-points';
import { SendQueue, SLICE_MS } from './send-queue';
import { textFrame, writeFrames, type PreparedFrame } from './text-frame';

/** Longest error text sent to a client, in characters; longer ones are cut with an ellipsis. */
export const MAX_ERROR_TEXT = 500;
/** A socket with more than this waiting to be sent is too slow to keep: it is dropped. */
export const MAX_BUFFERED_BYTES = 1024 * 1024;
/** How often batched messages (answer counters, player counts) go out. */
export const COALESCE_MS = 100;
/**
 * A batched message for everyone waits this much longer per member of the audience (ms), so
 * that a lobby filling with thousands does not spend its time telling everyone the count: at
 * 2,000 the count goes out every 400 ms, at 5,000 every second.
 */
export const COALESCE_MS_PER_MEMBER = 0.2;

/** A member of an audience: its socket, and the player it plays as (for personal messages). */
export interface Recipient {
  readonly ws: WebSocket;
  readonly playerId: string | null;
}

export interface BroadcastOptions {
  /** Only the latest message with this key needs to arrive: it may wait for the batch. */
  coalesce?: string;
  /** Each player (by id) in the audience also gets their own message, in the same write. */
  personal?: ReadonlyMap<string, ServerMessage>;
}

interface Batch {
  pending: Map<string, ServerMessage>;
  timer: unknown;
}

/** Batched `answered` messages this module made by merging: its own, so it may add to them. */
const merged = new WeakSet<ServerMessage>();

/**
 * Who answered (`answered`) adds up rather than replaces: a batched one takes in the ids of the
 * one before it (same question), so the host gets every tick however the answers were batched.
 * The engine's messages are never changed; the merged one is made once per batch and grows in
 * place, so a burst of N answers costs O(N), not O(N²).
 */
function mergeAnswered(before: ServerMessage | undefined, msg: ServerMessage): ServerMessage {
  if (before?.type !== 'answered' || msg.type !== 'answered' || before.question !== msg.question) return msg;
  if (merged.has(before)) {
    before.ids.push(...msg.ids);
    return before;
  }
  const into: ServerMessage = { ...msg, ids: before.ids.concat(msg.ids) };
  merged.add(into);
  return into;
}

export class Broadcaster {
  private readonly queue: SendQueue;
  private readonly batches: Record<Audience, Batch> = {
    hosts: { pending: new Map(), timer: null },
    everyone: { pending: new Map(), timer: null },
    guests: { pending: new Map(), timer: null },
  };

  constructor(
    private readonly clock: Clock,
    /** The audience as it is now (it changes as people come and go). */
    private readonly audienceOf: (audience: Audience) => ReadonlySet<Recipient>,
    sliceMs = SLICE_MS,
  ) {
    this.queue = new SendQueue(sliceMs, undefined, measurementPoints.sendSlice);
  }

  /** Sends `msg` to one socket; `then`, if given, leaves in the same write right after it. */
  send(ws: WebSocket, msg: ServerMessage, then?: ServerMessage): void {
    if (ws.readyState === ws.OPEN) {
      const first = textFrame(JSON.stringify(msg));
      const second = then === undefined ? undefined : textFrame(JSON.stringify(then));
      this.queue.each([ws], (target) => {
        if (this.writable(target)) writeFrames(target, first, second);
      });
    }
    if (measurementPoints.send.active) measurementPoints.send.publish({ msg });
  }

  /** Tells one socket what was wrong; `ref` names the message type it answers. */
  fail(ws: WebSocket, code: ErrorCode, text: string, ref?: string): void {
    // Long texts (a list of every issue of a big message) are cut: an error costs the host little.
    const message = text.length > MAX_ERROR_TEXT ? `${text.slice(0, MAX_ERROR_TEXT - 1)}…` : text;
    this.send(
      ws,
      ref === undefined ? { type: 'error', code, message } : { type: 'error', code, message, ref },
    );
  }

  /** Closes `ws` once everything queued for it before (its last error message) has gone out. */
  closeAfterSends(ws: WebSocket, code: number, reason: string): void {
    this.queue.each([ws], (target) => target.close(code, reason));
  }

  /** Sends `msg` to an audience: now, or with the next batch when it may be coalesced. */
  toAudience(audience: Audience, msg: ServerMessage, options: BroadcastOptions = {}): void {
    if (options.coalesce) {
      const batch = this.batches[audience];
      batch.pending.set(options.coalesce, mergeAnswered(batch.pending.get(options.coalesce), msg));
      const delay =
        audience === 'hosts'
          ? COALESCE_MS
          : Math.max(COALESCE_MS, this.audienceOf('everyone').size * COALESCE_MS_PER_MEMBER);
      batch.timer ??= this.clock.setTimeout(() => this.flushBatch(audience), delay);
      return;
    }
    // Batched counters go first, so that none arrives after the phase it counted. A message for
    // the hosts only flushes only the hosts' counters: flushing the player count to everyone on
    // every join's roster update made a join storm cost O(N) sends per join.
    this.flushBatch('hosts');
    if (audience !== 'hosts') this.flushBatch('guests');
    if (audience === 'everyone') this.flushBatch('everyone');
    this.broadcast(this.audienceOf(audience), msg, options.personal);
  }

  /**
   * This turn has already done long work (scoring a round): sending starts on the next turn
   * instead of lengthening this one (see SendQueue.yieldTurn).
   */
  yieldTurn(): void {
    this.queue.yieldTurn();
  }

  /**
   * The room is closing: batches not yet due are dropped, and everything already queued is
   * written now, before the sockets' close frames.
   */
  finish(): void {
    for (const batch of Object.values(this.batches)) this.clock.clearTimeout(batch.timer);
    this.queue.flush();
  }

  /** Sends one audience's batched messages now. */
  private flushBatch(audience: Audience): void {
    const batch = this.batches[audience];
    this.clock.clearTimeout(batch.timer);
    batch.timer = null;
    if (batch.pending.size === 0) return;
    const messages = [...batch.pending.values()];
    batch.pending.clear();
    for (const msg of messages) this.broadcast(this.audienceOf(audience), msg);
  }

  /**
   * Serializes and frames once and queues the same bytes for every socket (the audience as it is
   * now; a player who joins meanwhile gets a snapshot instead). Effects are never changed after
   * the step that made them, so serializing later sends what the step meant. With `personal`,
   * each player whose id it holds also gets that message, in the same write: it is serialized
   * when its turn comes, so that a round close does not serialize every player's result in one go.
   */
  private broadcast(
    targets: ReadonlySet<Recipient>,
    msg: ServerMessage,
    personal?: ReadonlyMap<string, ServerMessage>,
  ): void {
    measurementPoints.broadcast.around(
      () => ({ msg, sockets: targets.size }),
      () => {
        // Framed when its turn comes: a big message (every player's standings) waiting behind a
        // broadcast to thousands is not serialized in the step that produced it.
        let shared: PreparedFrame | null = null;
        this.queue.each([...targets], (to) => {
          if (!this.writable(to.ws)) return;
          shared ??= textFrame(JSON.stringify(msg));
          const own = personal && to.playerId !== null ? personal.get(to.playerId) : undefined;
          writeFrames(to.ws, shared, own === undefined ? undefined : textFrame(JSON.stringify(own)));
        });
        return this.queue.pending;
      },
    );
  }

  /** Whether `ws` can take a frame now; a socket too far behind is cut. */
  private writable(ws: WebSocket): boolean {
    if (ws.readyState !== ws.OPEN) return false;
    if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
      ws.terminate();
      return false;
    }
    return true;
  }
}
