import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fromCsv } from './csv';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lamina-csv-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true }));

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

describe('fromCsv', () => {
  test('header, typed columns, quoted fields with delimiters and quotes, CRLF, missing values', async () => {
    const file = write(
      'a.csv',
      '\ufeffid,name,score,count\r\n1,"Smith, J.",3.5,7\r\n2,"say ""hi""",,8\r\n\r\n3,plain,NA,9\r\n',
    );
    const rows = await fromCsv(file, {
      columns: { name: { dtype: 'string' }, count: { dtype: 'int32' } },
    }).toArray();
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual({ id: 1, name: 'Smith, J.', score: 3.5, count: 7 });
    expect(rows[1]).toEqual({ id: 2, name: 'say "hi"', score: NaN, count: 8 });
    expect((rows[2] as Record<string, number>).score).toBeNaN();
  });

  test('labelColumn gives {xs, ys}; featuresAsArray gives a vector that batches to [n, features]', async () => {
    const file = write('b.csv', 'f1,f2,label\n1,2,0\n3,4,1\n5,6,1\n');
    const rows = await fromCsv(file, { labelColumn: 'label' }).toArray();
    expect(rows[1]).toEqual({ xs: { f1: 3, f2: 4 }, ys: 1 });
    const batched = await fromCsv(file, { labelColumn: 'label', featuresAsArray: true }).batch(3).toArray();
    const b = batched[0] as unknown as { xs: { data: Float32Array; shape: number[] }; ys: { data: Float32Array; shape: number[] } };
    expect(b.xs.shape).toEqual([3, 2]);
    expect(Array.from(b.xs.data)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(Array.from(b.ys.data)).toEqual([0, 1, 1]);
  });

  test('no header: columnNames, other delimiter, defaults, configuredColumnsOnly', async () => {
    const file = write('c.tsv', '1\tx\t\n2\ty\t5\n');
    const rows = await fromCsv(file, {
      header: false,
      delimiter: '\t',
      columnNames: ['a', 'b', 'c'],
      columns: { a: {}, c: { default: -1 } },
      configuredColumnsOnly: true,
    }).toArray();
    expect(rows).toEqual([
      { a: 1, c: -1 },
      { a: 2, c: 5 },
    ]);
  });

  test('streams: a large file is read lazily (take reads only the start)', async () => {
    const lines = ['v'];
    for (let i = 0; i < 50000; i++) lines.push(String(i));
    const file = write('big.csv', lines.join('\n') + '\n');
    expect(await fromCsv(file).take(3).toArray()).toEqual([{ v: 0 }, { v: 1 }, { v: 2 }]);
    let n = 0;
    await fromCsv(file).forEachAsync(() => void n++);
    expect(n).toBe(50000);
  });

  test('clear errors: non-numeric value, required missing, ragged row, unknown column, missing file', async () => {
    const bad = write('d.csv', 'a,b\n1,2\n3,oops\n');
    await expect(fromCsv(bad).toArray()).rejects.toThrow(
      `fromCsv: ${bad} record 2: column 'b' holds 'oops', which is not a number; declare it as columns: { "b": { dtype: 'string' } }`,
    );
    const gap = write('e.csv', 'a,b\n1,\n');
    await expect(fromCsv(gap, { columns: { b: { required: true } } }).toArray()).rejects.toThrow(
      "record 1: column 'b' is missing a value and is required",
    );
    await expect(fromCsv(gap, { columns: { b: { dtype: 'int32' } } }).toArray()).rejects.toThrow('int32 has no NaN');
    const ragged = write('f.csv', 'a,b\n1,2\n3\n');
    await expect(fromCsv(ragged).toArray()).rejects.toThrow(`fromCsv: ${ragged}: Invalid Record Length`);
    await expect(fromCsv(bad, { labelColumn: 'zzz' }).toArray()).rejects.toThrow("column 'zzz' is configured but the file's columns are [a, b]");
    await expect(fromCsv(path.join(dir, 'nope.csv')).toArray()).rejects.toThrow('fromCsv: no such file');
    expect(() => fromCsv(bad, { header: false })).toThrow('header is false, so give the column names');
  });
});
