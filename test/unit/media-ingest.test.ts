import { imageSize } from 'image-size';
import { Jimp } from 'jimp';
import { describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { checkStoredMedia, ingestMedia } from '../../src/main/media/media-ingest';
import { MAX_IMAGE_SIDE } from '../../src/main/media/media-limits';
import { metadataParts } from '../../src/main/media/media-metadata';
import { mediaRefOf } from '../../src/main/media/media-store';
import { quizRefusal } from '../support/quiz-refusal';
import {
  pngHeaderClaiming,
  sampleMp3,
  samplePicture,
  withJpegText,
  withPngText,
} from '../support/media-samples';

const ANSWER = 'Canberra is the capital';

function zipBytes(): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from('hello'), 'a.txt');
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

const refusal = quizRefusal;

describe('media ingest', () => {
  it('keeps a small PNG as PNG, at its size', async () => {
    const png = await samplePicture(320, 200, 'image/png');
    const media = await ingestMedia(png, 'map.png');
    expect(media).toMatchObject({ kind: 'image', extension: 'png' });
    expect(imageSize(media.bytes)).toMatchObject({ width: 320, height: 200, type: 'png' });
  });

  it('scales a large JPEG to the budget, keeping its shape', async () => {
    const jpeg = await samplePicture(2400, 1200, 'image/jpeg');
    const media = await ingestMedia(jpeg, 'photo.jpeg');
    expect(media.extension).toBe('jpg');
    expect(imageSize(media.bytes)).toMatchObject({ width: MAX_IMAGE_SIDE, height: 800, type: 'jpg' });
    expect(metadataParts(media.bytes, 'jpg')).toEqual([]);
  });

  it('sniffs the type from the content, not the name', async () => {
    const png = await samplePicture(40, 30, 'image/png');
    const media = await ingestMedia(png, 'looks-like.jpg');
    expect(media.extension).toBe('png');
  });

  it('turns a GIF into a PNG of its first frame', async () => {
    const gif = await new Jimp({ width: 30, height: 20, color: 0xff0000ff }).getBuffer('image/gif');
    const media = await ingestMedia(gif, 'flag.gif');
    expect(media.extension).toBe('png');
    expect(imageSize(media.bytes)).toMatchObject({ width: 30, height: 20 });
  });

  it('refuses a header-only bomb claiming 100000×100000 pixels before decoding it', async () => {
    const message = await refusal(ingestMedia(pngHeaderClaiming(100_000, 100_000), 'bomb.png'));
    expect(message).toContain('bomb.png');
    expect(message).toContain('100000×100000');
    expect(message).toContain('megapixels');
  });

  it('refuses a zip named .png, naming what it really is', async () => {
    const message = await refusal(ingestMedia(await zipBytes(), 'holiday.png'));
    expect(message).toContain('holiday.png');
    expect(message).toMatch(/ZIP/);
  });

  it('refuses a JPEG cut short', async () => {
    const jpeg = await samplePicture(300, 200, 'image/jpeg');
    const message = await refusal(ingestMedia(jpeg.subarray(0, 400), 'cut.jpg'));
    expect(message).toContain('cut.jpg');
  });

  it('refuses text and empty files', async () => {
    expect(await refusal(ingestMedia(Buffer.from('just some words, not a picture'), 'notes.png'))).toContain(
      'notes.png',
    );
    expect(await refusal(ingestMedia(new Uint8Array(0), 'empty.png'))).toContain('empty');
  });

  it('strips text chunks and EXIF/XMP/comments that could carry the answer', async () => {
    const png = withPngText(await samplePicture(64, 48, 'image/png'), ANSWER);
    const jpeg = withJpegText(await samplePicture(64, 48, 'image/jpeg'), ANSWER);
    expect(png.includes(ANSWER)).toBe(true);
    expect(jpeg.includes(ANSWER)).toBe(true);
    for (const [bytes, name] of [
      [png, 'a.png'],
      [jpeg, 'b.jpg'],
    ] as const) {
      const media = await ingestMedia(bytes, name);
      expect(Buffer.from(media.bytes).includes(ANSWER)).toBe(false);
      expect(Buffer.from(media.bytes).toString('latin1')).not.toContain(ANSWER);
      expect(metadataParts(media.bytes, media.extension)).toEqual([]);
    }
  });

  it('keeps a sound as it is, without its ID3 tags', async () => {
    const mp3 = sampleMp3(ANSWER);
    const media = await ingestMedia(mp3, 'clip.mp3');
    expect(media).toMatchObject({ kind: 'audio', extension: 'mp3' });
    expect(Buffer.from(media.bytes).includes(ANSWER)).toBe(false);
    expect(media.bytes.length).toBe(417 * 4);
  });

  it('passes what ingest stored, and refuses a renamed, altered or metadata-carrying file', async () => {
    const media = await ingestMedia(await samplePicture(64, 48, 'image/png'), 'a.png');
    const ref = mediaRefOf(media.bytes, 'png');
    await checkStoredMedia(media.bytes, ref, 'media/x');
    const altered = Buffer.from(media.bytes);
    altered[altered.length - 20] = altered[altered.length - 20]! ^ 1;
    expect(await refusal(checkStoredMedia(altered, ref, 'media/x'))).toContain('SHA-256');
    const tagged = withPngText(Buffer.from(media.bytes), ANSWER);
    expect(await refusal(checkStoredMedia(tagged, mediaRefOf(tagged, 'png'), 'media/y'))).toContain('tEXt');
    const big = await samplePicture(1700, 100, 'image/png');
    expect(await refusal(checkStoredMedia(big, mediaRefOf(big, 'png'), 'media/z'))).toContain('1700×100');
    expect(await refusal(checkStoredMedia(media.bytes, mediaRefOf(media.bytes, 'jpg'), 'media/w'))).toContain(
      'PNG',
    );
  });
});
