/**
 * The limits and the size budget of quiz media, in one place (docs/quiz-format.md, Media, lists
 * them for people). A file past a limit is refused with a message naming the file and the limit;
 * a picture inside the limits is scaled down to the budget and re-encoded before it is stored.
 */

import { MAX_IMAGE_INPUT_BYTES } from '../../shared/quiz/media-input-limit';

/** The largest picture file taken in (before scaling). */
export { MAX_IMAGE_INPUT_BYTES };

/**
 * The most pixels a picture may claim in its header, checked before anything is decoded: a
 * 40-megapixel picture decodes to 160 MB of pixels; a "decompression bomb" claiming more is
 * refused from its first bytes.
 */
export const MAX_IMAGE_PIXELS = 40_000_000;

/**
 * The budget a stored picture fits: its longest side at most this many pixels (sharp on a 1080p
 * projector, a few hundred KB for a phone to load).
 */
export const MAX_IMAGE_SIDE = 1600;

/** JPEG quality of re-encoded photographs. */
export const JPEG_QUALITY = 82;

/** The largest sound file taken (a clip of a minute or so). */
export const MAX_AUDIO_BYTES = 5 * 1024 * 1024;

/** The largest file a package (`.quizroom`) may be. */
export const MAX_PACKAGE_BYTES = 256 * 1024 * 1024;

/**
 * A package's zip limits: quiz.json and up to 3,000 media files (500 questions with a picture, a
 * sound and four option pictures each would be 3,000), each at most a stored picture's or a
 * sound's size, all together at most 300 MB once inflated.
 */
export const PACKAGE_ZIP_LIMITS = {
  maxEntries: 3_002,
  maxEntryBytes: MAX_IMAGE_INPUT_BYTES,
  maxTotalBytes: 300 * 1024 * 1024,
  maxRatio: 100,
  ratioGraceBytes: 100 * 1024,
} as const;
