/**
 * The check a browser makes before listing a room as joinable: GET /health on an address the room
 * announced. The answer comes from whatever is listening there, so it is validated.
 */
import http from 'node:http';
import { z } from 'zod';
import { GAME_STATUSES } from './room-info';

/** Resolves true when a Quizroom host answers well at `address:port`; never rejects. */
export type HealthCheck = (address: string, port: number) => Promise<boolean>;

const MAX_BODY_BYTES = 16 * 1024;
/** Never ask more addresses than this per room: the list comes from the network. */
const MAX_ADDRESSES_CHECKED = 4;

export const healthSchema = z.object({
  protocol: z.number().int().nonnegative(),
  players: z.number().int().nonnegative(),
  state: z.enum(GAME_STATUSES),
  room: z.string(),
});

export function httpHealthCheck(timeoutMs = 1500): HealthCheck {
  return (address, port) =>
    new Promise((resolve) => {
      const req = http.get(
        {
          host: address,
          port,
          path: '/health',
          agent: false,
          headers: { accept: 'application/json' },
          signal: AbortSignal.timeout(timeoutMs),
        },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            body += chunk;
            if (body.length > MAX_BODY_BYTES) req.destroy();
          });
          res.on('end', () => resolve(res.statusCode === 200 && isHealthy(body)));
          res.on('error', () => resolve(false));
        },
      );
      req.on('error', () => resolve(false));
    });
}

function isHealthy(body: string): boolean {
  try {
    return healthSchema.safeParse(JSON.parse(body)).success;
  } catch {
    return false;
  }
}

/** Checks the first few addresses at once; resolves with the first that answers well. */
export function findHealthyAddress(
  addresses: readonly string[],
  port: number,
  check: HealthCheck,
): Promise<string | undefined> {
  const candidates = addresses.slice(0, MAX_ADDRESSES_CHECKED);
  return new Promise((resolve) => {
    let pending = candidates.length;
    if (pending === 0) resolve(undefined);
    for (const address of candidates) {
      check(address, port)
        .catch(() => false)
        .then((ok) => {
          if (ok) resolve(address);
          if (--pending === 0) resolve(undefined);
        });
    }
  });
}
