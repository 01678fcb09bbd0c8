/**
 * What every part of the room's settings form takes (room rules, teams, who is who): the settings
 * as the host has them, and where a change goes (the host's update, or the setup form's draft).
 */
import type { GameSettings, SettingsPatch } from '../../shared/protocol';

export interface SettingsPartProps {
  settings: GameSettings;
  onChange: (patch: SettingsPatch) => void;
}
