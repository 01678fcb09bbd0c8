/**
 * Quiz packages (`.quizroom`): a quiz with pictures and a sound exported from the library imports
 * (on the import thread, into another library) as the same quiz with the same media bytes; hostile
 * packages (path tricks, missing media, bytes that are not what their name says, oversize and
 * unknown entries) are refused naming the file and the entry, and store nothing.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { ingestInto } from '../../src/main/media/media-ingest';
import { MediaStore, mediaRefOf } from '../../src/main/media/media-store';
import { readQuizPackage, writeQuizPackage } from '../../src/main/media/quiz-package';
import { importQuizFileHere } from '../../src/main/library/importers/import-quiz-bytes';
import { importSummaryLines } from '../../src/main/library/importers/import-summary';
import { quizFileText } from '../../src/main/library/quiz-file-text';
import { QuizLibrary } from '../../src/main/library/quiz-library';
import { openQuiz } from '../../src/main/library/read-quiz-file';
import { parseQuiz } from '../../src/shared/quiz/load-quiz';
import type { Quiz } from '../../src/shared/quiz/quiz-schema';
import { quizRefusal } from '../support/quiz-refusal';
import { sampleMp3, samplePicture } from '../support/media-samples';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quizroom-package-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Entry {
  name: string;
  bytes: Buffer;
}

/** A zip of these entries; a name may contain "PLACEHOLDER" patterns patched afterwards. */
async function zipOf(entries: Entry[], patch?: [string, string]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const e of entries) zip.addBuffer(e.bytes, e.name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream as AsyncIterable<Buffer>) chunks.push(c);
  let out = Buffer.concat(chunks);
  if (patch) {
    // yazl refuses unsafe names: write a same-length stand-in, then rename it in every header.
    const [from, to] = patch;
    expect(from.length).toBe(to.length);
    out = Buffer.from(out.toString('latin1').split(from).join(to), 'latin1');
  }
  return out;
}

async function quizWithMedia(store: MediaStore): Promise<Quiz> {
  const map = await ingestInto(store, await samplePicture(120, 80, 'image/png'), 'map.png');
  const photo = await ingestInto(store, await samplePicture(90, 60, 'image/jpeg'), 'photo.jpg');
  const flag = await ingestInto(store, await samplePicture(30, 20, 'image/png'), 'flag.png');
  const clip = await ingestInto(store, sampleMp3('anthem'), 'anthem.mp3');
  return parseQuiz({
    title: 'Flags and maps',
    questions: [
      {
        kind: 'choice',
        prompt: 'Which country?',
        image: map,
        audio: clip,
        options: ['A', 'B', 'C'],
        correct: 1,
        optionImages: [flag, null, photo],
      },
      { kind: 'true_false', prompt: 'Is this a photo?', image: photo, correct: true },
      { kind: 'choice', prompt: 'No media here', options: ['x', 'y'], correct: 0 },
    ],
  });
}

const refusal = quizRefusal;

