/** The headless host's options for the room's rules: names, scoring, question order. */
import { describe, expect, it } from 'vitest';
import { ArgsError, HOST_USAGE, parseHostArgs } from '../../src/main/headless/host-args';

describe('room rule options', () => {
  it('reads the name, scoring and order options', () => {
    expect(
      parseHostArgs([
        '--no-name-filter',
        '--generated-names',
        '--scoring',
        'accuracy',
        '--no-streak-bonus',
        '--wrong-penalty',
        '25',
        '--shuffle',
      ]),
    ).toMatchObject({
      'no-name-filter': true,
      'generated-names': true,
      scoring: 'accuracy',
      'no-streak-bonus': true,
      'wrong-penalty': 25,
      shuffle: true,
    });
  });

  it('names the option and what it takes when a value is wrong', () => {
    expect(() => parseHostArgs(['--scoring', 'fastest'])).toThrow(
      new ArgsError('--scoring is one of speed, accuracy, survey'),
    );
    expect(() => parseHostArgs(['--wrong-penalty', '150'])).toThrow(
      '--wrong-penalty must be between 0 and 100',
    );
  });

  it('lists every one of them in --help', () => {
    for (const option of [
      '--no-name-filter',
      '--generated-names',
      '--scoring',
      '--no-streak-bonus',
      '--wrong-penalty',
      '--shuffle',
      '--running-totals',
      '--teams',
      '--team-pick',
      '--shared-devices',
      '--team-talk',
    ])
      expect(HOST_USAGE).toContain(option);
  });
});

describe('team options', () => {
  it('reads teams on own devices, the pick and the talk, and shared devices', () => {
    expect(parseHostArgs(['--teams', '4', '--team-pick', '--team-talk', '10'])).toMatchObject({
      teams: 4,
      'team-pick': true,
      'team-talk': 10,
    });
    expect(parseHostArgs(['--shared-devices', '--team-talk', '5'])).toMatchObject({
      'shared-devices': true,
      'team-talk': 5,
    });
  });

  it('refuses counts out of range and options that do not go together, naming them', () => {
    expect(() => parseHostArgs(['--teams', '1'])).toThrow('--teams must be between 2 and 8');
    expect(() => parseHostArgs(['--teams', '9'])).toThrow('--teams must be between 2 and 8');
    expect(() => parseHostArgs(['--teams', '2', '--team-talk', '31'])).toThrow(
      '--team-talk must be between 0 and 30',
    );
    expect(() => parseHostArgs(['--teams', '2', '--shared-devices'])).toThrow('exclude each other');
    expect(() => parseHostArgs(['--team-pick'])).toThrow('--team-pick goes with --teams');
    expect(() => parseHostArgs(['--team-talk', '5'])).toThrow(
      '--team-talk goes with --teams or --shared-devices',
    );
  });
});

describe('identity options', () => {
  it('reads a class list file or the label of an identifier, and lists both in --help', () => {
    expect(parseHostArgs(['--roster', 'class.csv'])).toMatchObject({ roster: 'class.csv' });
    expect(parseHostArgs(['--ask-id', '  Student number '])).toMatchObject({ 'ask-id': 'Student number' });
    expect(HOST_USAGE).toContain('--roster FILE');
    expect(HOST_USAGE).toContain('--ask-id LABEL');
  });

  it('refuses a label too long or empty, both at once, and either with --resume', () => {
    expect(() => parseHostArgs(['--ask-id', 'x'.repeat(41)])).toThrow('--ask-id is at most 40 characters');
    expect(() => parseHostArgs(['--ask-id', '  '])).toThrow('--ask-id needs a label');
    expect(() => parseHostArgs(['--ask-id', 'a\u0007b'])).toThrow('control characters');
    expect(() => parseHostArgs(['--roster', 'c.csv', '--ask-id', 'Number'])).toThrow('exclude each other');
    expect(() => parseHostArgs(['--resume', '--roster', 'c.csv'])).toThrow(
      '--roster and --ask-id cannot change it',
    );
  });
});
