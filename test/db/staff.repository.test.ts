import { describe, expect, it } from 'vitest';
import { createStaffRepository } from '../../src/db/repositories/staff.repository.js';
import { BACKENDS } from '../support/databases.js';
import { useRepositoryDatabase } from './support.js';

describe.each(BACKENDS)('staff repository on %s', (backend) => {
  const db = useRepositoryDatabase(backend);
  const repo = () => createStaffRepository(db());

  it('inserts staff and finds a member by Slack user id; undefined when unknown', async () => {
    await repo().insertMany([]);
    await repo().insertMany([
      { slackUserId: 'U1', name: 'Alice', role: 'admin' },
      { slackUserId: 'U2', name: 'Bruno', role: 'manager' },
    ]);
    expect(await repo().bySlackUserId('U2')).toMatchObject({ name: 'Bruno', role: 'manager' });
    expect(await repo().bySlackUserId('U3')).toBeUndefined();
  });

  it('refuses the same member twice', async () => {
    await repo().insertMany([{ slackUserId: 'U1', name: 'Alice', role: 'admin' }]);
    await expect(
      repo().insertMany([{ slackUserId: 'U1', name: 'Alice', role: 'manager' }]),
    ).rejects.toThrow();
    expect(await repo().bySlackUserId('U1')).toMatchObject({ role: 'admin' });
  });

  it("gives every member's name", async () => {
    expect(await repo().names()).toEqual([]);
    await repo().insertMany([
      { slackUserId: 'U2', name: 'Bruno', role: 'manager' },
      { slackUserId: 'U1', name: 'Alice', role: 'admin' },
    ]);
    expect((await repo().names()).sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      { id: 'U1', name: 'Alice' },
      { id: 'U2', name: 'Bruno' },
    ]);
  });
});
