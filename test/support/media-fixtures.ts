/**
 * Real pictures for media tests and benches, made with jimp: small PNGs of a plain colour with a
 * pattern of their own (so that each has its own bytes and name), and a photo-like JPEG (a
 * gradient with grain) of the size a quiz picture is after scaling.
 */
import { Jimp } from 'jimp';

/** A `width`×`height` PNG whose bytes depend on `seed`. */
export async function pngPicture(seed: number, width = 64, height = 48): Promise<Buffer> {
  const img = new Jimp({ width, height, color: 0xffffffff });
  const hue = (seed * 2_654_435_761) >>> 0;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const on = ((x >> 3) + (y >> 3) + seed) % 2 === 0;
      img.bitmap.data.writeUInt32BE(on ? (hue | 0xff) >>> 0 : 0x202040ff, (y * width + x) * 4);
    }
  return img.getBuffer('image/png');
}

/** A photo-like JPEG: a gradient with grain (`grain` 0–255 sets how much), at `quality`. */
export async function jpegPhoto(
  seed: number,
  width = 1600,
  height = 1200,
  grain = 4,
  quality = 80,
): Promise<Buffer> {
  const img = new Jimp({ width, height, color: 0 });
  let s = seed >>> 0 || 1;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      s = (Math.imul(s, 1_103_515_245) + 12_345) >>> 0;
      const n = (s >>> 24) % (grain + 1);
      const r = ((x * 255) / width + n + seed) & 255;
      const g = ((y * 255) / height + n) & 255;
      const b = (((x + y) >> 3) + n) & 255;
      img.bitmap.data.writeUInt32BE(((r << 24) | (g << 16) | (b << 8) | 0xff) >>> 0, (y * width + x) * 4);
    }
  return img.getBuffer('image/jpeg', { quality });
}
