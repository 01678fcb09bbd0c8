/**
 * The class list given with `--roster FILE`: read (bounded), parsed (roster-parse.ts) and checked
 * with the settings' schema. Any line that cannot be taken stops the host, each one named as
 * `FILE:LINE: problem`, so that the list is fixed before pupils pick from it.
 */
import { readFile, stat } from 'node:fs/promises';
import { ROSTER_LIMITS, type RosterEntry } from '../../shared/protocol';
import { RosterSchema } from '../../shared/protocol/settings-schema';
import { parseRoster, ROSTER_TEXT_MAX } from '../../shared/roster/roster-parse';

export class RosterFileError extends Error {}

/** The class list in `path`, or a RosterFileError that says what is wrong and where. */
export async function readRosterFile(path: string): Promise<RosterEntry[]> {
  let text: string;
  try {
    // A UTF-8 character is at most 4 bytes: a bigger file cannot fit in the text limit.
    if ((await stat(path)).size > ROSTER_TEXT_MAX * 4)
      throw new RosterFileError(`${path} is too large to be a class list.`);
    text = await readFile(path, 'utf8');
  } catch (e) {
    if (e instanceof RosterFileError) throw e;
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : String(e);
    throw new RosterFileError(`Cannot read the class list ${path}: ${reason}.`);
  }
  const { entries, problems } = parseRoster(text);
  if (problems.length > 0)
    throw new RosterFileError(
      `The class list ${path} has ${problems.length === 1 ? 'a problem' : 'problems'}; fix ${problems.length === 1 ? 'it' : 'them'} and start again:\n` +
        problems
          .map((p) => (p.line > 0 ? `  ${path}:${p.line}: ${p.message}` : `  ${path}: ${p.message}`))
          .join('\n'),
    );
  if (entries.length === 0)
    throw new RosterFileError(
      `The class list ${path} has no names: write one name a line (at most ${ROSTER_LIMITS.maxEntries}), with an id after a comma if you like.`,
    );
  const checked = RosterSchema.safeParse(entries);
  if (!checked.success)
    throw new RosterFileError(`The class list ${path} is not valid: ${checked.error.issues[0]?.message}.`);
  return checked.data;
}
