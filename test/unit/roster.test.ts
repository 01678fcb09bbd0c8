/**
 * Class lists: reading one from a CSV file or typed text (separators, titles in three languages,
 * quotes, a byte-order mark), every line that cannot be taken reported by its number, hostile
 * input (a huge text, more than 1,000 names, control characters), the settings' schema that
 * checks the list again, and names a spreadsheet would run as a formula defused in every export.
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildGameReport } from '../../src/main/reports/build-game-report';
import { reportCsv } from '../../src/main/reports/report-csv';
import { reportXlsx } from '../../src/main/reports/report-xlsx';
import type { Effect } from '../../src/main/game';
import { ROSTER_LIMITS, type RosterEntry } from '../../src/shared/protocol';
import { RosterSchema } from '../../src/shared/protocol/settings-schema';
import { resultsCsv } from '../../src/shared/results-csv';
import { identityColumn } from '../../src/shared/roster/identity-column';
import { rosterKey } from '../../src/shared/roster/roster-key';
import { parseRoster, ROSTER_TEXT_MAX } from '../../src/shared/roster/roster-parse';
import { EngineHarness } from '../support/engine-harness';

describe('reading a class list', () => {
  it('takes one name a line, with or without an id, after any of the three separators', () => {
    expect(parseRoster('Ada Lovelace\nBen Okafor\n').entries).toEqual([
      { name: 'Ada Lovelace' },
      { name: 'Ben Okafor' },
    ]);
    for (const sep of [',', ';', '\t'])
      expect(parseRoster(`Ada Lovelace${sep}S-1\r\nBen Okafor${sep}S-2`)).toEqual({
        entries: [
          { name: 'Ada Lovelace', id: 'S-1' },
          { name: 'Ben Okafor', id: 'S-2' },
        ],
        problems: [],
      });
  });

  it('recognises a title row in English, Spanish and German, and which column is which', () => {
    expect(parseRoster('Name,Student number\nAda,1\n').entries).toEqual([{ name: 'Ada', id: '1' }]);
    expect(parseRoster('Nombre;Número\nZoë;7\n').entries).toEqual([{ name: 'Zoë', id: '7' }]);
    expect(parseRoster('Nummer\tName\n12\tJonas Weiß\n').entries).toEqual([{ name: 'Jonas Weiß', id: '12' }]);
    expect(parseRoster('ID,Nombre\nA1,Lucía\n').entries).toEqual([{ name: 'Lucía', id: 'A1' }]);
    // A first line that is a person stays a person.
    expect(parseRoster('Ada Lovelace,1\nBen,2').entries).toHaveLength(2);
  });

  it('reads a byte-order mark, quotes and blank lines, and numbers lines as the file does', () => {
    const text = '\uFEFFName,Id\r\n"Okafor, Ben","S ""2"""\r\n\r\n,3\r\nAda\r\n';
    const { entries, problems } = parseRoster(text);
    expect(entries).toEqual([{ name: 'Okafor, Ben', id: 'S "2"' }, { name: 'Ada' }]);
    expect(problems).toEqual([{ line: 4, message: 'There is no name on this line.' }]);
  });

  it('reports a name too long, a duplicate (in any case or accents) and a control character by line', () => {
    const long = 'x'.repeat(ROSTER_LIMITS.nameMax + 1);
    const text = ['Zoë Müller', long, '  ZOE  muller ', 'Bad\u202eName', `Ok,${'9'.repeat(41)}`, 'Ben'].join(
      '\n',
    );
    const { entries, problems } = parseRoster(text);
    expect(entries).toEqual([{ name: 'Zoë Müller' }, { name: 'Ben' }]);
    expect(problems.map((p) => p.line)).toEqual([2, 3, 4, 5]);
    expect(problems[0]!.message).toMatch(/too long \(61 characters; at most 60\)/);
    expect(problems[1]!.message).toMatch(/already on the list \(line 1\)/);
    expect(problems[2]!.message).toMatch(/control character/);
    expect(problems[3]!.message).toMatch(/id is too long/);
    expect(RosterSchema.safeParse(entries).success).toBe(true);
  });

  it('stops at 1,000 names and says from which line on names were left out', () => {
    const lines = Array.from({ length: 1005 }, (_, i) => `Pupil ${i + 1}`);
    const { entries, problems } = parseRoster(['Name', ...lines].join('\n'));
    expect(entries).toHaveLength(ROSTER_LIMITS.maxEntries);
    expect(problems).toEqual([
      {
        line: 1002,
        message: 'A class list has at most 1,000 names: this line and the 4 after it were left out.',
      },
    ]);
    expect(RosterSchema.safeParse(entries).success).toBe(true);
    expect(RosterSchema.safeParse([...entries, { name: 'One more' }]).success).toBe(false);
  });

  it('refuses a huge text without reading it, and lists at most 50 problems one by one', () => {
    const huge = parseRoster('a,'.repeat(ROSTER_TEXT_MAX));
    expect(huge.entries).toEqual([]);
    expect(huge.problems).toHaveLength(1);
    expect(huge.problems[0]!.line).toBe(0);
    const empty = parseRoster(Array.from({ length: 80 }, () => ',1').join('\n'));
    expect(empty.problems).toHaveLength(51);
    expect(empty.problems.at(-1)).toEqual({ line: 0, message: '30 more lines have problems.' });
  });

  it('matches names ignoring case, accents and spacing; the schema refuses two alike', () => {
    expect(rosterKey('  Zoë   MÜLLER ')).toBe(rosterKey('zoe muller'));
    expect(rosterKey('Ana')).not.toBe(rosterKey('Anna'));
    const twice = RosterSchema.safeParse([{ name: 'Chloé' }, { name: 'CHLOE' }]);
    expect(twice.success).toBe(false);
    expect(twice.error!.issues[0]!.path).toEqual([1, 'name']);
    expect(RosterSchema.safeParse([{ name: '   ' }]).success).toBe(false);
    expect(RosterSchema.safeParse([{ name: 'Tab\there' }]).success).toBe(false);
  });
});

/** A game in a room with this class list; each pupil joins with their list name. */
function classGame(roster: RosterEntry[]) {
  const h = new EngineHarness(undefined, { minPlayers: 0, identity: 'roster', roster });
  const ids = roster.map((entry, i) => {
    const effects = h.send({
      kind: 'join',
      conn: 500 + i,
      name: `Pupil ${i + 1}`,
      address: `device-${i}`,
      identity: entry.name,
    });
    const bind = effects.find((e): e is Extract<Effect, { kind: 'bind' }> => e.kind === 'bind');
    if (!bind) throw new Error(`${entry.name} was refused`);
    return bind.playerId;
  });
  h.startGame();
  h.host({ type: 'end' });
  const over = h.last.find((e) => e.kind === 'game_over');
  if (!over) throw new Error('the game did not end');
  return { h, ids, report: buildGameReport(over.record, 'Room 4B') };
}

