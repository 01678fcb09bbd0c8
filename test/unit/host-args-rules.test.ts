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
    ])
      expect(HOST_USAGE).toContain(option);
  });
});
