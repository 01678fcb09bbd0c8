import { describe, expect, it } from 'vitest';
import { joinLink, pinFromLink } from '../../src/renderer/screens/join-link';

describe('the join link of the lobby QR code', () => {
  it('carries the PIN in the fragment, and nothing when the room has none', () => {
    expect(joinLink('http://192.168.1.20:7420/', '482913')).toBe('http://192.168.1.20:7420/#pin=482913');
    expect(joinLink('http://192.168.1.20:7420/', null)).toBe('http://192.168.1.20:7420/');
    expect(joinLink('http://192.168.1.20:7420/#old', '1')).toBe('http://192.168.1.20:7420/#pin=1');
  });

  it('gives the phone the PIN from the fragment or the query, fragment first', () => {
    expect(pinFromLink('http://h:1/#pin=482913')).toBe('482913');
    expect(pinFromLink('http://h:1/?pin=123456')).toBe('123456');
    expect(pinFromLink('http://h:1/?pin=111111#pin=222222')).toBe('222222');
    expect(pinFromLink(joinLink('http://h:1/', '987654'))).toBe('987654');
  });

  it('ignores what is not a PIN, and never reads the host token', () => {
    expect(pinFromLink('http://h:1/')).toBeNull();
    expect(pinFromLink('http://h:1/#pin=12ab')).toBeNull();
    expect(pinFromLink('http://h:1/#pin=' + '1'.repeat(21))).toBeNull();
    expect(pinFromLink('http://h:1/?host=0123456789abcdef')).toBeNull();
    expect(pinFromLink('not a url')).toBeNull();
  });
});