describe('identities in the results and reports', () => {
  const hostile: RosterEntry[] = [
    { name: "=cmd|' /C calc'!A0", id: '+SUM(1)' },
    { name: '@Ada', id: 'S-2' },
    { name: 'Ben Okafor' },
  ];

  it('carries the identity and the list id in the report CSV, with formulas defused', () => {
    const { report } = classGame(hostile);
    expect(report.players.map((p) => p.identity).sort()).toEqual(hostile.map((e) => e.name).sort());
    const rows = Papa.parse<string[]>(reportCsv(report)).data;
    expect(rows[0]!.slice(0, 4)).toEqual(['Rank', 'Name', 'Name on the class list', 'ID on the class list']);
    const cells = rows.slice(1).flatMap((r) => r.slice(2, 4));
    expect(cells).toContain("'=cmd|' /C calc'!A0");
    expect(cells).toContain("'+SUM(1)");
    expect(cells).toContain("'@Ada");
    for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@]/);
  });

  it('writes formula-like identities into the workbook as text, never as formulas', async () => {
    const { report } = classGame(hostile);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await reportXlsx(report)) as never);
    for (const name of ['Leaderboard', 'Answers']) {
      const sheet = workbook.getWorksheet(name)!;
      const header = sheet.getRow(1).values as unknown[];
      const at = header.indexOf('Name on the class list');
      expect(at).toBeGreaterThan(0);
      expect(header[at + 1]).toBe('ID on the class list');
      if (name === 'Answers') continue;
      const values: unknown[] = [];
      sheet.eachRow((row, n) => {
        if (n === 1) return;
        const cell = row.getCell(at);
        expect(cell.type).toBe(ExcelJS.ValueType.String);
        values.push(cell.value);
      });
      expect(values).toContain("=cmd|' /C calc'!A0");
    }
  });

  it('adds the identity column to the results CSV, titled after the setting', () => {
    const { h } = classGame(hostile);
    const host = h.snapshot({ role: 'host' });
    const csv = Papa.parse<string[]>(
      resultsCsv(host.standings!, [], identityColumn(host.settings)),
    ).data.filter((r) => r.length > 1);
    expect(csv[0]).toEqual([
      'Rank',
      'Name',
      'Name on the class list',
      'Score',
      'Correct answers',
      'Connected at the end',
    ]);
    expect(
      csv
        .slice(1)
        .map((r) => r[2])
        .sort(),
    ).toEqual(["'=cmd|' /C calc'!A0", "'@Ada", 'Ben Okafor']);
    expect(identityColumn({ identity: 'field', identityLabel: 'Matrikelnummer' })).toBe('Matrikelnummer');
    expect(identityColumn({ identity: 'none', identityLabel: 'x' })).toBeNull();
  });

  it('never gives a phone the class list or its ids', () => {
    const { h, ids } = classGame(hostile);
    const phone = h.snapshot({ role: 'player', playerId: ids[0]! });
    expect(phone.settings.roster).toEqual([]);
    // A player with a name gets no list; a guest gets the names alone, sorted.
    expect(phone.rosterNames).toBeUndefined();
    const guest = h.snapshot({ role: 'guest' });
    expect(guest.settings.roster).toEqual([]);
    expect(JSON.stringify(guest)).not.toMatch(/S-2|SUM/);
    expect(guest.claimedNames).toHaveLength(3);
    expect(guest.rosterNames).toEqual(
      ['@Ada', "=cmd|' /C calc'!A0", 'Ben Okafor'].sort(
        new Intl.Collator(undefined, { sensitivity: 'base', numeric: true }).compare,
      ),
    );
    expect(JSON.stringify(phone)).not.toContain('S-2');
    expect(phone.top.every((r) => r.identity === undefined)).toBe(true);
    expect(h.snapshot({ role: 'host' }).settings.roster).toEqual(hostile);
  });
});
