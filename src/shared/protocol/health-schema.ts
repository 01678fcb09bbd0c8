/**
 * The /health answer as a zod schema, for whoever reads one from the network (LAN discovery, the
 * desktop app's connect): the answer comes from whatever listens at that address.
 */
import { z } from 'zod';
import { GAME_STATUSES, type HealthInfo } from './health';

export const HealthSchema = z.object({
  room: z.string().max(200),
  state: z.enum(GAME_STATUSES),
  players: z.number().int().nonnegative(),
  protocol: z.number().int().nonnegative(),
  pinRequired: z.boolean(),
}) satisfies z.ZodType<HealthInfo>;
