/**
 * Frames a hostile or broken client might send, drawn from a seeded generator: random bytes and
 * text, truncated JSON, huge and odd numbers, deep nesting, prototype-pollution keys, wrong types,
 * valid messages at the wrong time or from the wrong role, stolen and made-up tokens, binary and
 * fragmented frames. Each frame says whether the host closes the connection for it (`fatal`), so
 * that a test can send those last.
 */
import { randomBytes } from 'node:crypto';
import { CLIENT_MESSAGE_TYPES, PROTOCOL_VERSION } from '../../src/shared/protocol';
import { MAX_PAYLOAD } from '../../src/main/server/listener';
import type { SeededRandom } from './seeded-random';

export type FrameKind =
  | 'random-text'
  | 'binary'
  | 'truncated-json'
  | 'huge-number'
  | 'deep-nesting'
  | 'prototype-keys'
  | 'wrong-types'
  | 'valid-out-of-phase'
  | 'token'
  | 'random-json'
  | 'odd-unicode'
  | 'fragmented'
  | 'invalid-utf8'
  | 'oversized'
  | 'bad-protocol';

export interface Frame {
  kind: FrameKind;
  /** Text frames are strings; `binary` frames and raw (possibly invalid) text bytes are Buffers. */
  data: string | Buffer;
  binary: boolean;
  /** Sent in this many fragments (1: a single frame). */
  fragments: number;
  /** The host closes the connection for it (1007, 1009, or 4000 before hello). */
  fatal: boolean;
}

/** What the generator may borrow from the room it attacks. */
export interface FrameContext {
  /** Resume tokens of players the attacker itself joined (to steal between its own sockets). */
  ownTokens: string[];
  /** Tokens it must never hold but may guess near: honest players' and the host's. */
  secretTokens: string[];
  /** Player ids it has seen (for kick). */
  playerIds: string[];
}

const NON_FATAL: [FrameKind, number][] = [
  ['random-text', 8],
  ['binary', 5],
  ['truncated-json', 8],
  ['huge-number', 8],
  ['deep-nesting', 4],
  ['prototype-keys', 10],
  ['wrong-types', 12],
  ['valid-out-of-phase', 20],
  ['token', 8],
  ['random-json', 8],
  ['odd-unicode', 6],
  ['fragmented', 3],
];
const FATAL: FrameKind[] = ['invalid-utf8', 'oversized', 'bad-protocol'];

const HUGE_NUMBERS = [
  '1e308',
  '-1e308',
  '1e999',
  '-1e999',
  '9007199254740993',
  '-9007199254740993',
  '-0',
  '5e-324',
  '1.7976931348623157e308',
  '123456789012345678901234567890123456789',
  '0.30000000000000004',
  '4294967296',
  '-2147483649',
  '1E+2',
  '0e0',
];
const ODD_VALUES: unknown[] = [null, true, false, [], {}, '', 'x', -1, 0.5, 1e21, [0], { a: 1 }, '0', 'NaN'];
const KEYS = [
  'type',
  'question',
  'option',
  'name',
  'pin',
  'token',
  'protocol',
  't',
  'settings',
  'quiz',
  'playerId',
];
const PROTO_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
];
const ODD_STRINGS = [
  '\\ud800',
  '\\udfff',
  '\\ud83d',
  '\\u0000',
  '\\u202e',
  '\\u200b',
  '\\ufeff',
  '\\u0007',
  'e\\u0301\\u0301\\u0301\\u0301\\u0301\\u0301\\u0301\\u0301\\u0301\\u0301\\u0301\\u0301\\u0301\\u0301\\u0301\\u0301\\u0301\\u0301\\u0301\\u0301\\u0301\\u0301\\u0301\\u0301\\u0301',
  '👨‍👩‍👧‍👦',
  '🏳️‍🌈🏳️‍🌈🏳️‍🌈🏳️‍🌈🏳️‍🌈🏳️‍🌈🏳️‍🌈🏳️‍🌈🏳️‍🌈🏳️‍🌈🏳️‍🌈🏳️‍🌈🏳️‍🌈',
  'ＡＤＭＩＮ',
  'İstanbul',
  '\\r\\n',
  '%00',
  '<script>alert(1)</script>',
  '${7*7}',
  '"; DROP TABLE players; --',
];

function weighted(rng: SeededRandom, table: [FrameKind, number][]): FrameKind {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let r = rng.next() * total;
  for (const [kind, w] of table) {
    r -= w;
    if (r < 0) return kind;
  }
  return table[table.length - 1]![0];
}

export class FrameGenerator {
  constructor(
    private readonly rng: SeededRandom,
    private readonly ctx: FrameContext,
  ) {}

  /** A frame that the host answers without closing the connection. */
  next(): Frame {
    return this.make(weighted(this.rng, NON_FATAL));
  }

  /** A frame the host closes the connection for. */
  fatal(): Frame {
    return this.make(this.rng.pick(FATAL));
  }

  private text(kind: FrameKind, data: string, fragments = 1): Frame {
    return { kind, data, binary: false, fragments, fatal: false };
  }

