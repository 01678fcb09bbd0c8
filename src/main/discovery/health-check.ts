/**
 * Asking a host how it is: GET /health on an address, as a browser does before listing a room as
 * joinable and as the desktop app does before connecting to an address. The answer comes from
 * whatever is listening there, so its size is bounded and it is checked against the one schema of
 * a /health answer (shared/protocol/health-schema.ts), which the server's own answer follows.
 */
import http from 'node:http';
import { HEALTH_PATH } from '../../shared/protocol/endpoints';
import type { HealthInfo } from '../../shared/protocol/health';
import { HealthSchema } from '../../shared/protocol/health-schema';

/** Resolves true when a Quizroom host answers well at `address:port`; never rejects. */
export type HealthCheck = (address: string, port: number) => Promise<boolean>;

/** What asking gave: the host's health, or why there is none. */
export type HealthAnswer =
  | { ok: true; health: HealthInfo }
  /** `unreachable`: nothing answered in time; `not_quizroom`: something answered, not a Quizroom host. */
  | { ok: false; problem: 'unreachable' }
  | { ok: false; problem: 'not_quizroom'; detail: string };

const MAX_BODY_BYTES = 16 * 1024;
/** Never ask more addresses than this per room: the list comes from the network. */
const MAX_ADDRESSES_CHECKED = 4;

/** GET /health at `address:port` (IPv6 addresses too); never rejects. */
export function fetchHealth(address: string, port: number, timeoutMs: number): Promise<HealthAnswer> {
  return new Promise((resolve) => {
    const req = http.get(
      {
        host: address,
        port,
        path: HEALTH_PATH,
        agent: false,
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(timeoutMs),
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
          if (body.length > MAX_BODY_BYTES) {
            resolve({ ok: false, problem: 'not_quizroom', detail: 'its answer is too long' });
            req.destroy();
          }
        });
        res.on('end', () => {
          if (res.statusCode !== 200)
            return resolve({ ok: false, problem: 'not_quizroom', detail: `HTTP ${res.statusCode}` });
          resolve(readHealth(body));
        });
        res.on('error', () => resolve({ ok: false, problem: 'unreachable' }));
      },
    );
    req.on('error', () => resolve({ ok: false, problem: 'unreachable' }));
  });
}

function readHealth(body: string): HealthAnswer {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return { ok: false, problem: 'not_quizroom', detail: 'its answer is not JSON' };
  }
  const parsed = HealthSchema.safeParse(value);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path.join('.') || 'the answer';
    return { ok: false, problem: 'not_quizroom', detail: `its answer has no valid "${field}"` };
  }
  return { ok: true, health: parsed.data };
}

export function httpHealthCheck(timeoutMs = 1500): HealthCheck {
  return (address, port) => fetchHealth(address, port, timeoutMs).then((answer) => answer.ok);
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
