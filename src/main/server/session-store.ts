/**
 * Who is who: resume tokens to player ids, and each player's current connection. A player keeps
 * their token for the whole room; a kicked player's token is revoked and never works again.
 */
import { newToken, secretKey } from './tokens';

export class SessionStore<C> {
  /** Player ids by the secretKey of their token (see tokens.ts). */
  private readonly playerByToken = new Map<string, string>();
  private readonly tokenByPlayer = new Map<string, string>();
  private readonly connByPlayer = new Map<string, C>();

  /** Creates (or returns) the resume token of a player. */
  issue(playerId: string): string {
    let token = this.tokenByPlayer.get(playerId);
    if (!token) {
      token = newToken();
      this.tokenByPlayer.set(playerId, token);
      this.playerByToken.set(secretKey(token), playerId);
    }
    return token;
  }

  /** Restores a known token (journal replay). */
  restore(playerId: string, token: string): void {
    this.tokenByPlayer.set(playerId, token);
    this.playerByToken.set(secretKey(token), playerId);
  }

  playerOf(token: string): string | undefined {
    return this.playerByToken.get(secretKey(token));
  }

  revoke(playerId: string): void {
    const token = this.tokenByPlayer.get(playerId);
    if (token) this.playerByToken.delete(secretKey(token));
    this.tokenByPlayer.delete(playerId);
    this.connByPlayer.delete(playerId);
  }

  attach(playerId: string, conn: C): C | undefined {
    const previous = this.connByPlayer.get(playerId);
    this.connByPlayer.set(playerId, conn);
    return previous;
  }

  /** Detaches `conn` if it is still the player's connection; returns whether it was. */
  detach(playerId: string, conn: C): boolean {
    if (this.connByPlayer.get(playerId) !== conn) return false;
    this.connByPlayer.delete(playerId);
    return true;
  }

  connOf(playerId: string): C | undefined {
    return this.connByPlayer.get(playerId);
  }
}
