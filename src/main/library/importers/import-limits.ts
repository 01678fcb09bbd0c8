/**
 * The limits every import stays within, in one place. A quiz holds at most 500 short questions,
 * so these are far above any real quiz file and far below what would freeze or exhaust the host:
 * a file past one of them is refused with a message that names the limit, never half-read.
 * docs/quiz-format.md (Imports) lists them for people.
 */

/** The largest file read at all (a 500-question quiz in any format is well under 1 MB). */
export const MAX_QUIZ_FILE_BYTES = 5 * 1024 * 1024;

/** An import that has not finished after this long is stopped (its thread is ended). */
export const IMPORT_TIME_LIMIT_MS = 20_000;

/**
 * V8 heap of the import thread. A 5 MB file of the worst shapes the importers accept peaks far
 * below this; past it the thread is ended and the file refused, the host's own heap untouched.
 */
export const IMPORT_RESOURCE_LIMITS = {
  maxOldGenerationSizeMb: 384,
  maxYoungGenerationSizeMb: 32,
  stackSizeMb: 4,
} as const;

/** Skipped and adjusted questions listed one by one; past this they are counted in one note. */
export const MAX_LISTED_NOTES = 200;

/** How much of a cell's or line's own text an error message quotes. */
export const MAX_QUOTED_CHARS = 60;

/**
 * One GIFT question (a block between blank lines) handed to the GIFT parser. gift-pegjs reads
 * about 0.3-1 ms per KB: 64 KB keeps any one question under a tenth of a second whatever it holds,
 * and is far above a real question (the text shown is at most 500 characters).
 */
export const MAX_GIFT_QUESTION_CHARS = 64 * 1024;

/**
 * All GIFT question blocks handed to the parser, summed. A 500-question bank is well under
 * 200 KB; past this much the import stops with an error, so that any file under
 * MAX_QUIZ_FILE_BYTES is taken or refused within a couple of seconds whatever its blocks hold
 * (the per-question cap alone would let 5 MB of 64 KB blocks through, all parsed).
 */
export const MAX_GIFT_PARSED_CHARS = 1024 * 1024;

/** "Answer N" columns read in a spreadsheet: Kahoot!'s template has 4, a question at most 4. */
export const MAX_ANSWER_COLUMNS = 16;

/**
 * Zip archives (.xlsx), checked against the sizes their central directory declares before
 * anything is inflated, then again while inflating. The ratio follows Apache POI's zip-bomb
 * guard (at most 100 times smaller than what it inflates to), applied above a small grace size
 * since tiny parts compress very well.
 */
export const ZIP_LIMITS = {
  maxEntries: 1000,
  maxEntryBytes: 16 * 1024 * 1024,
  maxTotalBytes: 48 * 1024 * 1024,
  maxRatio: 100,
  ratioGraceBytes: 100 * 1024,
} as const;

export type ZipLimits = { [K in keyof typeof ZIP_LIMITS]: number };

/**
 * A worksheet's size as exceljs would read it, counted before it does (sheet-shape.ts): a quiz
 * of 500 questions has about 500 rows and 4,000 cells; each limit is far above and keeps a
 * sheet's reading to a few seconds. The spread sums each row's last column: a row costs the
 * reader every column up to its last cell.
 */
export const SHEET_LIMITS = {
  maxRows: 200_000,
  maxCells: 500_000,
  maxSpread: 4_000_000,
} as const;

/** Columns read from a sheet's rows (the template uses 8); cells further right are ignored. */
export const MAX_SHEET_COLUMNS = 64;
