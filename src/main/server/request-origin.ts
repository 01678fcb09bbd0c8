/**
 * Whose page a request comes from. A browser sends `Host` with every request and `Origin` with
 * every WebSocket upgrade, and neither can be forged by a page. A `Host` that names a foreign
 * domain means DNS rebinding (a web page whose name now points at this machine): refused. An
 * upgrade whose `Origin` is not this host's own page (the very address the upgrade was sent to,
 * as its `Host` says, which a proxy or port forward in between keeps; one of this machine's
 * addresses, localhost, its name or an mDNS `.local` name at this server's port; or the desktop
 * app's own page) comes from some web page a player opened: refused. Native clients send no `Origin` and are let in.
 * Pure apart from reading the machine's addresses (cached a few seconds).
 */
import { isIP } from 'node:net';
import { hostname, networkInterfaces } from 'node:os';

/** The desktop app's own page (see app/app-files.ts). */
export const APP_ORIGIN = 'app://quizroom';
/** How long the machine's addresses are reused before they are read again. */
const ADDRESSES_TTL_MS = 5_000;

let cached: { at: number; names: Set<string> } | null = null;

/** Names and addresses of this machine, lower-case, IPv6 without brackets. */
export function ownNames(now = Date.now()): Set<string> {
  if (cached && now - cached.at < ADDRESSES_TTL_MS) return cached.names;
  const names = new Set<string>(['localhost', '127.0.0.1', '::1']);
  const host = hostname().toLowerCase();
  if (host) names.add(host).add(`${host}.local`);
  for (const infos of Object.values(networkInterfaces()))
    for (const info of infos ?? []) names.add(info.address.toLowerCase());
  cached = { at: now, names };
  return names;
}

/** `host` without brackets or a trailing dot, lower-case. */
function bare(host: string): string {
  return host
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
}

/** A name no web page can make point at this machine: a name of its own (not one in public DNS). */
function localName(name: string): boolean {
  return (
    name === 'localhost' || name.endsWith('.localhost') || name.endsWith('.local') || ownNames().has(name)
  );
}

/**
 * Whether an HTTP `Host` header may be served: absent (HTTP/1.0 tools), an IP literal, or a name
 * of this machine. Anything else is a name in someone's DNS: rebinding.
 */
export function hostAllowed(hostHeader: string | undefined): boolean {
  if (hostHeader === undefined || hostHeader === '') return true;
  let name: string;
  try {
    name = bare(new URL(`http://${hostHeader}`).hostname);
  } catch {
    return false;
  }
  return isIP(name) !== 0 || localName(name);
}

/**
 * Whether a WebSocket upgrade with this `Origin` may go on: none (a native client), the desktop
 * app's page, or a page of this server: the address the upgrade went to (`hostHeader`, already
 * checked by `hostAllowed`), or one of this machine's names or addresses at `port`.
 */
export function originAllowed(origin: string | undefined, port: number, hostHeader?: string): boolean {
  if (origin === undefined) return true;
  if (origin === APP_ORIGIN) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (hostHeader !== undefined && url.host === hostHeader.toLowerCase() && hostAllowed(hostHeader))
    return true;
  const urlPort = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
  if (urlPort !== port) return false;
  const name = bare(url.hostname);
  return ownNames().has(name) || name === 'localhost' || name.endsWith('.local');
}
