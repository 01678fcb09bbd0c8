/**
 * A Wi-Fi QR code beside the room's: the host types the network's name and password and players'
 * cameras offer to join that network. What is typed stays in this component's state: it is never
 * sent to the main process, saved, written to a report or to the journal.
 */
import { useId, useState } from 'react';
import { Field } from '../components/field';
import { QrCode } from '../components/qr-code';
import { wifiQrText, type WifiSecurity } from './wifi-qr-text';

export function WifiQr() {
  const id = useId();
  const [ssid, setSsid] = useState('');
  const [password, setPassword] = useState('');
  const [security, setSecurity] = useState<WifiSecurity>('WPA');
  const ready = ssid.trim() !== '' && (security === 'nopass' || password !== '');
  return (
    <details className="network-panel__wifi">
      <summary>Show a Wi-Fi QR code</summary>
      <p className="field__hint">
        For players who are not on this network yet. Nothing you type here is saved.
      </p>
      <div className="network-panel__wifi-grid">
        <div>
          <Field id={`${id}-ssid`} label="Network name">
            {(control) => (
              <input
                {...control}
                type="text"
                autoComplete="off"
                maxLength={32}
                value={ssid}
                onChange={(e) => setSsid(e.target.value)}
              />
            )}
          </Field>
          <Field id={`${id}-security`} label="Security">
            {(control) => (
              <select
                {...control}
                value={security}
                onChange={(e) => setSecurity(e.target.value as WifiSecurity)}
              >
                <option value="WPA">WPA/WPA2/WPA3</option>
                <option value="WEP">WEP</option>
                <option value="nopass">None (open network)</option>
              </select>
            )}
          </Field>
          {security !== 'nopass' ? (
            <Field id={`${id}-password`} label="Password">
              {(control) => (
                <input
                  {...control}
                  type="password"
                  autoComplete="off"
                  maxLength={63}
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                />
              )}
            </Field>
          ) : null}
        </div>
        {ready ? (
          <QrCode
            className="network-panel__wifi-qr"
            text={wifiQrText(ssid, password, security)}
            label={`QR code to join the Wi-Fi network ${ssid}`}
          />
        ) : null}
      </div>
    </details>
  );
}
