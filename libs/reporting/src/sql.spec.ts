import Database from 'better-sqlite3';
import { all, and, isIn, join, raw, sql } from './sql';

/** Report SQL is composed from fragments: values are bound, never spliced into the text. */
describe('sql fragments', () => {
  it('binds interpolated values as ? and inlines nested fragments with their values, in order', () => {
    const board = sql`board_id = ${'BQL-BG'}`;
    const query = sql`SELECT * FROM facts WHERE ${and([board, sql`effective_on <= ${'2016-12-31'}`])} LIMIT ${10}`;
    expect(query.text).toBe('SELECT * FROM facts WHERE board_id = ? AND effective_on <= ? LIMIT ?');
    expect(query.values).toEqual(['BQL-BG', '2016-12-31', 10]);
  });

  it('no conditions is true; an empty IN list matches nothing', () => {
    expect(and([]).text).toBe('1');
    expect(isIn('board_id', [])).toEqual(raw('0'));
    expect(isIn('board_id', ['A', 'B'])).toMatchObject({ text: 'board_id IN (?, ?)', values: ['A', 'B'] });
    expect(join([sql`${1}`, sql`${2}`], ' UNION ALL ')).toMatchObject({ text: '? UNION ALL ?', values: [1, 2] });
  });

  it('a value that looks like SQL stays a value', () => {
    const db = new Database(':memory:');
    db.exec("CREATE TABLE t (name TEXT); INSERT INTO t VALUES ('a'), ('b')");
    const hostile = "a' OR '1'='1";
    expect(all<{ name: string }>(db, sql`SELECT name FROM t WHERE name = ${hostile}`)).toEqual([]);
    expect(all<{ name: string }>(db, sql`SELECT name FROM t WHERE ${isIn('name', ['b'])}`)).toEqual([{ name: 'b' }]);
    db.close();
  });
});
