/**
 * The pages' CSP allows no eval. Unless told it is jitless, zod probes `new Function` when its
 * first object schema is built, and Chromium reports that (caught) attempt as a CSP violation on
 * every page. Imported first by main.tsx, so that it runs before any module builds a schema.
 */
import { z } from 'zod';

z.config({ jitless: true });
