/**
 * Stable error codes carried by `error` messages. Clients branch on the code; the message that
 * comes with it is for people.
 */
export const ERROR_CODES = [
  // Framing and validation
  'binary_frame',
  'bad_json',
  'unknown_type',
  'invalid_message',
  'rate_limited',
  // Session
  'hello_required',
  'already_hello',
  'protocol_unsupported',
  'unknown_token',
  'not_joined',
  'already_joined',
  'forbidden',
  'replaced',
  'kicked',
  'too_many_connections',
  // Joining
  'name_invalid',
  'name_taken',
  /** The host removed and blocked a player with this name (or one that looks the same). */
  'name_blocked',
  /** The swear-word filter refused the name. */
  'name_profane',
  /** The room takes only generated names. */
  'name_not_generated',
  'pin_required',
  'pin_wrong',
  /** Too many wrong PINs from this address: the PIN was not looked at; the message says how long to wait. */
  'pin_wait',
  'room_full',
  'address_full',
  /** No longer sent: a latecomer waits for the next game instead. Kept for older clients. */
  'game_started',
  // Playing and hosting
  'wrong_phase',
  'not_open',
  'already_answered',
  'invalid_option',
  'too_late',
  'unknown_player',
  'invalid_quiz',
  'unknown_quiz',
  /** A team the room does not have, or teams are off. */
  'unknown_team',
  // Identity (settings `identity`; docs/protocol.md)
  /** The class-list name was picked by another player. */
  'identity_taken',
  /** No such name on the class list (or none given). */
  'identity_unknown',
  /** The identifier asked for is missing, too long or holds control characters. */
  'identity_invalid',
  // Remote controls (a phone that took the host's controls)
  /** No such pass: a mistyped or guessed one (counted like a wrong PIN). */
  'pass_wrong',
  /** The pass was already used by another phone: ask the host for a new code. */
  'pass_used',
  /** The pass is older than its 2 minutes: ask the host for a new code. */
  'pass_expired',
  /** Too many wrong passes or PINs from this address: the pass was not looked at. */
  'pass_wait',
  /** The host took the controls back from this phone: its token no longer works. */
  'remote_revoked',
  /** A remote token the host does not know (the room restarted), or no such remote to revoke. */
  'unknown_remote',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** WebSocket close codes the host uses (4000-4999 is the application range). */
export const CLOSE_CODES = {
  goingAway: 1001,
  tooLarge: 1009,
  protocolUnsupported: 4000,
  kicked: 4001,
  replaced: 4002,
  flood: 4003,
  helloTimeout: 4004,
  tooManyConnections: 4006,
  /** Too many wrong PINs from this address: the socket is closed (a new one may try after the wait). */
  pinFailures: 4007,
  /** The host closed the room on purpose: it is over, reconnecting cannot help. */
  roomClosed: 4008,
  /** The host took back the controls from this phone: final, it does not reconnect. */
  remoteRevoked: 4009,
} as const;
