/**
 * What the desktop's network check answers (see src/main/network): each of the machine's
 * addresses with what it is, and findings in plain words: what stands in the way of players
 * reaching this computer, and what to do about it. Plain types: the renderer reads them too.
 */

/** What an interface is, from its name and address. */
export type InterfaceKind = 'lan' | 'vpn' | 'virtual' | 'link-local';

export interface CheckedAddress {
  interface: string;
  address: string;
  kind: InterfaceKind;
  /** The port answered when called on this address (absent: not tried). */
  reachable?: boolean;
  /** Another device's multicast (mDNS) was seen on this interface (absent: not tried). */
  multicast?: boolean;
}

export type FindingCode =
  | 'no_lan'
  | 'only_virtual'
  | 'vpn_on'
  | 'port_unreachable'
  | 'firewall_likely'
  | 'multicast_not_seen'
  | 'ready';

export interface NetworkFinding {
  code: FindingCode;
  /** problem: players cannot join this way; warning: some may not; ok: nothing in the way. */
  severity: 'problem' | 'warning' | 'ok';
  /** What is wrong, in words the host understands. */
  says: string;
  /** What to do about it. */
  todo: string;
}

export interface NetworkCheck {
  /** The port that was tried: the room's while hosting, else a temporary one. */
  port: number;
  hosting: boolean;
  addresses: CheckedAddress[];
  findings: NetworkFinding[];
}
