import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MediaStore, mediaRefOf } from '../../src/main/media/media-store';
import { QuizSchema } from '../../src/shared/quiz/quiz-schema';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quizroom-media-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('media store', () => {
  it('names bytes by their SHA-256 and keeps one copy', async () => {
    const store = new MediaStore(join(dir, 'media'));
    const bytes = new TextEncoder().encode('not really a png');
    const a = await store.put(bytes, 'png');
    const b = await store.put(bytes, 'png');
    expect(a).toBe(b);
    expect(a).toBe(mediaRefOf(bytes, 'png'));
    expect(a).toMatch(/^[0-9a-f]{64}\.png$/);
    expect(Buffer.from((await store.get(a))!)).toEqual(Buffer.from(bytes));
  });

  it('refuses names that are not media names (no path tricks)', async () => {
    const store = new MediaStore(dir);
    await writeFile(join(dir, 'secret.txt'), 'x');
    expect(await store.get('secret.txt')).toBeUndefined();
    expect(await store.get('../secret.txt')).toBeUndefined();
    expect(await store.has(`${'a'.repeat(64)}.png/../../secret.txt`)).toBe(false);
    expect(() => mediaRefOf(new Uint8Array(1), 'exe')).toThrow();
  });
});

describe('quiz media fields', () => {
  const ref = `${'ab'.repeat(32)}.png`;
  const choice = { kind: 'choice', prompt: 'Which flag?', options: ['A', 'B'], correct: 0 };

  it('accepts a picture on a question, a sound, and pictures as options', () => {
    const r = QuizSchema.safeParse({
      title: 'Flags',
      questions: [{ ...choice, image: ref, audio: `${'cd'.repeat(32)}.mp3`, optionImages: [ref, null] }],
    });
    expect(r.success).toBe(true);
  });

  it('says where a media field is wrong', () => {
    const r = QuizSchema.safeParse({
      title: 'Flags',
      questions: [{ ...choice, image: 'http://example.com/a.png', optionImages: [ref] }],
    });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toContain('questions.0.image');
    expect(paths).toContain('questions.0.optionImages');
    const sound = QuizSchema.safeParse({
      title: 'x',
      questions: [{ ...choice, audio: ref }],
    });
    expect(sound.error!.issues[0]!.message).toMatch(/sound/);
  });
});
