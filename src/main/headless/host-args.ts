/**
 * Command-line options of the headless host (`npm run host -- ...`), checked with zod so that a
 * bad value gets a message naming the option.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SETTINGS } from '../../shared/protocol/default-settings';
import {
  ROOM_NAME_MAX,
  ROSTER_LIMITS,
  SCORING_MODES,
  SETTING_LIMITS,
} from '../../shared/protocol/setting-limits';
import { DEFAULT_PORT, MAX_CONNECTIONS_PER_ADDRESS } from '../hosting/room-defaults';

/** The headless host's data folder (XDG data home). */
function dataDir(): string {
  const base = process.env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(base, 'quizroom');
}

/** Where the headless host keeps game journals. */
export function defaultJournalDir(): string {
  return join(dataDir(), 'journal');
}

/** The headless host's quiz library; finished games' reports go to its `reports` folder. */
export function defaultLibraryDir(): string {
  return join(dataDir(), 'library');
}

export const HOST_USAGE = `Usage: npm run host -- [options]

  --quiz FILE|builtin:ID  quiz to play (default: a mix of the built-in pack); FILE may be Quizroom
                          JSON, a Quizroom package with pictures and sounds (.quizroom), a Kahoot!
                          spreadsheet (.xlsx, .csv), Moodle GIFT or Aiken
  --name NAME             room name shown to players (default: "<computer>'s quiz")
  --port N                port to listen on (default ${DEFAULT_PORT}, or the next free one)
  --bind ADDR             listen only on this address (default: all interfaces)
  --pin                   require a 6-digit PIN to join (printed at start)
  --min-players N         connected players that start the game by itself (default ${DEFAULT_SETTINGS.minPlayers}; 0 = by hand)
  --question-time S       seconds per question (default ${DEFAULT_SETTINGS.questionSeconds})
  --max-per-address N     most connections from one address (default ${MAX_CONNECTIONS_PER_ADDRESS})
  --max-players-per-address N
                          most players who may join from one address (default ${DEFAULT_SETTINGS.maxPlayersPerAddress};
                          the host computer's own browser tabs share 127.0.0.1)
  --no-name-filter        let nicknames with swear words in (the filter is on by default)
  --generated-names       players take a generated name ("Brave Otter") instead of typing one
  --scoring MODE          speed (default: faster right answers score more), accuracy (no time
                          component) or survey (nothing is scored)
  --no-streak-bonus       right answers in a row earn no bonus
  --wrong-penalty PCT     a wrong answer loses PCT% of the question's points (default 0; a score
                          never drops below 0)
  --shuffle               ask the questions in a shuffled order, new for each game
  --running-totals        every game adds to a total per player for the session, shown after
                          each game and in the exports
  --teams N               play in N teams (${SETTING_LIMITS.teamCount.min}-${SETTING_LIMITS.teamCount.max}) on everyone's own device; a team's score is the
                          average of its members' scores; newcomers join the smallest team
  --team-pick             with --teams: players choose their team in the lobby
  --shared-devices        one device per team: each device plays as a team (its name is the team's)
  --team-talk S           with teams: S seconds to talk it over before each question's answers
                          open (default ${DEFAULT_SETTINGS.teamTalkSeconds}, at most ${SETTING_LIMITS.teamTalkSeconds.max})
  --roster FILE           players pick their name from this class list (CSV or text: one name a
                          line, or name,id / name;id / name<TAB>id; a title row is skipped; at
                          most ${ROSTER_LIMITS.maxEntries} names); one player per name; reports carry the name and id
  --ask-id LABEL          players also type an identifier called LABEL (e.g. "Student number",
                          at most ${ROSTER_LIMITS.labelMax} characters); reports carry it
  --no-mdns               do not announce the room on the LAN
  --journal-dir DIR       where the game journal is kept (default: ${defaultJournalDir()})
  --no-journal            keep no journal (the room cannot be resumed after a crash)
  --library DIR           quiz library; each finished game's report is saved in DIR/reports
                          (default: ${defaultLibraryDir()})
  --resume                continue the last room that did not close cleanly (after a crash)
  --accept-damage         with --resume: if the journal is damaged in the middle, resume up to
                          the damage and drop what comes after it (--resume alone says what that
                          would drop, and stops)
  --help                  show this help`;

const intIn = (name: string, { min, max }: { min: number; max: number }) =>
  z
    .string()
    .regex(/^\d+$/, `--${name} takes a whole number`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `--${name} must be between ${min} and ${max}`);

