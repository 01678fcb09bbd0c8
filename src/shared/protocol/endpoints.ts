/**
 * Where a host answers: its default port and its two paths. Every host (desktop or headless)
 * listens on one port and serves the web player at `/`, the game's WebSocket at SOCKET_PATH and
 * its health at HEALTH_PATH (see health.ts); every client builds its URLs from these.
 */
export const DEFAULT_PORT = 7420;
export const SOCKET_PATH = '/ws';
export const HEALTH_PATH = '/health';

/** The WebSocket URL of the host at `address:port` (IPv6 addresses in brackets). */
export function socketUrlOf(address: string, port: number): string {
  const host = address.includes(':') ? `[${address}]` : address;
  return `ws://${host}:${port}${SOCKET_PATH}`;
}