  private make(kind: FrameKind): Frame {
    const r = this.rng;
    switch (kind) {
      case 'random-text':
        return this.text(kind, this.randomString(r.int(0, 300)));
      case 'binary':
        return { kind, data: r.bytes(r.int(0, 600)), binary: true, fragments: 1, fatal: false };
      case 'truncated-json': {
        const full = JSON.stringify(this.validMessage());
        return this.text(kind, full.slice(0, r.int(0, full.length - 1)));
      }
      case 'huge-number':
        return this.text(kind, this.hugeNumberMessage());
      case 'deep-nesting':
        return this.text(kind, this.deepMessage());
      case 'prototype-keys':
        return this.text(kind, this.prototypeMessage());
      case 'wrong-types':
        return this.text(kind, JSON.stringify(this.wrongTypes()));
      case 'valid-out-of-phase':
        return this.text(kind, JSON.stringify(this.validMessage()));
      case 'token':
        return this.text(kind, JSON.stringify(this.tokenHello()));
      case 'random-json':
        return this.text(kind, JSON.stringify(this.randomJson(4)) ?? 'null');
      case 'odd-unicode': {
        const s = r.pick(ODD_STRINGS) + r.pick(ODD_STRINGS);
        const key = r.pick(['name', 'playerId', 'token', 'pin']);
        const type = key === 'playerId' ? 'kick' : key === 'token' ? 'hello' : 'join';
        const extra = type === 'hello' ? `,"protocol":${PROTOCOL_VERSION}` : '';
        return this.text(kind, `{"type":"${type}","${key}":"${s}"${extra}}`);
      }
      case 'fragmented':
        return this.text(kind, JSON.stringify(this.validMessage()), r.int(2, 5));
      case 'invalid-utf8': {
        const bytes = r.bytes(r.int(1, 200));
        bytes[r.int(0, bytes.length - 1)] = r.pick([0xff, 0xfe, 0xc0, 0xc1, 0xf5]);
        return { kind, data: bytes, binary: false, fragments: 1, fatal: true };
      }
      case 'oversized': {
        const size = MAX_PAYLOAD + r.int(1, 64 * 1024);
        return {
          kind,
          data: `{"type":"join","name":"${'x'.repeat(size)}"}`,
          binary: false,
          fragments: 1,
          fatal: true,
        };
      }
      case 'bad-protocol':
        // Closes (4000) only before hello; after it the host answers already_hello.
        return {
          kind,
          data: JSON.stringify({ type: 'hello', protocol: r.pick([0, 2, -1, 99, 2 ** 31]) }),
          binary: false,
          fragments: 1,
          fatal: true,
        };
    }
  }

  randomString(n: number): string {
    const r = this.rng;
    let s = '';
    for (let i = 0; i < n; i++) {
      const roll = r.next();
      if (roll < 0.6) s += String.fromCharCode(r.int(0x20, 0x7e));
      else if (roll < 0.8) s += r.pick(['{', '}', '[', ']', '"', ':', ',', '\\']);
      else if (roll < 0.95) s += String.fromCodePoint(r.int(0xa0, 0x2fff));
      else s += String.fromCodePoint(r.int(0x1f300, 0x1faff));
    }
    return s;
  }

  /** A message that passes the schema (though the host may refuse it for its role or the phase). */
  validMessage(): Record<string, unknown> {
    const r = this.rng;
    switch (r.int(0, 11)) {
      case 0:
        return { type: 'hello', protocol: PROTOCOL_VERSION };
      case 1:
      case 2:
        return { type: 'join', name: `Fz${r.int(0, 1_000_000)}` };
      case 3:
      case 4:
      case 5:
        return { type: 'answer', question: r.int(0, 6), option: r.int(0, 4) };
      case 6:
        return { type: 'ping', t: r.int(-1e9, 1e12) };
      case 7:
        return { type: r.pick(['start', 'next', 'skip', 'end']) };
      case 8:
        return {
          type: 'kick',
          playerId: this.ctx.playerIds.length > 0 ? r.pick(this.ctx.playerIds) : `p${r.int(1, 50)}`,
        };
      case 9:
        return {
          type: 'settings',
          settings: { questionSeconds: r.int(5, 240), minPlayers: 0, lateJoin: r.chance(0.5) },
        };
      case 10:
        return {
          type: 'new_game',
          quiz: {
            title: 'Hijack',
            questions: [{ kind: 'choice', prompt: 'Mine?', options: ['a', 'b'], correct: 0 }],
          },
        };
      default:
        return { type: 'join', name: 'Fz', pin: String(r.int(0, 999_999)).padStart(6, '0') };
    }
  }

  private hugeNumberMessage(): string {
    const r = this.rng;
    const n = () => r.pick(HUGE_NUMBERS);
    switch (r.int(0, 5)) {
      case 0:
        return `{"type":"answer","question":${n()},"option":${n()}}`;
      case 1:
        return `{"type":"ping","t":${n()}}`;
      case 2:
        return `{"type":"hello","protocol":${n()}}`;
      case 3:
        return `{"type":"settings","settings":{"questionSeconds":${n()},"maxPlayers":${n()}}}`;
      case 4:
        return `{"type":"answer","question":0,"option":${n()}}`;
      default:
        return n();
    }
  }

