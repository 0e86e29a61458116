import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createUserLocalesRepository } from '../../src/db/repositories/user-locales.repository.js';
import { userLocales } from '../../src/db/schema.js';
import { BACKENDS } from '../support/databases.js';
import { useRepositoryDatabase } from './support.js';

describe.each(BACKENDS)('user locales repository on %s', (backend) => {
  const db = useRepositoryDatabase(backend);
  const repo = () => createUserLocalesRepository(db());

  const updatedAt = async (slackUserId: string) =>
    (await db().select().from(userLocales).where(eq(userLocales.slackUserId, slackUserId)))[0]?.updatedAt;

  it('remembers the language of each user and gives those it knows', async () => {
    await repo().remember('ULOCFR', 'fr');
    await repo().remember('ULOCEN', 'en');

    expect(await repo().of(['ULOCFR', 'ULOCEN', 'ULOCNEVER'])).toEqual(
      new Map([
        ['ULOCFR', 'fr'],
        ['ULOCEN', 'en'],
      ]),
    );
  });

  it('writes again only when the language changed', async () => {
    await repo().remember('ULOCCHANGE', 'fr');
    const first = await updatedAt('ULOCCHANGE');
    await new Promise((r) => setTimeout(r, 20));
    await repo().remember('ULOCCHANGE', 'fr');
    expect(await updatedAt('ULOCCHANGE')).toEqual(first);

    await new Promise((r) => setTimeout(r, 20));
    await repo().remember('ULOCCHANGE', 'en');
    expect((await updatedAt('ULOCCHANGE'))!.getTime()).toBeGreaterThan(first!.getTime());
    expect(await repo().of(['ULOCCHANGE'])).toEqual(new Map([['ULOCCHANGE', 'en']]));
  });

  it('gives nothing for nobody or for unknown users', async () => {
    await repo().remember('ULOCFR', 'fr');
    expect(await repo().of([])).toEqual(new Map());
    expect(await repo().of(['ULOCUNKNOWN'])).toEqual(new Map());
  });
});
