/**
 * Metadata inside media files, found by walking each format's own structure (PNG chunks, JPEG
 * segments, RIFF chunks of WebP and WAV, ID3 tags of MP3). Ogg and M4A tags are not read. Text there (EXIF, XMP, PNG text chunks, a
 * JPEG comment, a song title) could carry a question's answer to every phone, so stored media
 * hold none: ingest removes it, and a package's media are refused when they carry any.
 */

const ascii = (bytes: Uint8Array, at: number, length: number) =>
  String.fromCharCode(...bytes.subarray(at, at + length));

const u32be = (b: Uint8Array, at: number) =>
  ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
const u32le = (b: Uint8Array, at: number) =>
  ((b[at + 3]! << 24) | (b[at + 2]! << 16) | (b[at + 1]! << 8) | b[at]!) >>> 0;

/** PNG chunks that only describe pixels; anything else (tEXt, zTXt, iTXt, eXIf, ...) is metadata. */
const PNG_PIXEL_CHUNKS = new Set([
  'IHDR',
  'PLTE',
  'IDAT',
  'IEND',
  'tRNS',
  'gAMA',
  'cHRM',
  'sRGB',
  'sBIT',
  'bKGD',
  'pHYs',
]);

/** JPEG markers that only describe pixels: SOFn, DHT, DQT, DRI, APP0 (JFIF), DAC. */
function isPixelJpegMarker(marker: number): boolean {
  if (marker >= 0xc0 && marker <= 0xcf) return true; // SOFn, DHT (C4), JPG, DAC (CC)
  return marker === 0xdb || marker === 0xdd || marker === 0xe0;
}

/** WebP chunks that only describe pixels (not EXIF, XMP or ICCP). */
const WEBP_PIXEL_CHUNKS = new Set(['VP8 ', 'VP8L', 'VP8X', 'ALPH', 'ANIM', 'ANMF']);

/** WAV chunks that only describe the sound (not LIST/INFO, id3, bext, ...). */
const WAV_SOUND_CHUNKS = new Set(['fmt ', 'data', 'fact', 'cue ', 'smpl']);

/**
 * Names of the metadata parts of a stored picture or sound ("tEXt", "APP1", "EXIF", "ID3v2"),
 * empty when it has none; "unreadable structure" when the format's structure does not parse.
 */
export function metadataParts(bytes: Uint8Array, extension: string): string[] {
  switch (extension) {
    case 'png':
      return pngMetadata(bytes);
    case 'jpg':
      return jpegMetadata(bytes);
    case 'webp':
      return riffChunks(bytes)
        .filter((c) => !WEBP_PIXEL_CHUNKS.has(c.name))
        .map((c) => c.name.trim());
    case 'wav':
      return riffChunks(bytes)
        .filter((c) => !WAV_SOUND_CHUNKS.has(c.name))
        .map((c) => c.name.trim());
    case 'mp3':
      return mp3Tags(bytes).parts;
    default:
      return [];
  }
}

function pngMetadata(b: Uint8Array): string[] {
  const found: string[] = [];
  let at = 8;
  while (at + 8 <= b.length) {
    const length = u32be(b, at);
    const name = ascii(b, at + 4, 4);
    if (!PNG_PIXEL_CHUNKS.has(name)) found.push(name);
    if (name === 'IEND') return found;
    at += 12 + length;
  }
  return [...found, 'unreadable structure'];
}

function jpegMetadata(b: Uint8Array): string[] {
  const found: string[] = [];
  let at = 2;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) return [...found, 'unreadable structure'];
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at++;
      continue;
    }
    if (marker === 0xda) return found; // start of scan: pixels follow
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    if (!isPixelJpegMarker(marker)) found.push(marker === 0xfe ? 'COM' : `APP${marker - 0xe0}`);
    at += 2 + ((b[at + 2]! << 8) | b[at + 3]!);
  }
  return [...found, 'unreadable structure'];
}

interface RiffChunk {
  name: string;
  start: number;
  end: number;
}

/** The top-level chunks of a RIFF file (WebP: RIFF....WEBP, WAV: RIFF....WAVE). */
function riffChunks(b: Uint8Array): RiffChunk[] {
  const chunks: RiffChunk[] = [];
  let at = 12;
  while (at + 8 <= b.length) {
    const size = u32le(b, at + 4);
    const end = at + 8 + size + (size % 2);
    chunks.push({ name: ascii(b, at, 4), start: at, end: Math.min(end, b.length) });
    at = end;
  }
  return chunks;
}

/** A RIFF file with only the chunks `keep` names, its size field made to match. */
function keepRiffChunks(
  b: Uint8Array,
  keep: ReadonlySet<string>,
  edit: (part: Buffer) => void = () => {},
): Buffer {
  const parts = riffChunks(b)
    .filter((c) => keep.has(c.name))
    .map((c) => Buffer.from(b.subarray(c.start, c.end)));
  parts.forEach(edit);
  const body = Buffer.concat(parts);
  const head = Buffer.from(b.subarray(0, 12));
  head.writeUInt32LE(body.length + 4, 4);
  return Buffer.concat([head, body]);
}

/** A WAV file without its LIST/INFO, id3 and other descriptive chunks. */
export function stripWavMetadata(b: Uint8Array): Uint8Array {
  return keepRiffChunks(b, WAV_SOUND_CHUNKS);
}

/** A WebP file without its EXIF, XMP and ICC chunks (and their flags in VP8X). */
export function stripWebpMetadata(b: Uint8Array): Uint8Array {
  return keepRiffChunks(b, WEBP_PIXEL_CHUNKS, (part) => {
    // VP8X flags: ICC 0x20, EXIF 0x08, XMP 0x04.
    if (ascii(part, 0, 4) === 'VP8X' && part.length > 8) part[8] = part[8]! & ~(0x20 | 0x08 | 0x04);
  });
}

/** Where an MP3's ID3v2 tag (at the start) and ID3v1 tag (the last 128 bytes) are. */
function mp3Tags(b: Uint8Array): { start: number; end: number; parts: string[] } {
  const parts: string[] = [];
  let start = 0;
  if (b.length >= 10 && ascii(b, 0, 3) === 'ID3') {
    const size = ((b[6]! & 0x7f) << 21) | ((b[7]! & 0x7f) << 14) | ((b[8]! & 0x7f) << 7) | (b[9]! & 0x7f);
    start = Math.min(b.length, 10 + size + (b[5]! & 0x10 ? 10 : 0));
    parts.push('ID3v2');
  }
  let end = b.length;
  if (b.length - start >= 128 && ascii(b, b.length - 128, 3) === 'TAG') {
    end = b.length - 128;
    parts.push('ID3v1');
  }
  return { start, end, parts };
}

/** An MP3 without its ID3 tags (title, artist, comments: text a phone could read). */
export function stripMp3Tags(b: Uint8Array): Uint8Array {
  const { start, end } = mp3Tags(b);
  return b.subarray(start, end);
}
