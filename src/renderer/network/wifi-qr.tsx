/**
 * A Wi-Fi QR code beside the room's: the host types the network's name and password and players'
 * cameras offer to join that network. What is typed stays in this component's state: it is never
 * sent to the main process, saved, written to a report or to the journal.
 */
import { useId, useState } from 'react';
import { Field } from '../components/field';
import { QrCode } from '../components/qr-code';
import { useT } from '../i18n';
import { wifiQrText, type WifiSecurity } from './wifi-qr-text';

export function WifiQr() {
  const id = useId();
  const t = useT();
  const [ssid, setSsid] = useState('');
  const [password, setPassword] = useState('');
  const [security, setSecurity] = useState<WifiSecurity>('WPA');
  const ready = ssid.trim() !== '' && (security === 'nopass' || password !== '');
  return (
    <details className="network-panel__wifi">
      <summary>{t('network.wifiShow')}</summary>
      <p className="field__hint">{t('network.wifiHint')}</p>
      <div className="network-panel__wifi-grid">
        <div>
          <Field id={`${id}-ssid`} label={t('network.wifiName')}>
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
          <Field id={`${id}-security`} label={t('network.wifiSecurity')}>
            {(control) => (
              <select
                {...control}
                value={security}
                onChange={(e) => setSecurity(e.target.value as WifiSecurity)}
              >
                <option value="WPA">WPA/WPA2/WPA3</option>
                <option value="WEP">WEP</option>
                <option value="nopass">{t('network.wifiOpen')}</option>
              </select>
            )}
          </Field>
          {security !== 'nopass' ? (
            <Field id={`${id}-password`} label={t('network.wifiPassword')}>
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
            label={t('network.wifiQr', { ssid })}
          />
        ) : null}
      </div>
    </details>
  );
}
