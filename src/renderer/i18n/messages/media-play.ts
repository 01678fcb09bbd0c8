/** Texts about a quiz's pictures in play: their alternative text, and the host's "waiting for phones". */
import type { Messages } from '../message-types';

const en = {
  questionPicture: 'The question’s picture',
  waitingFor:
    '{count, plural, one {Waiting for # phone to load the pictures:} other {Waiting for # phones to load the pictures:}} {names}',
  opensAnyway: 'The question opens anyway in {seconds, plural, one {# second} other {# seconds}}.',
} as const;

export const mediaPlay: Messages<typeof en> = {
  en,
  es: {
    questionPicture: 'La imagen de la pregunta',
    waitingFor:
      '{count, plural, one {Esperando a que # teléfono cargue las imágenes:} other {Esperando a que # teléfonos carguen las imágenes:}} {names}',
    opensAnyway: 'La pregunta se abre igualmente en {seconds, plural, one {# segundo} other {# segundos}}.',
  },
  de: {
    questionPicture: 'Das Bild zur Frage',
    waitingFor:
      '{count, plural, one {Warte, bis # Handy die Bilder geladen hat:} other {Warte, bis # Handys die Bilder geladen haben:}} {names}',
    opensAnyway: 'Die Frage startet trotzdem in {seconds, plural, one {# Sekunde} other {# Sekunden}}.',
  },
  ar: {
    questionPicture: 'صورة السؤال',
    waitingFor:
      '{count, plural, zero {بانتظار تحميل الصور:} one {بانتظار هاتف واحد لتحميل الصور:} two {بانتظار هاتفين لتحميل الصور:} few {بانتظار # هواتف لتحميل الصور:} many {بانتظار # هاتفًا لتحميل الصور:} other {بانتظار # هاتف لتحميل الصور:}} {names}',
    opensAnyway:
      '{seconds, plural, zero {يبدأ السؤال الآن على أي حال.} one {يبدأ السؤال على أي حال بعد ثانية واحدة.} two {يبدأ السؤال على أي حال بعد ثانيتين.} few {يبدأ السؤال على أي حال بعد # ثوانٍ.} many {يبدأ السؤال على أي حال بعد # ثانية.} other {يبدأ السؤال على أي حال بعد # ثانية.}}',
  },
};
