/**
 * `npm run bench -- --players N[,N…] [--questions Q] [--seed S] [--json FILE] [--no-floor]
 * [--journal] [--cpu-prof DIR] [--host-node-args=ARGS]`: runs the load benchmark for each player
 * count in turn and prints the table. `--journal` gives our host a game journal, as both hosts
 * have by default; `--slice-ms` changes its send-slice budget (`Infinity`: every fan-out in one
 * go) and `--host-node-args` adds Node/V8 options to its process, to compare (the server's thread
 * keeps its own young-generation limit).
 * The exit code is 1 when any run had an error, a lost or duplicated message, or a wrong score,
 * and 2 when a run could not finish at all.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { runBenchmark, type BenchResult } from './benchmark';
import { formatNotes, formatStalls, formatTable } from './report-table';

const USAGE =
  'Usage: npm run bench -- --players N[,N…] [--questions Q] [--seed S] [--json FILE] [--no-floor] [--journal] [--slice-ms MS] [--cpu-prof DIR] [--host-node-args=ARGS]';

function positiveInt(value: string, what: string, min = 1): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new Error(`${what} must be a whole number of at least ${min}, not "${value}".\n${USAGE}`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      players: { type: 'string' },
      questions: { type: 'string', default: '5' },
      seed: { type: 'string', default: '1' },
      json: { type: 'string' },
      'no-floor': { type: 'boolean', default: false },
      journal: { type: 'boolean', default: false },
      'slice-ms': { type: 'string' },
      'cpu-prof': { type: 'string' },
      'host-node-args': { type: 'string' },
    },
  });
  if (!values.players) throw new Error(`--players is required.\n${USAGE}`);
  const counts = values.players.split(',').map((p) => positiveInt(p.trim().replace(/_/g, ''), '--players'));
  const questions = positiveInt(values.questions, '--questions', 1);
  const seed = positiveInt(values.seed, '--seed', 0);

  if (values.json) mkdirSync(dirname(values.json), { recursive: true });
  const results: BenchResult[] = [];
  const failures: string[] = [];
  for (const players of counts) {
    process.stderr.write(`${players} players, ${questions} question(s):\n`);
    try {
      const result = await runBenchmark({
        players,
        questions,
        seed,
        floor: !values['no-floor'],
        journal: values.journal,
        sliceMs: values['slice-ms'] === undefined ? undefined : Number(values['slice-ms']),
        cpuProfDir: values['cpu-prof'],
        hostNodeArgs: values['host-node-args']?.split(/\s+/).filter(Boolean),
        log: (line) => process.stderr.write(`${line}\n`),
      });
      results.push(result);
      process.stderr.write(`  done in ${result.wallSeconds.toFixed(0)} s\n`);
      if (values.json) writeFileSync(values.json, `${JSON.stringify(results, null, 2)}\n`);
    } catch (e) {
      failures.push(`${players} players: ${(e as Error).message}`);
      process.stderr.write(`  failed: ${(e as Error).message}\n`);
    }
  }
  if (results.length === 0) throw new Error(`Every run failed:\n${failures.join('\n')}`);
  const m = results[0]!.machine;
  const journal = values.journal ? 'with a game journal' : 'no game journal';
  console.log(
    `\n${m.cpus} CPUs (${m.model}), Node ${m.node}, ${questions} question(s), seed ${seed}, ${journal}\n`,
  );
  console.log(formatTable(results));
  const stalls = formatStalls(results);
  if (stalls)
    console.log(`\nEvent-loop stalls over 50 ms in the game (the answer burst included):\n${stalls}`);
  const notes = formatNotes(results);
  if (notes) console.log(`\nProblems:\n${notes}`);
  if (values.json) console.log(`\nFigures written to ${values.json}`);
  const bad = results.some((r) => {
    const c = r.ours.correctness;
    return c.errors + c.lost + c.duplicated + c.wrongScores + c.wrongRanks > 0;
  });
  if (failures.length > 0)
    console.log(`\nRuns that could not finish:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
  process.exitCode = failures.length > 0 ? 2 : bad ? 1 : 0;
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 2;
});
