/**
 * Remote controls' pure parts: what a phone that holds the host's controls may send (refused by
 * type, before its fields are read) and the short device names the host lists. (How the phone's
 * page takes the pass out of its address: test/e2e/remote-controls.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { decodeClientMessage, REMOTE_FORBIDDEN } from '../../src/main/server/message-decoder';
import { deviceLabel } from '../../src/main/server/remote-controls';
import { HOST_COMMAND_TYPES, REMOTE_COMMAND_TYPES } from '../../src/shared/protocol';

const text = (value: unknown) => Buffer.from(JSON.stringify(value));

describe("a remote control's commands", () => {
  it('lets the game steps through', () => {
    for (const type of REMOTE_COMMAND_TYPES) {
      const msg = type === 'pause' ? { type, paused: true } : { type };
      expect(decodeClientMessage(text(msg), false, 'remote')).toEqual({ ok: true, message: msg });
    }
  });

  it('refuses every other host command by its type, before its fields are read', () => {
    const others = HOST_COMMAND_TYPES.filter((t) => !(REMOTE_COMMAND_TYPES as readonly string[]).includes(t));
    expect(others).toContain('settings');
    expect(others).toContain('kick');
    for (const type of others) {
      // Fields that would not even validate: the type alone decides.
      expect(decodeClientMessage(text({ type, junk: 'x'.repeat(100) }), false, 'remote')).toEqual({
        ok: false,
        refusal: { code: 'forbidden', message: REMOTE_FORBIDDEN, ref: type },
      });
    }
  });
});

describe('device names in the list of remotes', () => {
  it.each([
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
      'iPhone Safari',
    ],
    [
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36',
      'Android Chrome',
    ],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:120.0) Gecko/20100101 Firefox/120.0', 'Windows Firefox'],
    [undefined, 'Unknown device'],
    ['curl/8.0', 'Unknown device'],
  ])('%s → %s', (ua, label) => {
    expect(deviceLabel(ua)).toBe(label);
  });
});
