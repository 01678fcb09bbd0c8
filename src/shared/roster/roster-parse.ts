/**
 * Reads a class list: a CSV file or typed text, one person a line, as `name` or `name,id` (also
 * `;` or tab between them; quotes as in CSV). A first line of column titles ("Name,Student
 * number", "Nombre;Número", "Name\tNummer") is recognised and skipped, and says which column is
 * which. Every line that cannot be taken is reported by its number; the rest are the list.
 * Plain code (papaparse, no zod): the host checks the list again with the settings' schema.
 */
import Papa from 'papaparse';
import { ROSTER_LIMITS } from '../protocol/setting-limits';
import type { RosterEntry } from '../protocol';
import { rosterKey } from './roster-key';

export interface RosterProblem {
  /** The line of the text (from 1); 0: the text as a whole. */
  line: number;
  message: string;
}

export interface RosterParse {
  entries: RosterEntry[];
  problems: RosterProblem[];
}

/** The longest text read, in characters: a class list of 1,000 people is a small part of it. */
export const ROSTER_TEXT_MAX = 1_000_000;

/** At most this many problems are listed one by one; the rest are counted in one more. */
const MAX_PROBLEMS = 50;

/** Column titles for the name, in English, Spanish and German (compared by rosterKey). */
const NAME_WORDS = new Set([
  'name',
  'names',
  'full name',
  'student',
  'student name',
  'pupil',
  'nombre',
  'nombres',
  'nombre completo',
  'alumno',
  'alumna',
  'estudiante',
  'vorname',
  'nachname',
  'schuler',
  'schulerin',
  'schueler',
]);

/** Column titles for the id. */
const ID_WORDS = new Set([
  'id',
  'number',
  'no',
  'no.',
  'nr',
  'nr.',
  'student number',
  'student id',
  'code',
  'numero',
  'numero de alumno',
  'num',
  'codigo',
  'nummer',
  'schulernummer',
  'matrikelnummer',
  'kennung',
]);

/** Characters a name or id may not hold (line breaks, tabs, direction overrides). */
const CONTROL = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/u;

/** The separator the text uses: the one papaparse finds, of `,`, `;` and tab. */
function delimiterOf(text: string): string {
  const guess = Papa.parse<string[]>(text, {
    preview: 20,
    skipEmptyLines: 'greedy',
    delimitersToGuess: [',', ';', '\t'],
  });
  return guess.meta.delimiter || ',';
}

/** The columns of a title row (name first unless it says otherwise), or null when it is a person. */
function titleColumns(cells: readonly string[]): { name: number; id: number } | null {
  const keys = cells.map((c) => rosterKey(c));
  const nameAt = keys.findIndex((k) => NAME_WORDS.has(k));
  const idAt = keys.findIndex((k) => ID_WORDS.has(k));
  if (nameAt < 0 && idAt < 0) return null;
  if (nameAt < 0) return { name: idAt === 0 ? 1 : 0, id: idAt };
  return { name: nameAt, id: idAt >= 0 ? idAt : nameAt === 0 ? 1 : 0 };
}

/** Reads a class list; see the module comment. */
export function parseRoster(input: string): RosterParse {
  const entries: RosterEntry[] = [];
  const problems: RosterProblem[] = [];
  if (input.length > ROSTER_TEXT_MAX)
    return {
      entries,
      problems: [
        {
          line: 0,
          message: `The text is too long (${input.length.toLocaleString('en')} characters; at most ${ROSTER_TEXT_MAX.toLocaleString('en')}). A class list has at most ${ROSTER_LIMITS.maxEntries.toLocaleString('en')} names.`,
        },
      ],
    };
  const text = input.replace(/^\uFEFF/u, '');
  const delimiter = delimiterOf(text);
  const lines = text.split(/\r\n|\r|\n/u);
  const seen = new Map<string, number>();
  let columns = { name: 0, id: 1 };
  let firstRow = true;
  let extra = 0;
  const problem = (line: number, message: string): void => {
    if (problems.length < MAX_PROBLEMS) problems.push({ line, message });
    else extra++;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = i + 1;
    const raw = lines[i]!;
    if (raw.trim() === '') continue;
    const cells = Papa.parse<string[]>(raw, { delimiter, quoteChar: '"' }).data[0] ?? [];
    if (cells.every((c) => c.trim() === '')) continue;
    if (firstRow) {
      firstRow = false;
      const titles = titleColumns(cells);
      if (titles) {
        columns = titles;
        continue;
      }
    }
    if (entries.length >= ROSTER_LIMITS.maxEntries) {
      const left = lines.slice(i).filter((l) => l.trim() !== '').length;
      problem(
        line,
        `A class list has at most ${ROSTER_LIMITS.maxEntries.toLocaleString('en')} names: this line and the ${(left - 1).toLocaleString('en')} after it were left out.`,
      );
      break;
    }
    const name = (cells[columns.name] ?? '').trim();
    const id = (cells[columns.id] ?? '').trim();
    if (name === '') {
      problem(line, 'There is no name on this line.');
      continue;
    }
    if (name.length > ROSTER_LIMITS.nameMax) {
      problem(line, `The name is too long (${name.length} characters; at most ${ROSTER_LIMITS.nameMax}).`);
      continue;
    }
    if (CONTROL.test(name) || CONTROL.test(id)) {
      problem(line, 'This line holds a character that cannot be typed (a control character).');
      continue;
    }
    if (id.length > ROSTER_LIMITS.idMax) {
      problem(line, `The id is too long (${id.length} characters; at most ${ROSTER_LIMITS.idMax}).`);
      continue;
    }
    const key = rosterKey(name);
    const before = seen.get(key);
    if (before !== undefined) {
      problem(line, `"${name}" is already on the list (line ${before}).`);
      continue;
    }
    seen.set(key, line);
    entries.push(id === '' ? { name } : { name, id });
  }
  if (extra > 0)
    problems.push({ line: 0, message: `${extra.toLocaleString('en')} more lines have problems.` });
  return { entries, problems };
}
