/**
 * The pages' CSP allows no eval. Unless told it is jitless, zod probes `new Function` when its
 * first object schema is built, and Chromium reports that (caught) attempt as a CSP violation on
 * every page. Only the desktop's library (the quiz editor's checks) loads zod, and its screen imports
this first, so that it runs before any module builds a schema; phones never load zod.
 */
import { z } from 'zod';

z.config({ jitless: true });
