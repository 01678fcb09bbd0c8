/** The player's switch for vibration (off by default), in the top bar of a phone that can vibrate. */
import { useT } from '../i18n';
import { canVibrate, setVibration, useVibrationSetting } from './vibration';

export function VibrationToggle() {
  const on = useVibrationSetting();
  const t = useT();
  if (!canVibrate()) return null;
  return (
    <button
      type="button"
      className="icon-button"
      aria-label={t('room.vibrate')}
      aria-pressed={on}
      title={on ? t('room.vibrationOn') : t('room.vibrationOff')}
      onClick={() => setVibration(!on)}
    >
      <svg className="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <rect x="8" y="3" width="8" height="18" rx="2" fill="none" stroke="currentColor" strokeWidth="2" />
        <path
          d="M4 8v8M20 8v8M1.5 10v4M22.5 10v4"
          stroke="currentColor"
          strokeWidth="1.8"
          strokeLinecap="round"
        />
      </svg>
    </button>
  );
}
