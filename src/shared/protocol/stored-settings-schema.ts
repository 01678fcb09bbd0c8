/**
 * Settings as a journal or another stored file holds them (host code only: zod). A setting added
 * since the file was written takes its default, so that an older journal still resumes.
 */
import { z } from 'zod';
import { DEFAULT_SETTINGS } from './default-settings';
import { GameSettingsSchema } from './settings-schema';

export const StoredSettingsSchema = z.preprocess(
  (value) =>
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? { ...DEFAULT_SETTINGS, ...value }
      : value,
  GameSettingsSchema,
);
