/**
 * Remote controls' pure parts: what a phone that holds the host's controls may send (refused by
 * type, before its fields are read), the short device names the host lists, and how the web page
 * takes a pass out of its address.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeClientMessage, REMOTE_FORBIDDEN } from '../../src/main/server/message-decoder';
import { deviceLabel } from '../../src/main/server/remote-controls';
import { HOST_COMMAND_TYPES, REMOTE_COMMAND_TYPES } from '../../src/shared/protocol';
import { REMOTE_TOKEN_KEY, takeRemote } from '../../src/renderer/api/web-adapter';

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

describe('the phone page and its pass', () => {
  const store = new Map<string, string>();
  vi.stubGlobal('sessionStorage', {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
    removeItem: (k: string) => void store.delete(k),
  });
  afterEach(() => store.clear());

  function page(href: string) {
    const replaced: string[] = [];
    const history = {
      state: null,
      replaceState: (_s: unknown, _t: string, url: string) => replaced.push(url),
    };
    return { loc: { href } as Location, history: history as unknown as History, replaced };
  }

  it('takes the pass out of the address bar and never keeps it', () => {
    store.set(REMOTE_TOKEN_KEY, 'old-token');
    const { loc, history, replaced } = page('http://192.168.1.20:7420/?remote=PASS123#x');
    expect(takeRemote(loc, history)).toEqual({ pass: 'PASS123' });
    expect(replaced).toEqual(['/#x']);
    // A new code replaces the controls this tab held; the pass itself is stored nowhere.
    expect([...store.values()]).toEqual([]);
  });

  it("comes back with the tab's remote token after a reload", () => {
    store.set(REMOTE_TOKEN_KEY, 'remote-token');
    const { loc, history, replaced } = page('http://192.168.1.20:7420/');
    expect(takeRemote(loc, history)).toEqual({ token: 'remote-token' });
    expect(replaced).toEqual([]);
  });

  it('is no remote on an ordinary page', () => {
    const { loc, history } = page('http://192.168.1.20:7420/');
    expect(takeRemote(loc, history)).toBeNull();
  });
});
