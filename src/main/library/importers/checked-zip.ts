/**
 * Reading a zip archive (an .xlsx is one) that may be hostile. The central directory is read
 * first (with yauzl) and every entry is checked against the sizes it declares before anything
 * is inflated: the number of entries, each entry's size, the total, and the compression ratio.
 * Then only the wanted entries are inflated, and each is stopped the moment it produces more
 * bytes than it declared (a lying directory). A zip bomb is refused naming the entry; nothing
 * else of the archive is ever inflated.
 */
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { QuizError } from '../../../shared/quiz/load-quiz';
import { ZIP_LIMITS, type ZipLimits } from './import-limits';
import type { WorkMeter } from './work-meter';

/** How messages name the archive and what to do about a refused one. */
export interface ZipWording {
  /** "Excel workbook (.xlsx)" */
  title: string;
  /** "workbook" */
  noun: string;
  /** "a workbook holds a few dozen" (files) */
  usualEntries: string;
  advice: string;
}

const WORKBOOK: ZipWording = {
  title: 'Excel workbook (.xlsx)',
  noun: 'workbook',
  usualEntries: 'a workbook holds a few dozen',
  advice: 'Open it in a spreadsheet app, save it again as .xlsx or CSV, and import that.',
};

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** What the central directory says of an entry. */
interface DeclaredEntry {
  entry: yauzl.Entry;
  name: string;
}

function unreadable(source: string, e: unknown, w: ZipWording): QuizError {
  const why = e instanceof Error ? e.message : String(e);
  return new QuizError(`${source} is not a readable ${w.title}: ${why}. ${w.advice}`);
}

/** Checks one entry's declared sizes; returns the running total. */
function checkDeclared(
  entry: yauzl.Entry,
  source: string,
  total: number,
  limits: ZipLimits,
  w: ZipWording,
): number {
  const name = entry.fileName;
  const size = entry.uncompressedSize;
  if (size > limits.maxEntryBytes) {
    throw new QuizError(
      `${source}: the part "${name}" inflates to ${mb(size)}, more than the ${mb(limits.maxEntryBytes)} ` +
        `Quizroom reads from one part of a ${w.noun}, so the file was not opened. ${w.advice}`,
    );
  }
  if (size > limits.ratioGraceBytes && size > entry.compressedSize * limits.maxRatio) {
    const ratio = entry.compressedSize > 0 ? Math.round(size / entry.compressedSize) : Infinity;
    throw new QuizError(
      `${source}: the part "${name}" is compressed ${ratio} to 1 (${entry.compressedSize} bytes inflating ` +
        `to ${mb(size)}); a real ${w.noun} is compressed at most ${limits.maxRatio} to 1, so this looks like ` +
        `a zip bomb and the file was not opened. ${w.advice}`,
    );
  }
  if (total + size > limits.maxTotalBytes) {
    throw new QuizError(
      `${source} inflates to more than ${mb(limits.maxTotalBytes)} (past the part "${name}"), more than ` +
        `any quiz ${w.noun}, so the file was not opened. ${w.advice}`,
    );
  }
  return total + size;
}

/** Reads the central directory: every entry, checked, nothing inflated. */
function declaredEntries(
  zip: yauzl.ZipFile,
  source: string,
  limits: ZipLimits,
  w: ZipWording,
): Promise<DeclaredEntry[]> {
  if (zip.entryCount > limits.maxEntries) {
    throw new QuizError(
      `${source} holds ${zip.entryCount} files; ${w.usualEntries} and Quizroom opens at most ` +
        `${limits.maxEntries}, so the file was not opened. ${w.advice}`,
    );
  }
  return new Promise((resolve, reject) => {
    const entries: DeclaredEntry[] = [];
    let total = 0;
    zip.on('entry', (entry: yauzl.Entry) => {
      try {
        total = checkDeclared(entry, source, total, limits, w);
      } catch (e) {
        zip.close();
        reject(e);
        return;
      }
      entries.push({ entry, name: entry.fileName });
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', (e) => reject(unreadable(source, e, w)));
    zip.readEntry();
  });
}

/** Inflates one entry, stopping as soon as it yields more than it declared. */
async function inflate(
  zip: yauzl.ZipFile,
  { entry, name }: DeclaredEntry,
  source: string,
  meter: WorkMeter,
  w: ZipWording,
): Promise<Buffer> {
  const declared = entry.uncompressedSize;
  const lying = () =>
    new QuizError(
      `${source}: the part "${name}" inflates to more than the ${declared} bytes the archive's directory ` +
        `declares for it; the file is damaged or crafted, and was not opened. ${w.advice}`,
    );
  let stream: Readable;
  try {
    stream = await zip.openReadStreamPromise(entry);
  } catch (e) {
    throw unreadable(source, e, w);
  }
  const chunks: Buffer[] = [];
  let received = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      received += chunk.length;
      meter.add(chunk.length);
      // yauzl checks this too (validateEntrySizes); the archive is refused here whatever it says.
      if (received > declared) throw lying();
      chunks.push(chunk);
    }
  } catch (e) {
    stream.destroy();
    if (e instanceof QuizError) throw e;
    if (/too many bytes/i.test(String(e))) throw lying();
    throw unreadable(source, e, w);
  }
  if (received !== declared) {
    throw unreadable(source, `the part "${name}" is ${received} bytes, not the ${declared} it declares`, w);
  }
  return Buffer.concat(chunks, received);
}

/**
 * The wanted entries of a zip archive, inflated, by name; refuses (QuizError naming the entry
 * and the limit) an archive past ZIP_LIMITS or one that lies about its sizes.
 */
export async function readCheckedZip(
  bytes: Uint8Array,
  source: string,
  wanted: (name: string) => boolean,
  meter: WorkMeter,
  limits: ZipLimits = ZIP_LIMITS,
  w: ZipWording = WORKBOOK,
): Promise<Map<string, Buffer>> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      lazyEntries: true,
      validateEntrySizes: true,
      decodeStrings: true,
      strictFileNames: false,
    });
  } catch (e) {
    throw unreadable(source, e, w);
  }
  try {
    const entries = await declaredEntries(zip, source, limits, w);
    meter.add(entries.length);
    const parts = new Map<string, Buffer>();
    for (const declared of entries) {
      if (declared.name.endsWith('/') || !wanted(declared.name)) continue;
      parts.set(declared.name, await inflate(zip, declared, source, meter, w));
    }
    return parts;
  } finally {
    zip.close();
  }
}
