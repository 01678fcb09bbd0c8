/** What the last round changed on the leaderboard, as a client works it out from the tables it saw. */
import { describe, expect, it } from 'vitest';
import type { LeaderRow } from '../../src/shared/protocol';
import { callouts, roundChanges, type RoundTable } from '../../src/renderer/standings/round-changes';
import { placeGap } from '../../src/renderer/standings/place-gap';

/** A table from [name, score, correct] in rank order. */
function table(rows: [string, number, number][], voided = false): RoundTable {
  return {
    voided,
    rows: rows.map(([name, score, correct], i) => ({
      rank: i + 1,
      id: name.toLowerCase(),
      name,
      score,
      correct,
      connected: true,
    })),
  };
}

describe('the round’s changes', () => {
  it('gives each player the points of this round and the places moved', () => {
    const tables = new Map([
      [
        0,
        table([
          ['Ada', 900, 1],
          ['Bob', 800, 1],
          ['Cy', 0, 0],
        ]),
      ],
      [
        1,
        table([
          ['Cy', 950, 1],
          ['Ada', 900, 1],
          ['Bob', 800, 1],
        ]),
      ],
    ]);
    const changes = roundChanges(1, tables);
    expect(changes.get('cy')).toMatchObject({ rank: 1, prevRank: 3, prevScore: 0, points: 950 });
    expect(changes.get('ada')).toMatchObject({ rank: 2, prevRank: 1, points: 0 });
  });

  it('starts everyone from 0 with no rank after the first question', () => {
    const changes = roundChanges(0, new Map([[0, table([['Ada', 900, 1]])]]));
    expect(changes.get('ada')).toMatchObject({ prevRank: null, prevScore: 0, points: 900, streak: 1 });
  });

  it('counts right answers in a row, and a skipped question does not break the run', () => {
    const tables = new Map([
      [
        0,
        table([
          ['Ada', 900, 1],
          ['Bob', 0, 0],
        ]),
      ],
      [
        1,
        table([
          ['Ada', 1800, 2],
          ['Bob', 900, 1],
        ]),
      ],
      [
        2,
        table(
          [
            ['Ada', 1800, 2],
            ['Bob', 900, 1],
          ],
          true,
        ),
      ],
      [
        3,
        table([
          ['Ada', 2700, 3],
          ['Bob', 900, 1],
        ]),
      ],
    ]);
    const changes = roundChanges(3, tables);
    expect(changes.get('ada')?.streak).toBe(3);
    expect(changes.get('bob')?.streak).toBe(0);
  });

  it('does not guess what a player outside the top five had before', () => {
    // Dan was not in the previous top five: a phone does not know his score then.
    const tables = new Map([
      [
        3,
        table([
          ['Ada', 4000, 4],
          ['Bob', 3000, 3],
          ['Cy', 2000, 2],
          ['Eve', 1500, 2],
          ['Fay', 1200, 1],
        ]),
      ],
      [
        4,
        table([
          ['Ada', 5000, 5],
          ['Dan', 3900, 4],
          ['Bob', 3000, 3],
          ['Cy', 2000, 2],
          ['Eve', 1500, 2],
        ]),
      ],
    ]);
    expect(roundChanges(4, tables).get('dan')).toMatchObject({
      prevRank: null,
      prevScore: null,
      points: null,
    });
  });

  it('calls out the longest run of three or more and the biggest climb of two places or more', () => {
    const tables = new Map([
      [
        0,
        table([
          ['Ada', 900, 1],
          ['Bob', 800, 1],
          ['Cy', 100, 1],
          ['Dan', 0, 0],
        ]),
      ],
      [
        1,
        table([
          ['Ada', 1800, 2],
          ['Bob', 1600, 2],
          ['Cy', 200, 1],
          ['Dan', 0, 0],
        ]),
      ],
      [
        2,
        table([
          ['Dan', 2500, 1],
          ['Ada', 2400, 3],
          ['Bob', 2300, 3],
          ['Cy', 300, 1],
        ]),
      ],
    ]);
    const rows = tables.get(2)!.rows;
    expect(callouts(rows, roundChanges(2, tables))).toEqual([
      { kind: 'streak', id: 'ada', name: 'Ada', streak: 3 },
      { kind: 'climb', id: 'dan', name: 'Dan', places: 3, rank: 1 },
    ]);
  });

  it('has nothing to shout about in a quiet round', () => {
    const tables = new Map([
      [
        0,
        table([
          ['Ada', 900, 1],
          ['Bob', 800, 1],
        ]),
      ],
      [
        1,
        table([
          ['Ada', 900, 1],
          ['Bob', 800, 1],
        ]),
      ],
    ]);
    expect(callouts(tables.get(1)!.rows, roundChanges(1, tables))).toEqual([]);
  });
});

describe('the distance to the next place', () => {
  const top: LeaderRow[] = table([
    ['Ada', 3000, 3],
    ['Bob', 2500, 2],
    ['Cy', 2500, 2],
  ]).rows;

  it('says how far behind the place above a player is', () => {
    expect(placeGap(top, 2, 2500)).toEqual({ kind: 'behind', points: 500, name: 'Ada', rank: 1 });
    // Level on points, behind on time.
    expect(placeGap(top, 3, 2500)).toEqual({ kind: 'behind', points: 0, name: 'Bob', rank: 2 });
  });

  it('says by how much the leader leads, or that the leader is alone', () => {
    expect(placeGap(top, 1, 3000)).toEqual({ kind: 'ahead', points: 500, name: 'Bob' });
    expect(placeGap(top.slice(0, 1), 1, 3000)).toEqual({ kind: 'alone' });
  });

  it('does not guess beyond the rows the player has', () => {
    expect(placeGap(top, 12, 100)).toBeNull();
  });
});
