/**
 * The largest picture file taken into a quiz (before scaling), shared by the main process's ingest
 * (main/media/media-limits.ts) and the window's `addMedia` argument check, so that a larger file
 * is refused before it is even handed over.
 */
export const MAX_IMAGE_INPUT_BYTES = 15 * 1024 * 1024;
