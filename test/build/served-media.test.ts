/**
 * Fair play for media: what a room serves as a picture or sound cannot carry an answer. A picture
 * whose metadata (PNG text chunks, JPEG EXIF/XMP/comment, WebP EXIF/XMP) or a sound whose tags
 * (MP3 ID3, WAV LIST/INFO) hold a question's right answer comes out of ingest without it: the stored bytes are
 * scanned with the same scanner as the served bundle (test/support/quiz-leak-scan.ts), and for the
 * raw text in UTF-8, Latin-1 and UTF-16. A package's media pass the same way or are refused. Media
 * names are the SHA-256 of the stored bytes: they do not depend on the file's name and say nothing.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestInto } from '../../src/main/media/media-ingest';
import { MediaStore } from '../../src/main/media/media-store';
import { readQuizPackage } from '../../src/main/media/quiz-package';
import { quizFileText } from '../../src/main/library/quiz-file-text';
import { parseQuiz, QuizError } from '../../src/shared/quiz/load-quiz';
import { describeLeaks, needlesOf, scanFolder } from '../support/quiz-leak-scan';
import { sampleMp3, samplePicture, sampleWav, withJpegText, withPngText } from '../support/media-samples';
import yazl from 'yazl';

const PROMPT = 'Which city hosts the European Parliament plenary sessions?';
const OPTIONS = ['Brussels, Belgium', 'Strasbourg in Alsace', 'Luxembourg City'];
const RIGHT = OPTIONS[1]!;
const needles = needlesOf([{ source: 'this test', prompt: PROMPT, options: OPTIONS, correct: 1 }]);

/** A 1×1 lossless WebP, then an EXIF and an XMP chunk holding `text`. */
function webpWithText(text: string): Buffer {
  const vp8l = Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64').subarray(12);
  const chunk = (name: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.write(name, 0, 'ascii');
    head.writeUInt32LE(data.length, 4);
    return Buffer.concat([head, data, data.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
  };
  const body = Buffer.concat([
    vp8l,
    chunk('EXIF', Buffer.from(`Exif\0\0${text}`, 'utf8')),
    chunk('XMP ', Buffer.from(`<x:xmpmeta>${text}</x:xmpmeta>`, 'utf8')),
  ]);
  const head = Buffer.alloc(12);
  head.write('RIFF', 0, 'ascii');
  head.writeUInt32LE(body.length + 4, 4);
  head.write('WEBP', 8, 'ascii');
  return Buffer.concat([head, body]);
}

const encodings = (text: string) => [
  Buffer.from(text, 'utf8'),
  Buffer.from(text, 'latin1'),
  Buffer.from(text, 'utf16le'),
];

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quizroom-served-media-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function expectNoAnswer(store: MediaStore): Promise<void> {
  const leaks = await scanFolder(store.dir, needles);
  expect(leaks, describeLeaks(leaks)).toEqual([]);
  for (const name of await readdir(store.dir)) {
    const bytes = await readFile(join(store.dir, name));
    for (const needle of [...encodings(RIGHT), ...encodings(PROMPT)])
      expect(bytes.includes(needle), name).toBe(false);
    // The name is the hash of the stored bytes, nothing else.
    expect(name).toBe(`${createHash('sha256').update(bytes).digest('hex')}.${name.split('.')[1]}`);
  }
}

describe('media served to phones carry no answer', () => {
  it('ingest removes the answer hidden in picture metadata and sound tags', async () => {
    const hidden = `${PROMPT} Answer: ${RIGHT}`;
    const samples = [
      ['flag.png', withPngText(await samplePicture(80, 60, 'image/png'), hidden)],
      ['flag.jpg', withJpegText(await samplePicture(80, 60, 'image/jpeg'), hidden)],
      ['flag.webp', webpWithText(hidden)],
      ['anthem.mp3', sampleMp3(RIGHT)],
      ['anthem.wav', sampleWav(RIGHT)],
    ] as const;
    // The samples really carry it before ingest.
    for (const [name, bytes] of samples) expect(bytes.includes(Buffer.from(RIGHT, 'utf8')), name).toBe(true);
    const store = new MediaStore(join(dir, 'media'));
    for (const [name, bytes] of samples) await ingestInto(store, bytes, name);
    expect(await readdir(store.dir)).toHaveLength(samples.length);
    await expectNoAnswer(store);
  });

  it('a media name does not depend on the file name it came with', async () => {
    const store = new MediaStore(join(dir, 'media'));
    const png = await samplePicture(40, 30, 'image/png');
    const a = await ingestInto(store, png, `${RIGHT}.png`);
    const b = await ingestInto(store, png, 'picture-1.png');
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{64}\.png$/);
  });

  it('a package whose media carry the answer in their metadata is refused, and nothing is stored', async () => {
    const tagged = withPngText(await samplePicture(40, 30, 'image/png'), RIGHT);
    const ref = `${createHash('sha256').update(tagged).digest('hex')}.png`;
    const quiz = parseQuiz({
      title: 'Parliament',
      questions: [{ kind: 'choice', prompt: PROMPT, options: OPTIONS, correct: 1, image: ref }],
    });
    const zip = new yazl.ZipFile();
    zip.addBuffer(Buffer.from(quizFileText(quiz)), 'quiz.json');
    zip.addBuffer(tagged, `media/${ref}`);
    zip.end();
    const chunks: Buffer[] = [];
    for await (const c of zip.outputStream as AsyncIterable<Buffer>) chunks.push(c);
    const file = join(dir, 'tagged.quizroom');
    await writeFile(file, Buffer.concat(chunks));
    const store = new MediaStore(join(dir, 'room'));
    const error = await readQuizPackage(await readFile(file), 'tagged.quizroom', store).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(QuizError);
    expect((error as Error).message).toContain(`tagged.quizroom: media/${ref} carries metadata (tEXt, iTXt)`);
    expect(await readdir(store.dir).catch(() => [])).toEqual([]);
  });
});
