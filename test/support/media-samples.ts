/**
 * Real small pictures and sounds for media tests, made on the spot: jimp encodes the pictures;
 * helpers add metadata blocks (PNG text chunks, JPEG comment/XMP/EXIF segments, ID3 tags) the
 * way cameras and editors write them, and craft a header-only "decompression bomb".
 */
import { crc32 } from 'node:zlib';
import { Jimp } from 'jimp';

/** A picture with some variety in it (so JPEG and PNG encoders have real work). */
export async function samplePicture(
  width: number,
  height: number,
  mime: 'image/png' | 'image/jpeg',
): Promise<Buffer> {
  const image = new Jimp({ width, height, color: 0x3366ccff });
  for (let x = 0; x < width; x += 7)
    for (let y = 0; y < height; y += 5)
      image.setPixelColor(((x * 2654435761 + y * 40503) | 0xff) >>> 0, x, y);
  return mime === 'image/png' ? image.getBuffer('image/png') : image.getBuffer('image/jpeg', { quality: 90 });
}

function pngChunk(name: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(name, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

/** The PNG with a tEXt and an iTXt chunk holding `text`, placed after IHDR as editors write them. */
export function withPngText(png: Buffer, text: string): Buffer {
  const afterIhdr = 8 + 12 + png.readUInt32BE(8);
  return Buffer.concat([
    png.subarray(0, afterIhdr),
    pngChunk('tEXt', Buffer.from(`Comment\0${text}`, 'latin1')),
    pngChunk('iTXt', Buffer.from(`Description\0\0\0\0\0${text}`, 'utf8')),
    png.subarray(afterIhdr),
  ]);
}

function jpegSegment(marker: number, data: Buffer): Buffer {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(data.length + 2, 2);
  return Buffer.concat([head, data]);
}

/** The JPEG with `text` in an EXIF ImageDescription, an XMP packet and a comment segment. */
export function withJpegText(jpeg: Buffer, text: string): Buffer {
  const value = Buffer.from(`${text}\0`, 'ascii');
  // TIFF header (little-endian), one IFD with one entry: ImageDescription (0x010e), ASCII.
  const tiff = Buffer.alloc(8 + 2 + 12 + 4);
  tiff.write('II', 0, 'ascii');
  tiff.writeUInt16LE(42, 2);
  tiff.writeUInt32LE(8, 4);
  tiff.writeUInt16LE(1, 8);
  tiff.writeUInt16LE(0x010e, 10);
  tiff.writeUInt16LE(2, 12);
  tiff.writeUInt32LE(value.length, 14);
  tiff.writeUInt32LE(tiff.length, 18);
  tiff.writeUInt32LE(0, 22);
  const exif = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff, value]);
  const xmp = Buffer.from(
    `http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><dc:title>${text}</dc:title></x:xmpmeta>`,
    'utf8',
  );
  return Buffer.concat([
    jpeg.subarray(0, 2),
    jpegSegment(0xe1, exif),
    jpegSegment(0xe1, xmp),
    jpegSegment(0xfe, Buffer.from(text, 'utf8')),
    jpeg.subarray(2),
  ]);
}

/** A PNG that is only a header claiming width×height pixels (a decompression bomb's first bytes). */
export function pngHeaderClaiming(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A tiny MP3: an ID3v2 tag holding `title`, a few silent MPEG-1 Layer III frames, an ID3v1 tag. */
export function sampleMp3(title: string): Buffer {
  const text = Buffer.from(`\0${title}`, 'latin1');
  const frame = Buffer.concat([Buffer.from('TIT2', 'ascii'), Buffer.alloc(4), Buffer.from([0, 0]), text]);
  frame.writeUInt32BE(text.length, 4);
  const id3 = Buffer.concat([Buffer.from('ID3', 'ascii'), Buffer.from([4, 0, 0, 0, 0, 0, frame.length])]);
  // MPEG-1 Layer III, 128 kbit/s, 44.1 kHz: 417-byte frames.
  const mpeg = Buffer.alloc(417);
  mpeg.set([0xff, 0xfb, 0x90, 0x64]);
  const v1 = Buffer.alloc(128);
  v1.write('TAG', 0, 'ascii');
  v1.write(title.slice(0, 30), 3, 'latin1');
  return Buffer.concat([id3, frame, mpeg, mpeg, mpeg, mpeg, v1]);
}

/** A short silent WAV (8 kHz mono, 16-bit) with a LIST/INFO chunk naming `title` (INAM). */
export function sampleWav(title: string): Buffer {
  const chunk = (name: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.write(name, 0, 'ascii');
    head.writeUInt32LE(data.length, 4);
    return Buffer.concat([head, data, data.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
  };
  const fmt = Buffer.alloc(16);
  fmt.writeUInt16LE(1, 0); // PCM
  fmt.writeUInt16LE(1, 2); // mono
  fmt.writeUInt32LE(8000, 4);
  fmt.writeUInt32LE(16000, 8);
  fmt.writeUInt16LE(2, 12);
  fmt.writeUInt16LE(16, 14);
  const info = Buffer.concat([
    Buffer.from('INFO', 'ascii'),
    chunk('INAM', Buffer.from(`${title}\0`, 'latin1')),
  ]);
  const body = Buffer.concat([
    Buffer.from('WAVE', 'ascii'),
    chunk('fmt ', fmt),
    chunk('LIST', info),
    chunk('data', Buffer.alloc(1600)),
  ]);
  const head = Buffer.alloc(8);
  head.write('RIFF', 0, 'ascii');
  head.writeUInt32LE(body.length, 4);
  return Buffer.concat([head, body]);
}
