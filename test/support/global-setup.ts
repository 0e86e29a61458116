import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/client.js';
import { BACKENDS, redactedUrl, TEST_POSTGRES_URL, urlOfDatabase } from './backends.js';
import { buildPgliteImage } from './pglite-image.js';

/**
 * Once per run, for the projects that use a database (vitest.config.ts):
 * - with postgres among TEST_BACKENDS, checks that TEST_POSTGRES_URL answers, or stops the run with one
 *   line saying so; then migrates a template database that each test database is cloned from;
 * - with pglite, migrates one PGlite data directory and leaves it in a file for every worker to load.
 *
 * Several projects list this file; the work is shared (in the main vitest process) and undone after the
 * last of them.
 */

interface Prepared {
  pgliteImagePath: string | undefined;
  postgresTemplate: string | undefined;
  postgresPrefix: string | undefined;
  teardown(): Promise<void>;
}

const state = globalThis as typeof globalThis & {
  __partnerBotTestSetup?: { prepared: Promise<Prepared>; users: number };
};

const ANSWER_TIMEOUT_MS = 3_000;

/**
 * Stops the run with this one line. Thrown, it would come out as an "Unhandled Error" banner after a
 * misleading "No test files found"; the line is the whole story.
 */
function stopRun(line: string): never {
  process.stderr.write(`\n${line}\n\n`);
  process.exit(1);
}

/** Resolves once the server answers `select 1`, or stops the run when it fails or stays silent. */
async function checkPostgres(sql: postgres.Sql): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  // connect_timeout covers the TCP connection only; something may accept it and never answer.
  const silence = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          Object.assign(new Error('silent'), { code: `no answer within ${ANSWER_TIMEOUT_MS / 1000} s` }),
        ),
      ANSWER_TIMEOUT_MS,
    );
  });
  try {
    await Promise.race([sql`select 1`, silence]);
  } catch (error) {
    await sql.end({ timeout: 0 });
    const reason = (error as { code?: string }).code ?? (error as Error).message;
    stopRun(
      `PostgreSQL does not answer at ${redactedUrl(TEST_POSTGRES_URL)} (${reason}) — start it, set TEST_POSTGRES_URL, or run on PGlite alone with TEST_BACKENDS=pglite npm test`,
    );
  } finally {
    clearTimeout(timer);
  }
}

async function preparePostgres(): Promise<
  Pick<Prepared, 'postgresTemplate' | 'postgresPrefix'> & {
    teardown(): Promise<void>;
  }
> {
  const sql = postgres(TEST_POSTGRES_URL, {
    max: 1,
    connect_timeout: ANSWER_TIMEOUT_MS / 1000,
    onnotice: () => {},
  });
  try {
    await checkPostgres(sql);
    const run = randomBytes(3).toString('hex');
    const prefix = `pb_test_${run}_`;
    const template = `pb_template_${run}`;
    await sql.unsafe(`create database ${template}`);
    const database = await openDatabase({
      databaseUrl: urlOfDatabase(template),
      dataDir: '',
      maxConnections: 1,
    });
    try {
      await database.migrate();
    } finally {
      await database.close();
    }
    return {
      postgresTemplate: template,
      postgresPrefix: prefix,
      async teardown() {
        // The template, and whatever a killed worker could not drop.
        const left = await sql<{ name: string }[]>`
          select datname as name from pg_database where datname like ${`${prefix}%`}`;
        for (const { name } of [{ name: template }, ...left])
          await sql.unsafe(`drop database if exists ${name} with (force)`);
        await sql.end();
      },
    };
  } catch (error) {
    await sql.end();
    throw error;
  }
}

async function preparePglite(): Promise<{ pgliteImagePath: string; teardown(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'partner-bot-tests-'));
  const path = join(dir, 'pglite-migrated.tar');
  const image = await buildPgliteImage();
  await writeFile(path, Buffer.from(await image.arrayBuffer()));
  return {
    pgliteImagePath: path,
    teardown: () => rm(dir, { recursive: true, force: true }),
  };
}

async function prepare(): Promise<Prepared> {
  // PostgreSQL first: when it is missing, say so before spending seconds on PGlite.
  const pg = BACKENDS.includes('postgres') ? await preparePostgres() : undefined;
  try {
    const lite = BACKENDS.includes('pglite') ? await preparePglite() : undefined;
    return {
      pgliteImagePath: lite?.pgliteImagePath,
      postgresTemplate: pg?.postgresTemplate,
      postgresPrefix: pg?.postgresPrefix,
      async teardown() {
        await Promise.all([pg?.teardown(), lite?.teardown()]);
      },
    };
  } catch (error) {
    await pg?.teardown();
    throw error;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  state.__partnerBotTestSetup ??= { prepared: prepare(), users: 0 };
  const shared = state.__partnerBotTestSetup;
  shared.users += 1;
  const prepared = await shared.prepared;
  project.provide('pgliteImagePath', prepared.pgliteImagePath);
  project.provide('postgresTemplate', prepared.postgresTemplate);
  project.provide('postgresPrefix', prepared.postgresPrefix);
  return async () => {
    shared.users -= 1;
    if (shared.users > 0) return;
    state.__partnerBotTestSetup = undefined;
    await prepared.teardown();
  };
}