describe('quiz packages', () => {
  it('export then import gives the same quiz and the same media bytes', async () => {
    const from = new QuizLibrary(join(dir, 'from'));
    const quiz = await quizWithMedia(from.media);
    const { id } = await from.create(quiz);
    const exported = await from.exportQuiz(id);
    expect(exported.extension).toBe('.quizroom');
    // The same quiz and media always make the same file.
    expect((await from.exportQuiz(id)).bytes.equals(exported.bytes)).toBe(true);
    const file = join(dir, 'flags.quizroom');
    await writeFile(file, exported.bytes);

    const to = new QuizLibrary(join(dir, 'to'));
    const { entry, summary } = await to.importFile(file);
    expect(summary).toMatchObject({ format: 'quizroom-package', taken: 3, media: 4 });
    expect(importSummaryLines(summary, file)).toContain('  With 4 pictures and sounds.');
    expect(await to.read(entry.id)).toEqual(quiz);
    const names = (await readdir(to.media.dir)).sort();
    expect(names).toEqual((await readdir(from.media.dir)).sort());
    for (const name of names) {
      expect((await to.media.get(name))!.equals((await from.media.get(name))!)).toBe(true);
    }
  });

  it('exports a quiz without media as its JSON file, as before', async () => {
    const library = new QuizLibrary(join(dir, 'lib'));
    const plain = parseQuiz({
      title: 'Plain',
      questions: [{ kind: 'choice', prompt: 'Q?', options: ['a', 'b'], correct: 0 }],
    });
    const { id } = await library.create(plain);
    const exported = await library.exportQuiz(id);
    expect(exported.extension).toBe('.json');
    expect(exported.bytes.toString('utf8')).toBe(quizFileText(plain));
  });

  it('opens a package for the headless host with its media in a folder of the room', async () => {
    const store = new MediaStore(join(dir, 'lib'));
    const quiz = await quizWithMedia(store);
    const file = join(dir, 'lesson.quizroom');
    await writeFile(file, await writeQuizPackage(quiz, store));
    const roomDir = join(dir, 'room');
    const opened = await openQuiz(file, { mediaDir: roomDir });
    expect(opened.quiz).toEqual(quiz);
    expect(opened.imported?.media).toBe(4);
    expect((await readdir(roomDir)).sort()).toEqual((await readdir(store.dir)).sort());
    // Without a place for its media, a package with media is refused.
    expect(await refusal(openQuiz(file))).toContain('no media folder');
  });

  it('ignores media files the quiz does not use', async () => {
    const store = new MediaStore(join(dir, 'a'));
    const quiz = await quizWithMedia(store);
    const extra = await samplePicture(10, 10, 'image/png');
    const good = await zipOf([
      { name: 'quiz.json', bytes: Buffer.from(quizFileText(quiz)) },
      ...(await Promise.all(
        (await readdir(store.dir)).map(async (name) => ({
          name: `media/${name}`,
          bytes: (await store.get(name))!,
        })),
      )),
      { name: `media/${mediaRefOf(extra, 'png')}`, bytes: extra },
    ]);
    const into = new MediaStore(join(dir, 'b'));
    const read = await readQuizPackage(good, 'extra.quizroom', into);
    expect(read.media).toHaveLength(4);
    expect(await into.has(mediaRefOf(extra, 'png'))).toBe(false);
  });

  describe('hostile packages are refused, naming the file and the entry, and store nothing', () => {
    let quiz: Quiz;
    let media: Entry[];
    let into: MediaStore;
    beforeEach(async () => {
      const store = new MediaStore(join(dir, 'src'));
      quiz = await quizWithMedia(store);
      media = await Promise.all(
        (await readdir(store.dir)).map(async (name) => ({
          name: `media/${name}`,
          bytes: (await store.get(name))!,
        })),
      );
      into = new MediaStore(join(dir, 'into'));
    });
    const quizJson = () => ({ name: 'quiz.json', bytes: Buffer.from(quizFileText(quiz)) });
    const stored = async () => readdir(into.dir).catch(() => []);

    it('a path trick in an entry name (zip slip)', async () => {
      const bytes = await zipOf(
        [quizJson(), ...media, { name: 'media/XX/evil.sh', bytes: Buffer.from('x') }],
        ['media/XX/evil.sh', 'media/../evil.sh'],
      );
      const message = await refusal(readQuizPackage(bytes, 'slip.quizroom', into));
      expect(message).toContain('slip.quizroom');
      // yauzl refuses it while reading the directory, naming the entry.
      expect(message).toContain('media/../evil.sh');
      expect(await stored()).toEqual([]);
    });

    it('an absolute path', async () => {
      const bytes = await zipOf(
        [quizJson(), { name: 'XXXXtmp/evil', bytes: Buffer.from('x') }],
        ['XXXXtmp/evil', '/tmp/evil123'],
      );
      expect(await refusal(readQuizPackage(bytes, 'abs.quizroom', into))).toContain('/tmp/evil123');
    });

    it('a media file the quiz uses is missing', async () => {
      const bytes = await zipOf([quizJson(), ...media.slice(1)]);
      const message = await refusal(readQuizPackage(bytes, 'short.quizroom', into));
      expect(message).toContain('short.quizroom');
      expect(message).toContain(media[0]!.name);
      expect(await stored()).toEqual([]);
    });

    it('a media file whose bytes do not hash to its name', async () => {
      const swapped = media.map((m, i) => (i === 0 ? { name: m.name, bytes: media[1]!.bytes } : m));
      const message = await refusal(
        readQuizPackage(await zipOf([quizJson(), ...swapped]), 'swap.quizroom', into),
      );
      expect(message).toContain(`swap.quizroom: ${media[0]!.name}`);
      expect(message).toContain('SHA-256');
      expect(await stored()).toEqual([]);
    });

    it('an entry larger than any picture, before inflating it', async () => {
      const big = Buffer.alloc(16 * 1024 * 1024, 7);
      const bytes = await zipOf([
        quizJson(),
        ...media,
        { name: `media/${mediaRefOf(big, 'png')}`, bytes: big },
      ]);
      const message = await refusal(readQuizPackage(bytes, 'big.quizroom', into));
      expect(message).toContain('big.quizroom');
      expect(message).toMatch(/inflates to 16 MB, more than the 15 MB/);
    });

    it('no quiz.json, and an invalid one', async () => {
      expect(await refusal(readQuizPackage(await zipOf(media), 'none.quizroom', into))).toContain(
        'no quiz.json',
      );
      const broken = { name: 'quiz.json', bytes: Buffer.from('{"title": "x", "questions": []}') };
      expect(await refusal(readQuizPackage(await zipOf([broken]), 'bad.quizroom', into))).toContain(
        'bad.quizroom: quiz.json',
      );
    });

    it('a .quizroom that is not a zip, through the importer', async () => {
      const file = join(dir, 'fake.quizroom');
      await writeFile(file, quizFileText(quiz));
      expect(await refusal(importQuizFileHere(file, undefined, into.dir))).toContain(
        'fake.quizroom is not a Quizroom package',
      );
    });
  });
});
