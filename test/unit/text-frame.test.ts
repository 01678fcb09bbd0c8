import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { textFrame, writeFrames } from '../../src/main/server/text-frame';

describe('prebuilt text frames', () => {
  it('use the 7-bit length up to 125 bytes', () => {
    const { frame, payload } = textFrame('x'.repeat(125));
    expect([...frame.subarray(0, 2)]).toEqual([0x81, 125]);
    expect(frame.length).toBe(127);
    expect(payload.toString()).toBe('x'.repeat(125));
  });

  it('use the 16-bit length from 126 bytes to 65,535', () => {
    for (const n of [126, 65_535]) {
      const { frame } = textFrame('y'.repeat(n));
      expect(frame[1]).toBe(126);
      expect(frame.readUInt16BE(2)).toBe(n);
      expect(frame.length).toBe(n + 4);
    }
  });

  it('use the 64-bit length from 65,536 bytes', () => {
    const { frame } = textFrame('z'.repeat(70_000));
    expect(frame[1]).toBe(127);
    expect(frame.readBigUInt64BE(2)).toBe(70_000n);
    expect(frame.length).toBe(70_010);
  });

  it('count UTF-8 bytes, not characters', () => {
    const { frame, payload } = textFrame('é'.repeat(100));
    expect(frame[1]).toBe(126);
    expect(frame.readUInt16BE(2)).toBe(200);
    expect(payload.toString('utf8')).toBe('é'.repeat(100));
  });

  it('arrive at a ws client as the same texts, in order with ordinary sends', async () => {
    const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false });
    try {
      await once(wss, 'listening');
      const client = new WebSocket(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}`);
      const [server] = (await once(wss, 'connection')) as [WebSocket];
      const got: string[] = [];
      client.on('message', (data, isBinary) =>
        got.push(`${isBinary ? 'binary' : 'text'}:${String(data).slice(0, 12)}:${String(data).length}`),
      );
      await once(client, 'open');
      server.send('first');
      writeFrames(server, textFrame('{"type":"a"}'));
      // Two frames in one write: a reveal and the player's own result, say.
      writeFrames(server, textFrame('é'.repeat(100)), textFrame('b'.repeat(70_000)));
      server.send('last');
      while (got.length < 5) await once(client, 'message');
      expect(got).toEqual([
        'text:first:5',
        'text:{"type":"a"}:12',
        `text:${'é'.repeat(12)}:100`,
        `text:${'b'.repeat(12)}:70000`,
        'text:last:4',
      ]);
      client.close();
    } finally {
      wss.close();
    }
  });
});