const ArgsSchema = z.object({
  quiz: z.string().min(1).optional(),
  name: z
    .string()
    .trim()
    .min(1, '--name must not be empty')
    .max(ROOM_NAME_MAX, `--name is at most ${ROOM_NAME_MAX} characters`)
    .optional(),
  port: intIn('port', { min: 1, max: 65535 }).optional(),
  bind: z.string().min(1).optional(),
  pin: z.boolean().optional(),
  'min-players': intIn('min-players', SETTING_LIMITS.minPlayers).optional(),
  'question-time': intIn('question-time', SETTING_LIMITS.questionSeconds).optional(),
  'max-per-address': intIn('max-per-address', { min: 1, max: 100_000 }).optional(),
  'max-players-per-address': intIn('max-players-per-address', SETTING_LIMITS.maxPlayersPerAddress).optional(),
  'no-name-filter': z.boolean().optional(),
  'generated-names': z.boolean().optional(),
  scoring: z.enum(SCORING_MODES, { error: `--scoring is one of ${SCORING_MODES.join(', ')}` }).optional(),
  'no-streak-bonus': z.boolean().optional(),
  'wrong-penalty': intIn('wrong-penalty', SETTING_LIMITS.wrongAnswerPenalty).optional(),
  shuffle: z.boolean().optional(),
  'running-totals': z.boolean().optional(),
  teams: intIn('teams', SETTING_LIMITS.teamCount).optional(),
  'team-pick': z.boolean().optional(),
  'shared-devices': z.boolean().optional(),
  'team-talk': intIn('team-talk', SETTING_LIMITS.teamTalkSeconds).optional(),
  roster: z.string().min(1, '--roster needs a file').optional(),
  'ask-id': z
    .string()
    .trim()
    .min(1, '--ask-id needs a label, such as "Student number"')
    .max(ROSTER_LIMITS.labelMax, `--ask-id is at most ${ROSTER_LIMITS.labelMax} characters`)
    // eslint-disable-next-line no-control-regex -- control characters are what it refuses
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), '--ask-id must not hold control characters')
    .optional(),
  'no-mdns': z.boolean().optional(),
  'journal-dir': z.string().min(1).optional(),
  'no-journal': z.boolean().optional(),
  library: z.string().min(1, '--library must not be empty').optional(),
  resume: z.boolean().optional(),
  'accept-damage': z.boolean().optional(),
  help: z.boolean().optional(),
});

export type HostArgs = z.infer<typeof ArgsSchema>;

export class ArgsError extends Error {}

export function parseHostArgs(argv: string[]): HostArgs {
  let values: Record<string, unknown>;
  try {
    values = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        quiz: { type: 'string' },
        name: { type: 'string' },
        port: { type: 'string' },
        bind: { type: 'string' },
        pin: { type: 'boolean' },
        'min-players': { type: 'string' },
        'question-time': { type: 'string' },
        'max-per-address': { type: 'string' },
        'max-players-per-address': { type: 'string' },
        'no-name-filter': { type: 'boolean' },
        'generated-names': { type: 'boolean' },
        scoring: { type: 'string' },
        'no-streak-bonus': { type: 'boolean' },
        'wrong-penalty': { type: 'string' },
        shuffle: { type: 'boolean' },
        'running-totals': { type: 'boolean' },
        teams: { type: 'string' },
        'team-pick': { type: 'boolean' },
        'shared-devices': { type: 'boolean' },
        'team-talk': { type: 'string' },
        roster: { type: 'string' },
        'ask-id': { type: 'string' },
        'no-mdns': { type: 'boolean' },
        'journal-dir': { type: 'string' },
        'no-journal': { type: 'boolean' },
        library: { type: 'string' },
        resume: { type: 'boolean' },
        'accept-damage': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (e) {
    throw new ArgsError(e instanceof Error ? e.message : String(e));
  }
  const result = ArgsSchema.safeParse(values);
  if (!result.success) throw new ArgsError(result.error.issues.map((i) => i.message).join('; '));
  const args = result.data;
  if (args.resume && args['no-journal']) throw new ArgsError('--resume needs the journal; drop --no-journal');
  if (args['accept-damage'] && !args.resume)
    throw new ArgsError('--accept-damage goes with --resume: it says how far to resume a damaged journal');
  if (args.teams !== undefined && args['shared-devices'])
    throw new ArgsError(
      '--teams (everyone on their own device) and --shared-devices (one device per team) exclude each other',
    );
  if (args['team-pick'] && args.teams === undefined)
    throw new ArgsError('--team-pick goes with --teams: it lets players choose one of the teams');
  if (args['team-talk'] !== undefined && args.teams === undefined && !args['shared-devices'])
    throw new ArgsError('--team-talk goes with --teams or --shared-devices');
  if (args.roster !== undefined && args['ask-id'] !== undefined)
    throw new ArgsError(
      '--roster (pick a name from the class list) and --ask-id (type an identifier) exclude each other',
    );
  if (args.resume && (args.roster !== undefined || args['ask-id'] !== undefined))
    throw new ArgsError('--resume continues the room as it was: --roster and --ask-id cannot change it');
  if (args.resume && (args.quiz || args.pin || args.name)) {
    throw new ArgsError('--resume continues the room as it was: --quiz, --name and --pin cannot change it');
  }
  return args;
}
