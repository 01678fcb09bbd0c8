/**
 * Taking a picture or sound into a quiz: bytes and the file's name in, checked and scaled media
 * out, or a QuizError naming the file and what is wrong. The type is sniffed from the content
 * (file-type), never taken from the name. Pictures (PNG, JPEG, WebP, GIF) are size-checked, their
 * pixel count read from the header (image-size) before anything is decoded, then decoded (jimp),
 * scaled to the budget (media-limits.ts) and re-encoded, which drops every metadata block (EXIF,
 * text chunks, comments). GIF becomes PNG (its first frame). WebP, which jimp cannot decode, is
 * kept as it is when it fits the budget, its metadata chunks removed; a larger one is refused.
 * Sounds (MP3, Ogg, WAV, M4A) are size-checked and stored as they are, but for an MP3's ID3 tags and
 * a WAV's descriptive chunks (LIST/INFO...), which are removed; Ogg and M4A tags are kept.
 *
 * `checkStoredMedia` is the check a package's media pass: a file that ingest could have stored.
 * Decoding is slow for large pictures: the app runs ingest on the import thread
 * (ingest-off-thread.ts).
 */
import { fileTypeFromBuffer } from 'file-type';
import { imageSize } from 'image-size';
import { Jimp } from 'jimp';
import { QuizError } from '../../shared/quiz/load-quiz';
import { AUDIO_EXTENSIONS, IMAGE_EXTENSIONS, type MediaRef } from '../../shared/quiz/quiz-schema';
import {
  JPEG_QUALITY,
  MAX_AUDIO_BYTES,
  MAX_IMAGE_INPUT_BYTES,
  MAX_IMAGE_PIXELS,
  MAX_IMAGE_SIDE,
} from './media-limits';
import { metadataParts, stripMp3Tags, stripWavMetadata, stripWebpMetadata } from './media-metadata';
import { mediaRefOf, type MediaStore } from './media-store';

export type ImageExtension = (typeof IMAGE_EXTENSIONS)[number];
export type AudioExtension = (typeof AUDIO_EXTENSIONS)[number];
export type MediaExtension = ImageExtension | AudioExtension;

export interface IngestedMedia {
  kind: 'image' | 'audio';
  /** The bytes to store (scaled and re-encoded for pictures). */
  bytes: Uint8Array;
  extension: MediaExtension;
}

const TAKES = 'Quizroom takes pictures in PNG, JPEG, WebP or GIF and sounds in MP3, Ogg, WAV or M4A.';
const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** What file-type calls a format, as a stored file's extension. */
const SNIFFED: Record<string, MediaExtension> = {
  png: 'png',
  jpg: 'jpg',
  webp: 'webp',
  gif: 'gif',
  mp3: 'mp3',
  ogg: 'ogg',
  oga: 'ogg',
  opus: 'ogg',
  wav: 'wav',
  m4a: 'm4a',
};

const isImage = (ext: MediaExtension): ext is ImageExtension =>
  (IMAGE_EXTENSIONS as readonly string[]).includes(ext);

/** The media type of these bytes, from their content; a QuizError when it is none Quizroom takes. */
export async function sniffMedia(bytes: Uint8Array, name: string): Promise<MediaExtension> {
  if (bytes.length === 0) throw new QuizError(`${name} is empty. ${TAKES}`);
  const type = await fileTypeFromBuffer(bytes);
  const ext = type ? SNIFFED[type.ext] : undefined;
  if (ext) return ext;
  const what = type
    ? `a ${type.ext.toUpperCase()} file (${type.mime})`
    : 'not a picture or sound Quizroom recognises';
  throw new QuizError(`${name} is ${what}, whatever its name says. ${TAKES}`);
}

/** Width and height from the header alone; refuses a picture claiming more than MAX_IMAGE_PIXELS. */
function headerSize(bytes: Uint8Array, name: string): { width: number; height: number } {
  let size: { width?: number; height?: number };
  try {
    size = imageSize(bytes);
  } catch (e) {
    throw new QuizError(`${name} is not a readable picture: ${e instanceof Error ? e.message : String(e)}.`);
  }
  const { width = 0, height = 0 } = size;
  if (width < 1 || height < 1) throw new QuizError(`${name} is not a readable picture: it has no size.`);
  if (width * height > MAX_IMAGE_PIXELS) {
    throw new QuizError(
      `${name} is ${width}×${height} pixels (${Math.round((width * height) / 1e6)} megapixels); Quizroom takes ` +
        `pictures of at most ${MAX_IMAGE_PIXELS / 1e6} megapixels. Scale it down and add it again.`,
    );
  }
  return { width, height };
}

