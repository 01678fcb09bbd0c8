/**
 * The server's named measurement points, heard by a subscriber while a real game runs over real
 * sockets: what a benchmark builds its figures from, with nothing of the server patched.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Input } from '../../src/main/game';
import { measurementPoints } from '../../src/main/server/measurement-points';
import type { ServerMessage } from '../../src/shared/protocol';
import { TestHost } from '../support/test-host';
import { waitFor } from '../support/wait';

/** Everything heard at the points, in order, as short lines. */
class Recorder {
  readonly lines: string[] = [];
  private readonly stops: (() => void)[] = [];

  constructor() {
    const p = measurementPoints;
    const step = {
      start: (c: { input: Input }) => this.lines.push(`step start ${c.input.kind}`),
      end: (c: { input: Input }) => this.lines.push(`step end ${c.input.kind}`),
    };
    const broadcast = {
      end: (c: { msg: ServerMessage; sockets: number }) =>
        this.lines.push(`broadcast ${c.msg.type} to ${c.sockets}`),
    };
    const send = (c: { msg: ServerMessage }) => this.lines.push(`send ${c.msg.type}`);
    const flush = {
      start: () => this.lines.push('journal flush start'),
      end: () => this.lines.push('journal flush end'),
    };
    const heartbeat = { end: () => this.lines.push('heartbeat') };
    const slice = { end: () => this.lines.push('send slice') };
    p.step.subscribe(step);
    p.broadcast.subscribe(broadcast);
    p.send.subscribe(send);
    p.journalFlush.subscribe(flush);
    p.heartbeat.subscribe(heartbeat);
    p.sendSlice.subscribe(slice);
    this.stops.push(
      () => p.step.unsubscribe(step),
      () => p.broadcast.unsubscribe(broadcast),
      () => p.send.unsubscribe(send),
      () => p.journalFlush.unsubscribe(flush),
      () => p.heartbeat.unsubscribe(heartbeat),
      () => p.sendSlice.unsubscribe(slice),
    );
  }

  has(line: string): boolean {
    return this.lines.includes(line);
  }

  indexOf(line: string): number {
    return this.lines.indexOf(line);
  }

  stop(): void {
    for (const s of this.stops.splice(0)) s();
  }
}

let host: TestHost | null = null;
let recorder: Recorder | null = null;
let dir: string | null = null;
afterEach(async () => {
  recorder?.stop();
  recorder = null;
  await host?.stop();
  host = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

/** A host screen and one player, the game started and its first question answered. */
async function playOneAnswer(h: TestHost): Promise<void> {
  const dashboard = await h.hostClient();
  const ada = await h.player('Ada');
  dashboard.client.start();
  await ada.waitFor('countdown');
  h.clock.advance(3000);
  await ada.waitFor('question', (m) => m.question.index === 0);
  ada.client.answer(0);
  await ada.waitFor('answer_ack');
}

describe("the server's measurement points", () => {
  it('time each engine step, the question broadcast and the acknowledgement of an answer', async () => {
    recorder = new Recorder();
    host = await new TestHost({ settings: { minPlayers: 0 } }).start();
    await playOneAnswer(host);
    const r = recorder;
    await waitFor(() => r.has('send answer_ack'), 'the acknowledgement at the send point');

    for (const kind of ['join', 'host', 'timer', 'answer']) {
      expect(r.indexOf(`step start ${kind}`)).toBeGreaterThanOrEqual(0);
      expect(r.indexOf(`step end ${kind}`)).toBeGreaterThan(r.indexOf(`step start ${kind}`));
    }
    // The question goes to the host screen and the player, inside the step that opened it.
    const question = r.indexOf('broadcast question to 2');
    expect(question).toBeGreaterThan(r.indexOf('step start timer'));
    expect(question).toBeLessThan(r.indexOf('step end timer'));
    // Without a journal, the acknowledgement leaves inside the answer's step.
    expect(r.indexOf('send answer_ack')).toBeLessThan(r.indexOf('step end answer'));
    expect(r.has('journal flush start')).toBe(false);
  });

  it('show a journaled step releasing its effects only at the journal flush', async () => {
    dir = mkdtempSync(join(tmpdir(), 'quizroom-points-'));
    recorder = new Recorder();
    host = await new TestHost({ settings: { minPlayers: 0 }, journalDir: dir }).start();
    await playOneAnswer(host);
    const r = recorder;
    await waitFor(() => r.has('send answer_ack'), 'the acknowledgement at the send point');

    // The acknowledgement waits for the answer to be on disk: it leaves inside the flush after the step.
    const answered = r.indexOf('step end answer');
    const flush = r.lines.indexOf('journal flush start', answered);
    const ack = r.indexOf('send answer_ack');
    expect(flush).toBeGreaterThan(answered);
    expect(ack).toBeGreaterThan(flush);
    expect(r.lines.indexOf('journal flush end', flush)).toBeGreaterThan(ack);
  });

  it('time the heartbeat', async () => {
    recorder = new Recorder();
    host = await new TestHost({ heartbeatMs: 20 }).start();
    await host.hostClient();
    const r = recorder;
    await waitFor(() => r.has('heartbeat'), 'a heartbeat at its point');
  });
});
