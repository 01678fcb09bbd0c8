import { describe, expect, it } from 'vitest';
import { decodeClientMessage } from '../../src/main/server/message-decoder';
import { CLIENT_MESSAGE_TYPES, PROTOCOL_VERSION } from '../../src/shared/protocol';

const text = (value: unknown) => Buffer.from(JSON.stringify(value));

describe('decoding a client frame', () => {
  it('gives a valid message as the typed ClientMessage', () => {
    const decoded = decodeClientMessage(text({ type: 'hello', protocol: PROTOCOL_VERSION }), false, 'host');
    expect(decoded).toEqual({ ok: true, message: { type: 'hello', protocol: PROTOCOL_VERSION } });
  });

  it('reads a message that arrived in fragments', () => {
    const json = JSON.stringify({ type: 'answer', question: 0, option: 2 });
    const fragments = [Buffer.from(json.slice(0, 7)), Buffer.from(json.slice(7))];
    expect(decodeClientMessage(fragments, false, 'host')).toEqual({
      ok: true,
      message: { type: 'answer', question: 0, option: 2 },
    });
  });

  it('reads a message given as an ArrayBuffer', () => {
    const bytes = text({ type: 'ping', t: 5 });
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer;
    expect(decodeClientMessage(buffer, false, 'host')).toEqual({ ok: true, message: { type: 'ping', t: 5 } });
  });

  it('refuses a binary frame, saying to send JSON text', () => {
    const decoded = decodeClientMessage(text({ type: 'ping', t: 1 }), true, 'host');
    expect(decoded).toEqual({
      ok: false,
      refusal: { code: 'binary_frame', message: 'Send JSON text frames; binary frames are not understood.' },
    });
  });

  it('refuses text that is not JSON', () => {
    expect(decodeClientMessage(Buffer.from('{"type": "ping"'), false, 'host')).toEqual({
      ok: false,
      refusal: { code: 'bad_json', message: 'The message is not valid JSON.' },
    });
  });

  it('refuses a message without a type, listing the types there are', () => {
    for (const value of [{ t: 1 }, [1, 2], 'hello', null, 42, { type: 7 }]) {
      const decoded = decodeClientMessage(text(value), false, 'host');
      expect(decoded.ok).toBe(false);
      if (decoded.ok) continue;
      expect(decoded.refusal.code).toBe('unknown_type');
      expect(decoded.refusal.message).toBe(
        `Message type missing is not known; expected one of ${CLIENT_MESSAGE_TYPES.join(', ')}.`,
      );
      expect(decoded.refusal.ref).toBeUndefined();
    }
  });

  it('names an unknown type, cut to 40 characters', () => {
    const decoded = decodeClientMessage(text({ type: `steal_${'x'.repeat(100)}` }), false, 'host');
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(decoded.refusal.code).toBe('unknown_type');
    expect(decoded.refusal.message).toContain(`"steal_${'x'.repeat(34)}"`);
    expect(decoded.refusal.message).not.toContain('x'.repeat(35));
  });

  it('says which field of a known type is wrong, and names the type', () => {
    const decoded = decodeClientMessage(text({ type: 'answer', question: 0, option: 'b' }), false, 'host');
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(decoded.refusal.code).toBe('invalid_message');
    expect(decoded.refusal.ref).toBe('answer');
    expect(decoded.refusal.message).toMatch(/^Invalid "answer" message: .*option/);
  });

  it('calls a new game with a broken quiz an invalid quiz', () => {
    const decoded = decodeClientMessage(
      text({ type: 'new_game', quiz: { title: 'No questions' } }),
      false,
      'host',
    );
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(decoded.refusal.code).toBe('invalid_quiz');
    expect(decoded.refusal.ref).toBe('new_game');
    expect(decoded.refusal.message).toMatch(/^The quiz of "new_game" is not valid: /);
  });
});

describe('host commands from others', () => {
  it('are refused from a connection that is not the host, before their fields are validated', () => {
    const quiz = { title: 'x'.repeat(10_000), questions: 'not a list' };
    const decoded = decodeClientMessage(text({ type: 'new_game', quiz }), false, 'other');
    expect(decoded).toEqual({
      ok: false,
      refusal: { code: 'forbidden', message: 'Only the host can do that.', ref: 'new_game' },
    });
    expect(decodeClientMessage(text({ type: 'new_game', quiz }), false, 'before_hello')).toMatchObject({
      refusal: { code: 'hello_required' },
    });
    // The same frame from the host is validated, and its issues said.
    const fromHost = decodeClientMessage(text({ type: 'new_game', quiz }), false, 'host');
    expect(fromHost.ok || fromHost.refusal.code).toBe('invalid_quiz');
  });
});
