/** Which page the window loads in a dev run (src/main/app/dev-server.ts), and its policy. */
import { describe, expect, it } from 'vitest';
import { devServerOrigin, devWindowCsp, isDevServerUrl } from '../../src/main/app/dev-server';

describe('the dev server address', () => {
  it('is taken from VITE_DEV_SERVER_URL in an unpackaged run', () => {
    expect(devServerOrigin({ VITE_DEV_SERVER_URL: 'http://localhost:5173/' }, false)).toBe(
      'http://localhost:5173',
    );
    expect(devServerOrigin({ VITE_DEV_SERVER_URL: 'http://127.0.0.1:5199' }, false)).toBe(
      'http://127.0.0.1:5199',
    );
    expect(devServerOrigin({ VITE_DEV_SERVER_URL: 'http://[::1]:5173/' }, false)).toBe('http://[::1]:5173');
  });

  it('is ignored by a packaged build, whatever the environment says', () => {
    expect(devServerOrigin({ VITE_DEV_SERVER_URL: 'http://localhost:5173/' }, true)).toBeNull();
  });

  it('is none when the variable is not set', () => {
    expect(devServerOrigin({}, false)).toBeNull();
  });

  it.each(['https://example.com/', 'http://192.168.1.20:5173/', 'file:///tmp/index.html', 'not a url'])(
    'refuses %s: the privileged window loads only a page on this computer',
    (url) => {
      expect(() => devServerOrigin({ VITE_DEV_SERVER_URL: url }, false)).toThrow(/VITE_DEV_SERVER_URL/);
    },
  );

  it('recognises its own pages only', () => {
    expect(isDevServerUrl('http://localhost:5173', 'http://localhost:5173/src/main.tsx')).toBe(true);
    expect(isDevServerUrl('http://localhost:5173', 'http://localhost:5174/')).toBe(false);
    expect(isDevServerUrl('http://localhost:5173', 'app://quizroom/index.html')).toBe(false);
    expect(isDevServerUrl('http://localhost:5173', 'nonsense')).toBe(false);
  });

  it('gives the dev page a policy with the HMR socket of its own origin and no other network', () => {
    const csp = devWindowCsp('http://localhost:5173');
    expect(csp).toContain("connect-src 'self' ws://localhost:5173;");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/\*|https?:\/\/(?!localhost)/);
  });
});
