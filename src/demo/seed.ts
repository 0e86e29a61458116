import type { Db } from '../db/client.js';
import { createRepositories } from '../db/repositories/index.js';
import { transaction } from '../db/transaction.js';
import type { Catalog } from '../program/catalog.schema.js';
import { searchKey } from '../program/text.js';
import { demoData } from './demo-data.js';

/** Fills an empty database with the demo partners; does nothing when partners already exist. */
export async function seedDemo(
  db: Db,
  catalog: Catalog,
  today: string,
  currentSemesterStart: string,
): Promise<boolean> {
  if ((await createRepositories(db).partners.count()) > 0) return false;
  const data = demoData(today, currentSemesterStart);
  await transaction(db, async (tx) => {
    const r = createRepositories(tx);
    await r.staff.insertMany(data.staff);
    await r.partners.insertMany(data.partners.map((p) => ({ ...p, searchName: searchKey(p.name) })));
    await r.tierHistory.insertMany(
      data.partners.map((p) => ({
        partnerId: p.id,
        kind: 'import' as const,
        effectiveOn: p.tierSince,
        tier: p.tier,
        actor: 'demo',
        catalogVersion: catalog.version,
      })),
    );
    const inserted = await r.contacts.insertMany(data.contacts);
    const contactId = new Map(inserted.map((c) => [c.slackUserId, c.id]));
    await r.revenue.insertMany(data.revenue);
    await r.trainings.insertMany(
      data.trainings.map(({ slackUserId, ...t }) => ({
        ...t,
        contactId: contactId.get(slackUserId)!,
        declaredBy: t.status === 'pending' ? slackUserId : null,
      })),
    );
    await r.checklist.insertMany(data.checklist);
  });
  return true;
}
