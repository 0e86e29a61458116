import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every relative import of every file under src/, as paths relative to src/ ("services/x.ts" -> "db/y.ts"). */
const edges = sourceFiles(SRC).flatMap((file) => {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((m) => ({
    from: relative(SRC, file),
    to: relative(SRC, resolve(dirname(file), m[1]!)).replace(/\.js$/, '.ts'),
  }));
});

const importsOf = (folder: string) => edges.filter((e) => e.from.startsWith(`${folder}/`));

describe('the layers import one way', () => {
  it('finds the imports it checks', () => {
    expect(importsOf('services').length).toBeGreaterThan(20);
  });

  it.each(['services', 'program', 'db', 'outbox', 'i18n', 'import'])(
    '%s/ never imports slack/, jobs/, console/ or cli/',
    (folder) => {
      const upward = importsOf(folder).filter((e) => /^(slack|jobs|console|cli)\//.test(e.to));
      expect(upward).toEqual([]);
    },
  );

  it('program/ is pure: it imports nothing but program/', () => {
    expect(importsOf('program').filter((e) => !e.to.startsWith('program/'))).toEqual([]);
  });

  it('assistant/ understands questions purely: it imports only assistant/ and program/', () => {
    expect(importsOf('assistant').filter((e) => !/^(assistant|program)\//.test(e.to))).toEqual([]);
  });

  it('i18n/ words messages: it imports only i18n/ and program/', () => {
    expect(importsOf('i18n').filter((e) => !/^(i18n|program)\//.test(e.to))).toEqual([]);
  });

  it('db/ imports only db/ and program/', () => {
    expect(importsOf('db').filter((e) => !/^(db|program)\//.test(e.to))).toEqual([]);
  });

  it('import/ reads and checks files: it imports only import/, program/, db/ and i18n/', () => {
    expect(importsOf('import').filter((e) => !/^(import|program|db|i18n)\//.test(e.to))).toEqual([]);
  });

  it('logging serves the whole program: nothing imports it from slack/', () => {
    expect(edges.filter((e) => e.to.startsWith('slack/logger'))).toEqual([]);
  });

  it('jobs/ never imports a Slack listener or the Slack app', () => {
    const listeners = importsOf('jobs').filter((e) => /^slack\/(listeners|app|receiver)/.test(e.to));
    expect(listeners).toEqual([]);
  });

  it('no query outside db/: services, jobs, slack, import and the console go through repositories', () => {
    const queries = sourceFiles(SRC)
      .filter((file) => !relative(SRC, file).startsWith('db/'))
      .filter((file) => /from 'drizzle-orm|\bsql`|\.execute\(/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(SRC, file));
    expect(queries).toEqual([]);
  });
});
