import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { describeProblem } from '../../src/i18n/import-issues.js';
import { CsvFileError, type CsvItem, openCsv } from '../../src/import/csv-source.js';
import { csvFile } from './support.js';

const columns = { required: ['id', 'name'], optional: ['note'] };

async function readAll(source: string | Readable) {
  const csv = await openCsv(source, columns);
  const items: CsvItem[] = [];
  for await (const item of csv.items) items.push(item);
  return { csv, items };
}

function summary(items: CsvItem[]) {
  return items.map((i) =>
    i.kind === 'row'
      ? `${i.line}:${i.cells.id}|${i.cells.name}|${i.cells.note}`
      : `${i.issue.line}!${describeProblem(i.issue.problem, 'en')}`,
  );
}

describe('openCsv', () => {
  it.each([
    [',', 'id,name,note'],
    [';', 'id;name;note'],
    ['\t', 'id\tname\tnote'],
  ])('detects %j from the header', async (delimiter, header) => {
    const sep = delimiter;
    const { csv, items } = await readAll(csvFile([header, ['1', 'Ann', 'x'].join(sep)]));
    expect(csv.delimiter).toBe(delimiter);
    expect(summary(items)).toEqual(['2:1|Ann|x']);
  });

  it('skips a BOM, reads CRLF, trims cells, matches headers case-insensitively and ignores unknown ones', async () => {
    const file = csvFile([' ID ;Name;Extra', '1; Ann ;zzz', '', ';;', '2;"Bob; Jr";'], {
      bom: true,
      eol: '\r\n',
    });
    const { csv, items } = await readAll(file);
    expect(csv.ignoredColumns).toEqual(['extra']);
    expect(summary(items)).toEqual(['2:1|Ann|', '5:2|Bob; Jr|']);
  });

  it('numbers lines as the file does, multi-line quoted values included', async () => {
    const crlf = await readAll(csvFile(['id,name', '1,"two\r\nlines"', '2,b', '', '3,c'], { eol: '\r\n' }));
    expect(summary(crlf.items)).toEqual(['2:1|two\r\nlines|', '4:2|b|', '6:3|c|']);
    const lf = await readAll(csvFile(['id,name', '1,"three\nlines\nhere"', '2,b']));
    expect(summary(lf.items)).toEqual(['2:1|three\nlines\nhere|', '5:2|b|']);
  });

  it('reports a line with too many fields, and a broken quote, by line', async () => {
    const { items } = await readAll(csvFile(['id,name,note', '1,a,b,c', '2,"b"x,y']));
    const issues = summary(items).sort();
    expect(issues[0]).toBe('2!4 fields where the header has 3 (a separator inside a value must be quoted)');
    expect(issues[1]).toMatch(/^3!a quote closes in the middle/);
    expect(items.every((i) => i.kind === 'issue')).toBe(true);
  });

  it('accepts trailing empty fields and short lines', async () => {
    const { items } = await readAll(csvFile(['id,name,note', '1,a,,,', '2,b']));
    expect(summary(items)).toEqual(['2:1|a|', '3:2|b|']);
  });

  it('reads a stream', async () => {
    const { items } = await readAll(
      Readable.from([Buffer.from('id,na'), Buffer.from('me\n1,a\n2,'), Buffer.from('b\n')]),
    );
    expect(summary(items)).toEqual(['2:1|a|', '3:2|b|']);
  });

  it('names every missing column', async () => {
    const err = await openCsv(csvFile(['identifier;note', '1;x']), columns).catch((e) => e);
    expect(err).toBeInstanceOf(CsvFileError);
    expect((err as CsvFileError).issues.map((i) => `${i.line}/${i.column}`)).toEqual(['1/id', '1/name']);
    expect(describeProblem((err as CsvFileError).issues[0]!.problem, 'en')).toMatch(
      /required column missing \(found: identifier, note; separator ";"; not recognised: identifier\)/,
    );
  });

  it('refuses an empty or unreadable file', async () => {
    await expect(openCsv(csvFile(''), columns)).rejects.toThrow(/first line must be the header/);
    await expect(openCsv('/nonexistent/file.csv', columns)).rejects.toThrow(
      /cannot read the file: no such file/,
    );
  });

  it('reads bytes that are not UTF-8 as Windows-1252, as French Excel saves them', async () => {
    const cp1252 = Buffer.from([
      ...Buffer.from('id;name\n1;Soci'),
      ...[0xe9, 0x74, 0xe9, 0x20, 0xab, 0xa0, 0x80, 0xa0, 0xbb],
      0x0a,
    ]);
    const { csv, items } = await readAll(Readable.from([cp1252]));
    expect(summary(items)).toEqual(['2:1|Société «\u00a0€\u00a0»|']);
    expect(csv.encoding).toBe('windows-1252');
  });

  it('flags a line that is not UTF-8 in a file whose start is UTF-8', async () => {
    const late = Buffer.concat([Buffer.from('2,Soci'), Buffer.from([0xe9]), Buffer.from('t\n')]);
    const { csv, items } = await readAll(Readable.from([Buffer.from('id,name\n1,Société\n'), late]));
    expect(summary(items)).toEqual([
      '2:1|Société|',
      '3!not UTF-8 text (the lines before were): save the file as "CSV UTF-8" and import it again',
    ]);
    expect(csv.encoding).toBe('utf-8');
  });

  it('reads UTF-16 with its BOM, split anywhere', async () => {
    const bytes = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('id\tname\r\n1\tLéa\r\n', 'utf16le'),
    ]);
    const { csv, items } = await readAll(
      Readable.from([bytes.subarray(0, 3), bytes.subarray(3, 14), bytes.subarray(14)]),
    );
    expect(summary(items)).toEqual(['2:1|Léa|']);
    expect([csv.encoding, csv.delimiter]).toEqual(['utf-16le', '\t']);
  });
});
