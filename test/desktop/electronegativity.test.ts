/**
 * Electronegativity (Electron security linter) over the sources and the build. It always exits
 * 0, so its CSV report is parsed here: any HIGH or MEDIUM finding that is not in the reviewed
 * allow-list (electronegativity-allow.json, with a reason per entry) fails the test.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from '../support/built-app';
import allowList from './electronegativity-allow.json';

interface Finding {
  check: string;
  severity: string;
  confidence: string;
  file: string;
  location: string;
}

/** One CSV line into cells, with double-quoted cells that may hold commas. */
function cells(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  out.push(cur.trim());
  return out;
}

let dir = '';
beforeAll(async () => {
  await ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'quizroom-eneg-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function scan(input: string): Finding[] {
  const report = join(dir, `${input.replace(/\W/g, '_')}.csv`);
  execFileSync(
    process.execPath,
    [
      resolve(ROOT, 'node_modules/@doyensec/electronegativity/dist/index.js'),
      '-i',
      resolve(ROOT, input),
      '-e',
      '45.5.0',
      '-r',
      '-v',
      'false',
      '-o',
      report,
    ],
    {
      cwd: ROOT,
      stdio: 'ignore',
      timeout: 240_000,
    },
  );
  const lines = readFileSync(report, 'utf8').split(/\r?\n/).filter(Boolean).slice(1);
  return lines.map((line) => {
    const [check = '', severity = '', confidence = '', file = '', location = ''] = cells(line);
    return { check, severity, confidence, file, location };
  });
}

const allowed = (f: Finding) =>
  allowList.some((a) => a.check === f.check && (a.file === '*' || a.file === f.file));

describe('Electron security review (Electronegativity)', () => {
  it.each(['src', 'out'])(
    'finds no unreviewed HIGH or MEDIUM issue in %s',
    (input) => {
      const findings = scan(input);
      console.log(
        `electronegativity ${input}: ${findings.length} findings, ${findings.filter(allowed).length} reviewed in the allow-list`,
      );
      const open = findings.filter((f) => (f.severity === 'HIGH' || f.severity === 'MEDIUM') && !allowed(f));
      expect(open).toEqual([]);
    },
    300_000,
  );

  it('gives a reason for every allow-list entry', () => {
    for (const entry of allowList) expect(entry.reason.length).toBeGreaterThan(40);
  });
});
