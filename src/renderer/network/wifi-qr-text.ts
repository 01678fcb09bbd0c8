/**
 * The text of a Wi-Fi QR code, which phone cameras offer to join:
 * `WIFI:T:WPA;S:<network name>;P:<password>;;`. Backslash, semicolon, comma, colon and double
 * quote are escaped with a backslash in the name and the password (as the format asks).
 */

export type WifiSecurity = 'WPA' | 'WEP' | 'nopass';

const escape = (value: string) => value.replace(/([\\;,:"])/g, '\\$1');

export function wifiQrText(ssid: string, password: string, security: WifiSecurity): string {
  const parts = [`T:${security}`, `S:${escape(ssid)}`];
  if (security !== 'nopass') parts.push(`P:${escape(password)}`);
  return `WIFI:${parts.join(';')};;`;
}
