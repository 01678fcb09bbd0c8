/** A team's name in the current language ("Red team"), from its index into TEAM_COLORS. */
import { TEAM_COLORS } from '../../shared/protocol';
import type { MessageId, Translate } from '../i18n';

export function teamName(t: Translate, team: number): string {
  const colour = TEAM_COLORS[team];
  return colour ? t(`teams.${colour}` satisfies MessageId) : t('teams.colTeam');
}
