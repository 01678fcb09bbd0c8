/**
 * The host's network check on screen (desktop only): before hosting and in the lobby, what stands
 * in the way of players reaching this computer and what to do, from the main process's check
 * (src/main/network). It checks when shown, again on request and, while hosting, every minute.
 */
import { useCallback, useEffect, useState } from 'react';
import type { NetworkCheck } from '../../shared/api/network-check';
import { useDesktop } from '../api/api-context';
import { WifiQr } from './wifi-qr';
import { useT } from '../i18n';
import './network-panel.css';

const RECHECK_MS = 60_000;

type Shown =
  { kind: 'checking' } | { kind: 'done'; check: NetworkCheck } | { kind: 'failed'; message: string };

/** `hosting`: the lobby's compact form (closed until opened, with the Wi-Fi QR code). */
export function NetworkPanel({ hosting }: { hosting: boolean }) {
  const desktop = useDesktop();
  const api = desktop?.api ?? null;
  const [shown, setShown] = useState<Shown>({ kind: 'checking' });
  const t = useT();
  const [open, setOpen] = useState(!hosting);
  const check = useCallback(() => {
    if (!api) return;
    api.checkNetwork().then(
      (result) => setShown({ kind: 'done', check: result }),
      (e: unknown) => setShown({ kind: 'failed', message: e instanceof Error ? e.message : String(e) }),
    );
  }, [api]);

  useEffect(() => {
    check();
    if (!hosting) return;
    const timer = setInterval(check, RECHECK_MS);
    return () => clearInterval(timer);
  }, [check, hosting]);

  if (!api) return null;
  const findings = shown.kind === 'done' ? shown.check.findings : [];
  const problems = findings.filter((f) => f.severity === 'problem').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const tone =
    shown.kind !== 'done' ? shown.kind : problems > 0 ? 'problem' : warnings > 0 ? 'warning' : 'ok';
  const summary =
    shown.kind === 'checking'
      ? 'checking…'
      : shown.kind === 'failed'
        ? 'the check failed'
        : problems > 0
          ? 'players cannot reach this computer'
          : warnings > 0
            ? `${warnings} ${warnings === 1 ? 'thing' : 'things'} to look at`
            : 'players can reach this computer';
  return (
    <details
      className={`card network-panel network-panel--${tone}`}
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary className="network-panel__summary">
        <span className="network-panel__title">{t('network.title')}</span> {summary}
      </summary>
      <div role="status" className="network-panel__body">
        {shown.kind === 'checking' ? (
          <p>
            <span className="spinner" aria-hidden="true" /> {t('network.checking')}
          </p>
        ) : shown.kind === 'failed' ? (
          <p className="form-error">{t('network.failed', { message: shown.message })}</p>
        ) : (
          <ul className="network-panel__findings">
            {findings.map((f) => (
              <li key={f.code} className={`network-finding network-finding--${f.severity}`}>
                <p className="network-finding__says">{f.says}</p>
                {f.severity !== 'ok' ? <p className="network-finding__todo">{f.todo}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </div>
      <button
        type="button"
        className="btn btn--ghost btn--small"
        onClick={() => {
          setShown({ kind: 'checking' });
          check();
        }}
      >
        {t('network.checkAgain')}
      </button>
      {hosting ? <WifiQr /> : null}
    </details>
  );
}
