/**
 * Someone guessing the PIN, seen from the host's dashboard in real Chromium: wrong PINs from five
 * devices (raw sockets bound to 127.0.0.91 …) make the dashboard's banner say so.
 */
import { describe, expect, it } from 'vitest';
import { RawSocket } from '../support/raw-socket';
import { capture } from './support/audit';
import { visible } from './support/players';
import { useBrowserAndHost } from './support/suite';

describe('PIN guessing', () => {
  const { host, open } = useBrowserAndHost({ pin: '482913' });

  it('tells the host of a burst of wrong PINs on the dashboard', { timeout: 60_000 }, async () => {
    const h = host();
    const dashboard = await open();
    await dashboard.goto(h.hostUrl);
    await visible(dashboard.getByText(/Host · 0 players/));
    const bots: RawSocket[] = [];
    try {
      for (let i = 1; i <= 5; i++) {
        const bot = await RawSocket.hello(`ws://127.0.0.1:${h.server.port}/ws`, undefined, {
          localAddress: `127.0.0.${90 + i}`,
        });
        bots.push(bot);
        bot.send({ type: 'join', name: `Guess ${i}`, pin: String(100000 + i) });
        await bot.waitError('pin_wrong');
      }
      const banner = dashboard.getByRole('status').filter({ hasText: '5 wrong PINs' });
      await visible(banner);
      expect(await banner.textContent()).toMatch(/from 5 devices: someone may be guessing the PIN/);
      await capture(dashboard, 'host-pin-guessing');
    } finally {
      for (const b of bots) b.destroy();
    }
  });
});
