/**
 * Texts of failures the app itself reports when an action cannot be done: a call the desktop app
 * refused or that failed on the way, and exporting results from a page.
 */
import type { Messages } from '../message-types';

const en = {
  app: 'The app could not do this: {reason}',
  noResults: 'There are no results to export yet.',
  exportFailed: 'The results could not be saved: {reason}',
} as const;

export const failure: Messages<typeof en> = {
  en,
  es: {
    app: 'La aplicación no ha podido hacerlo: {reason}',
    noResults: 'Todavía no hay resultados que exportar.',
    exportFailed: 'No se han podido guardar los resultados: {reason}',
  },
  de: {
    app: 'Die App konnte das nicht tun: {reason}',
    noResults: 'Es gibt noch keine Ergebnisse zum Exportieren.',
    exportFailed: 'Die Ergebnisse konnten nicht gespeichert werden: {reason}',
  },
  ar: {
    app: 'تعذّر على التطبيق تنفيذ ذلك: {reason}',
    noResults: 'لا توجد نتائج للتصدير بعد.',
    exportFailed: 'تعذّر حفظ النتائج: {reason}',
  },
};
