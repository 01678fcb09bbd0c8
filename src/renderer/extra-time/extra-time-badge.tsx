/** A player's extra time as a small badge ("1.5×"), for host screens only (the lobby, reports). */
import { useIntl } from 'react-intl';
import { useT } from '../i18n';
import './extra-time.css';

export function ExtraTimeBadge({ factor }: { factor: number }) {
  const t = useT();
  const shown = useIntl().formatNumber(factor);
  return (
    <span className="extra-time-badge" title={t('extraTime.badgeTitle', { factor: shown })}>
      {t('extraTime.badge', { factor: shown })}
    </span>
  );
}
