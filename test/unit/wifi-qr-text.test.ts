/** The Wi-Fi QR code's text: what phone cameras read to offer joining a network. */
import { describe, expect, it } from 'vitest';
import { wifiQrText } from '../../src/renderer/network/wifi-qr-text';

describe('Wi-Fi QR text', () => {
  it('writes a WPA network with its password', () => {
    expect(wifiQrText('Quiz night', 'pa55word', 'WPA')).toBe('WIFI:T:WPA;S:Quiz night;P:pa55word;;');
  });

  it('escapes backslash, semicolon, comma, colon and double quote in the name and the password', () => {
    expect(wifiQrText('a;b,c:d"e\\f', 'x;y\\z', 'WPA')).toBe(
      'WIFI:T:WPA;S:a\\;b\\,c\\:d\\"e\\\\f;P:x\\;y\\\\z;;',
    );
  });

  it('leaves the password out of an open network', () => {
    expect(wifiQrText('Cafe', 'ignored', 'nopass')).toBe('WIFI:T:nopass;S:Cafe;;');
  });
});
