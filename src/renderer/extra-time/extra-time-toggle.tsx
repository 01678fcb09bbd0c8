/**
 * The host's extra-time control on a player's chip: none → 1.5× → 2× → none, one press each. With
 * extra time the button is the badge ("1.5×"), which only the host's screens show.
 */
import { useIntl } from 'react-intl';
import type { PlayerSummary } from '../../shared/protocol';
import { useApi } from '../api/api-context';
import { useT } from '../i18n';
import { ExtraTimeBadge } from './extra-time-badge';
import './extra-time.css';

const NEXT: Record<number, 1 | 1.5 | 2> = { 1: 1.5, 1.5: 2, 2: 1 };

export function ExtraTimeToggle({ player }: { player: PlayerSummary }) {
  const api = useApi();
  const t = useT();
  const intl = useIntl();
  const factor = player.extraTime ?? 1;
  const shown = intl.formatNumber(factor);
  const label =
    factor === 1
      ? t('extraTime.toggleNone', { name: player.name })
      : t('extraTime.toggleSome', { name: player.name, factor: shown });
  return (
    <button
      type="button"
      className={`extra-time-toggle${factor > 1 ? ' is-on' : ''}`}
      aria-label={label}
      title={label}
      onClick={() => api.extraTime(player.id, NEXT[factor] ?? 1)}
    >
      {factor > 1 ? (
        <ExtraTimeBadge factor={factor} />
      ) : (
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <circle cx="12" cy="13" r="8" fill="none" stroke="currentColor" strokeWidth="2.4" />
          <path
            d="M12 9v4l3 2M9 3h6"
            fill="none"
            stroke="currentColor"
            strokeWidth="2.4"
            strokeLinecap="round"
          />
        </svg>
      )}
    </button>
  );
}
