/** The pure parts of LAN discovery: TXT records, names and address order (no network). */
import { describe, expect, it } from 'vitest';
import { createFakeDiscovery, type DiscoveredRoom, type RoomAnnouncement } from '../../src/main/discovery';
import { orderAddresses } from '../../src/main/discovery/room-addresses';
import { instanceName, targetHost } from '../../src/main/discovery/service-names';
import { decodeTxt, encodeTxt } from '../../src/main/discovery/txt-record';

const announcement: RoomAnnouncement = {
  roomName: 'Friday quiz',
  hostName: 'alice-laptop',
  port: 4800,
  protocol: 1,
  players: 7,
  status: 'STARTED',
  pinRequired: true,
};

describe('TXT record', () => {
  it('reads back what a host writes', () => {
    const txt = encodeTxt(announcement);
    expect(txt).toEqual({
      v: '1',
      room: 'Friday quiz',
      host: 'alice-laptop',
      players: '7',
      state: 'STARTED',
      pin: '1',
    });
    const { port: _port, ...fields } = announcement;
    expect(decodeTxt(txt)).toEqual({ ok: true, value: fields });
  });

  it.each([
    ['a missing field', { v: '1', room: 'x', host: 'h', players: '1', state: 'STARTED' }, 'pin'],
    ['a player count that is not a number', { ...encodeTxt(announcement), players: '-3' }, 'players'],
    ['an unknown state', { ...encodeTxt(announcement), state: 'PAUSED' }, 'state'],
    ['an empty room name', { ...encodeTxt(announcement), room: '' }, 'room'],
  ])('rejects %s, naming the field', (_what, txt, field) => {
    const result = decodeTxt(txt);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(`"${field}"`);
  });

  it('rejects a service without a TXT record', () => {
    expect(decodeTxt(undefined).ok).toBe(false);
  });

  it('keeps names within a TXT string and without control characters', () => {
    const txt = encodeTxt({ ...announcement, roomName: 'Quiz\nnight ' + 'é'.repeat(200) });
    expect(txt.room.startsWith('Quiz night ')).toBe(true);
    expect(Buffer.byteLength(`room=${txt.room}`)).toBeLessThanOrEqual(255);
  });
});

describe('service names', () => {
  it('makes an instance name from room, host and the random part', () => {
    expect(instanceName('Friday quiz', 'alice.local', '0a1b2c3d')).toBe(
      'Friday quiz - alice-local - 0a1b2c3d',
    );
  });

  it('keeps the instance name within one 63-byte DNS label, whole characters only', () => {
    const name = instanceName('Ω'.repeat(80), 'host', '0a1b2c3d');
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(63);
    expect(name.endsWith(' - 0a1b2c3d')).toBe(true);
    expect(name).not.toContain('\uFFFD');
  });

  it('gives every announcer its own .local target host', () => {
    expect(targetHost('0a1b2c3d')).toMatch(/^[a-z0-9-]+-0a1b2c3d\.local$/);
  });
});

describe('room addresses', () => {
  it('puts IPv4 first and drops link-local IPv6 without a zone and non-addresses', () => {
    expect(orderAddresses(['fe80::1', '2001:db8::5', '198.18.0.1', 'not-an-ip', 42], [])).toEqual([
      '198.18.0.1',
      '2001:db8::5',
    ]);
  });

  it('puts the verified address, then the sender, ahead of the other IPv4 addresses', () => {
    expect(orderAddresses(['198.18.0.1', '198.18.0.2', '198.18.0.3'], ['198.18.0.3', '198.18.0.2'])).toEqual([
      '198.18.0.3',
      '198.18.0.2',
      '198.18.0.1',
    ]);
  });
});

describe('fake discovery', () => {
  it('hands the rooms a test sets to subscribers until they unsubscribe', () => {
    const fake = createFakeDiscovery();
    const seen: DiscoveredRoom[][] = [];
    const unsubscribe = fake.subscribe((rooms) => seen.push(rooms));
    const room = { id: 'r1', name: 'Quiz', host: 'h', addresses: ['198.18.0.1'], port: 1 } as DiscoveredRoom;
    fake.setRooms([room]);
    unsubscribe();
    fake.setRooms([]);
    expect(seen).toEqual([[room]]);
    fake.refresh();
    expect(fake.refreshes).toBe(1);
  });
});