async function ingestImage(bytes: Uint8Array, ext: ImageExtension, name: string): Promise<IngestedMedia> {
  if (bytes.length > MAX_IMAGE_INPUT_BYTES) {
    throw new QuizError(
      `${name} is ${mb(bytes.length)}; Quizroom takes pictures of at most ${mb(MAX_IMAGE_INPUT_BYTES)}.`,
    );
  }
  const { width, height } = headerSize(bytes, name);
  if (ext === 'webp') {
    if (Math.max(width, height) > MAX_IMAGE_SIDE) {
      throw new QuizError(
        `${name} is a WebP picture of ${width}×${height} pixels; Quizroom cannot scale WebP pictures, and keeps ` +
          `them only up to ${MAX_IMAGE_SIDE} pixels on the longest side. Save it as PNG or JPEG, or scale it down.`,
      );
    }
    return { kind: 'image', bytes: stripWebpMetadata(bytes), extension: 'webp' };
  }
  let image;
  try {
    image = await Jimp.fromBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (e) {
    throw new QuizError(
      `${name} is not a readable picture (it looks like ${ext.toUpperCase()} but does not decode: ` +
        `${e instanceof Error ? e.message : String(e)}). Is it damaged or cut short?`,
    );
  }
  if (Math.max(image.width, image.height) > MAX_IMAGE_SIDE) {
    image.scaleToFit({ w: MAX_IMAGE_SIDE, h: MAX_IMAGE_SIDE });
  }
  if (ext === 'jpg') {
    return {
      kind: 'image',
      bytes: await image.getBuffer('image/jpeg', { quality: JPEG_QUALITY }),
      extension: 'jpg',
    };
  }
  // PNG stays PNG; a GIF's first frame becomes a PNG.
  return { kind: 'image', bytes: await image.getBuffer('image/png'), extension: 'png' };
}

function ingestAudio(bytes: Uint8Array, ext: AudioExtension, name: string): IngestedMedia {
  const kept = ext === 'mp3' ? stripMp3Tags(bytes) : ext === 'wav' ? stripWavMetadata(bytes) : bytes;
  if (kept.length > MAX_AUDIO_BYTES) {
    throw new QuizError(
      `${name} is ${mb(kept.length)}; Quizroom takes sounds of at most ${mb(MAX_AUDIO_BYTES)}.`,
    );
  }
  return { kind: 'audio', bytes: kept, extension: ext };
}

/** Checks, scales and cleans one picture or sound; `name` (the file's name) is for messages only. */
export async function ingestMedia(bytes: Uint8Array, name: string): Promise<IngestedMedia> {
  if (bytes.length > MAX_IMAGE_INPUT_BYTES) {
    throw new QuizError(
      `${name} is ${mb(bytes.length)}; Quizroom takes pictures of at most ${mb(MAX_IMAGE_INPUT_BYTES)} ` +
        `and sounds of at most ${mb(MAX_AUDIO_BYTES)}.`,
    );
  }
  const ext = await sniffMedia(bytes, name);
  return isImage(ext) ? ingestImage(bytes, ext, name) : ingestAudio(bytes, ext, name);
}

/** Ingests and stores; returns the stored file's name. */
export async function ingestInto(store: MediaStore, bytes: Uint8Array, name: string): Promise<MediaRef> {
  const media = await ingestMedia(bytes, name);
  return store.put(media.bytes, media.extension);
}

/**
 * Checks a file a package says ingest stored as `ref`: its bytes hash to that name, its content
 * is of the type the name says, it is within the size limits and the picture budget, and it
 * carries no metadata. `where` names the file in messages ("lesson.quizroom: media/ab12….png").
 */
export async function checkStoredMedia(bytes: Uint8Array, ref: MediaRef, where: string): Promise<void> {
  const named = ref.slice(ref.lastIndexOf('.') + 1) as MediaExtension;
  if (mediaRefOf(bytes, named) !== ref) {
    throw new QuizError(
      `${where} does not hold the bytes its name says (their SHA-256 differs); the package is damaged or altered.`,
    );
  }
  const ext = await sniffMedia(bytes, where);
  if (ext !== named) {
    throw new QuizError(`${where} is named .${named} but holds a ${ext.toUpperCase()} file.`);
  }
  if (ext === 'gif') {
    throw new QuizError(
      `${where} is a GIF; Quizroom stores pictures as PNG, JPEG or WebP, so this package was not made by Quizroom.`,
    );
  }
  if (isImage(ext)) {
    if (bytes.length > MAX_IMAGE_INPUT_BYTES)
      throw new QuizError(`${where} is ${mb(bytes.length)}, more than ${mb(MAX_IMAGE_INPUT_BYTES)}.`);
    const { width, height } = headerSize(bytes, where);
    if (Math.max(width, height) > MAX_IMAGE_SIDE) {
      throw new QuizError(
        `${where} is ${width}×${height} pixels; a packaged picture is at most ${MAX_IMAGE_SIDE} pixels on its longest side.`,
      );
    }
  } else if (bytes.length > MAX_AUDIO_BYTES) {
    throw new QuizError(`${where} is ${mb(bytes.length)}; a sound is at most ${mb(MAX_AUDIO_BYTES)}.`);
  }
  const metadata = metadataParts(bytes, ext);
  if (metadata.length > 0) {
    throw new QuizError(
      `${where} carries metadata (${metadata.join(', ')}), which could show players what the picture or sound is; ` +
        'add the file to the quiz in Quizroom again so that it is cleaned, then export the quiz again.',
    );
  }
}
