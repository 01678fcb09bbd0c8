/**
 * What the server keeps per client address, shared by every socket from that address. Limits
 * belong to the sender, not to the socket: a fresh socket must not mean a fresh allowance, so
 * whatever is counted per sender lives here, keyed by address, and is forgotten when the
 * address's last socket closes. Today that is how many sockets the address has open.
 */

export interface AddressState {
  /** Sockets from this address that are open now. */
  connections: number;
}

export class AddressBook {
  private readonly byAddress = new Map<string, AddressState>();

  /** How many sockets `address` has open now. */
  connections(address: string): number {
    return this.byAddress.get(address)?.connections ?? 0;
  }

  /** A socket from `address` was let in. */
  opened(address: string): void {
    const state = this.byAddress.get(address);
    if (state) state.connections++;
    else this.byAddress.set(address, { connections: 1 });
  }

  /** A socket from `address` closed; the address is forgotten with its last socket. */
  closed(address: string): void {
    const state = this.byAddress.get(address);
    if (!state) return;
    if (--state.connections <= 0) this.byAddress.delete(address);
  }
}