  private deepMessage(): string {
    const r = this.rng;
    const budget = MAX_PAYLOAD - 100;
    const arrays = r.chance(0.5);
    const depth = r.int(50, arrays ? budget / 2 : budget / 6);
    const deep = arrays
      ? '['.repeat(depth) + ']'.repeat(depth)
      : '{"a":'.repeat(depth) + '0' + '}'.repeat(depth);
    switch (r.int(0, 5)) {
      case 0:
        return deep;
      case 1:
        return `{"type":"join","name":${deep}}`;
      case 2:
        return `{"type":"settings","settings":${deep}}`;
      case 3:
        return `{"type":"new_game","quiz":${deep}}`;
      case 4:
        return `{"type":"answer","question":${deep},"option":0}`;
      default:
        // Never closed: not JSON.
        return '['.repeat(depth);
    }
  }

  private prototypeMessage(): string {
    const r = this.rng;
    const key = r.pick(PROTO_KEYS);
    const payload = r.pick([
      '{"polluted":true}',
      '{"isHost":true,"role":"host"}',
      '{"prototype":{"polluted":true}}',
      '{"type":"start"}',
      '{"minPlayers":0,"maxPlayers":1}',
      'null',
      '"host"',
    ]);
    switch (r.int(0, 8)) {
      case 0:
        return `{"${key}":${payload}}`;
      case 1:
        return `{"type":"join","name":"Proto","${key}":${payload}}`;
      case 2:
        return `{"type":"settings","settings":{"${key}":${payload}}}`;
      case 3:
        return `{"type":"hello","protocol":${PROTOCOL_VERSION},"${key}":${payload}}`;
      case 4:
        return `{"type":"answer","question":0,"option":0,"${key}":${payload}}`;
      case 5:
        return `{"type":"${key}"}`;
      case 6:
        return `{"type":"join","name":"${key}"}`;
      case 7:
        return `{"type":"kick","playerId":"${key}"}`;
      default:
        return `{"type":"new_game","quiz":{"title":"t","${key}":${payload},"questions":[{"kind":"choice","prompt":"p","options":["a","b"],"correct":0,"${key}":${payload}}]}}`;
    }
  }

  private wrongTypes(): Record<string, unknown> {
    const r = this.rng;
    const msg = this.validMessage();
    const keys = Object.keys(msg);
    const key = r.pick(keys);
    msg[key] =
      key === 'type'
        ? r.pick([...ODD_VALUES, 'Answer', 'JOIN', ' join', 'join ', 'answers'])
        : r.pick(ODD_VALUES);
    if (r.chance(0.3)) msg[r.pick(KEYS)] = r.pick(ODD_VALUES);
    return msg;
  }

  /** A hello with a token that is stolen (from the attacker's own players), guessed or malformed. */
  tokenHello(): Record<string, unknown> {
    const r = this.rng;
    const tamper = (t: string) => {
      const i = r.int(0, t.length - 1);
      const c = t[i] === 'A' ? 'B' : 'A';
      return t.slice(0, i) + c + t.slice(i + 1);
    };
    let token: unknown;
    const roll = r.int(0, 9);
    if (roll <= 2 && this.ctx.ownTokens.length > 0) token = r.pick(this.ctx.ownTokens);
    else if (roll <= 4 && this.ctx.secretTokens.length > 0) token = tamper(r.pick(this.ctx.secretTokens));
    else if (roll === 5) token = randomBytes(18).toString('base64url');
    else if (roll === 6) token = 'A'.repeat(r.int(129, 4000));
    else if (roll === 7) token = r.pick(['', ' ', '../../etc/passwd', 'null', '__proto__', 'constructor']);
    else if (roll === 8) token = r.pick(ODD_VALUES);
    else token = this.randomString(r.int(1, 60));
    return { type: 'hello', protocol: PROTOCOL_VERSION, token };
  }

  private randomJson(depth: number): unknown {
    const r = this.rng;
    const roll = r.int(0, depth <= 0 ? 3 : 6);
    switch (roll) {
      case 0:
        return r.pick(ODD_VALUES);
      case 1:
        return r.int(-1e6, 1e6);
      case 2:
        return this.randomString(r.int(0, 20));
      case 3:
        return r.pick([...CLIENT_MESSAGE_TYPES, 'nope']);
      case 4:
        return Array.from({ length: r.int(0, 5) }, () => this.randomJson(depth - 1));
      default: {
        // No prototype, so that a "__proto__" key becomes a key of the message and not its prototype.
        const obj = Object.create(null) as Record<string, unknown>;
        if (r.chance(0.7)) obj.type = r.pick([...CLIENT_MESSAGE_TYPES, 'nope', 'Hello']);
        for (let i = r.int(0, 4); i > 0; i--)
          obj[r.pick([...KEYS, ...PROTO_KEYS])] = this.randomJson(depth - 1);
        return obj;
      }
    }
  }
}
