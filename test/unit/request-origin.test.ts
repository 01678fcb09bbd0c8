import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, hostAllowed, originAllowed } from '../../src/main/server/request-origin';

describe('Host names the host serves', () => {
  it('takes IP literals, localhost, this machine and .local names, and no other name', () => {
    for (const host of [
      undefined,
      '',
      '192.168.1.20:7420',
      '[::1]:7420',
      '10.0.0.5',
      'localhost:7420',
      'quiz.localhost',
    ])
      expect(hostAllowed(host), String(host)).toBe(true);
    expect(hostAllowed(`${hostname()}:7420`)).toBe(true);
    expect(hostAllowed('quizroom-laptop-a1b2.local:7420')).toBe(true);
    for (const host of [
      'rebind.example:7420',
      'rebind.example',
      'evil.example.',
      '192.168.1.20.nip.io',
      'a b',
    ])
      expect(hostAllowed(host), host).toBe(false);
  });
});

describe('Origins that may open a socket', () => {
  it('takes none, the app, and pages of this host at its port', () => {
    expect(originAllowed(undefined, 7420)).toBe(true);
    expect(originAllowed(APP_ORIGIN, 7420)).toBe(true);
    expect(originAllowed('http://127.0.0.1:7420', 7420)).toBe(true);
    expect(originAllowed('http://localhost:7420', 7420)).toBe(true);
    expect(originAllowed('http://192.168.1.20:7420', 7420, '192.168.1.20:7420')).toBe(true);
  });

  it('refuses other sites, other ports, and opaque origins', () => {
    expect(originAllowed('http://127.0.0.1:8080', 7420)).toBe(false);
    expect(originAllowed('https://quiz-cheats.example', 7420, '192.168.1.20:7420')).toBe(false);
    expect(originAllowed('http://192.168.1.99:7420', 7420, '192.168.1.20:7420')).toBe(false);
    expect(originAllowed('null', 7420)).toBe(false);
    expect(originAllowed('file://', 7420)).toBe(false);
    expect(originAllowed('chrome-extension://abc', 7420)).toBe(false);
    // A rebound name matches its own Host, but that Host is refused.
    expect(originAllowed('http://rebind.example:7420', 7420, 'rebind.example:7420')).toBe(false);
  });
});
