/**
 * The kernel's count of connections dropped because a listen queue was full (TcpExt
 * ListenOverflows in /proc/net/netstat): a join storm that overflows it pays TCP retransmission
 * delays of 1 s and more. Machine-wide, so other programs' overflows count too. Null off Linux.
 */
import { readFileSync } from 'node:fs';

export function listenOverflows(): number | null {
  try {
    const lines = readFileSync('/proc/net/netstat', 'utf8').split('\n');
    for (let i = 0; i + 1 < lines.length; i += 2) {
      const names = lines[i]!.split(/\s+/);
      const values = lines[i + 1]!.split(/\s+/);
      if (names[0] !== 'TcpExt:') continue;
      const at = names.indexOf('ListenOverflows');
      return at > 0 ? Number(values[at]) : null;
    }
  } catch {
    /* not Linux */
  }
  return null;
}
