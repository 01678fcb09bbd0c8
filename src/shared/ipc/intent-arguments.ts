/**
 * Each intent's argument schema, built once from the table (intents.ts) and the kit: what the
 * main process checks every call from the window against before anything else sees it.
 */
import type { z } from 'zod';
import { INTENT_NAMES, INTENTS, type IntentName } from './intents';
import { SCHEMA_KIT } from './intent-schema-kit';

export const INTENT_ARGS = Object.fromEntries(
  INTENT_NAMES.map((name) => [name, INTENTS[name].args(SCHEMA_KIT)]),
) as { [K in IntentName]: ReturnType<(typeof INTENTS)[K]['args']> } satisfies Record<IntentName, z.ZodTuple>;
