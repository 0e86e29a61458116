import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import {
  checklistItems,
  contacts,
  partners,
  revenueLines,
  staff,
  tierHistory,
  trainingCompletions,
} from '../db/schema.js';
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
  const [{ count } = { count: 0 }] = await db.select({ count: sql<number>`count(*)::int` }).from(partners);
  if (count > 0) return false;
  const data = demoData(today, currentSemesterStart);
  await db.transaction(async (tx) => {
    await tx.insert(staff).values(data.staff);
    await tx.insert(partners).values(data.partners.map((p) => ({ ...p, searchName: searchKey(p.name) })));
    await tx.insert(tierHistory).values(
      data.partners.map((p) => ({
        partnerId: p.id,
        kind: 'import' as const,
        effectiveOn: p.tierSince,
        tier: p.tier,
        actor: 'demo',
        catalogVersion: catalog.version,
      })),
    );
    const inserted = await tx
      .insert(contacts)
      .values(data.contacts)
      .returning({ id: contacts.id, slackUserId: contacts.slackUserId });
    const contactId = new Map(inserted.map((c) => [c.slackUserId, c.id]));
    await tx.insert(revenueLines).values(data.revenue);
    await tx.insert(trainingCompletions).values(
      data.trainings.map(({ slackUserId, ...t }) => ({
        ...t,
        contactId: contactId.get(slackUserId)!,
        declaredBy: t.status === 'pending' ? slackUserId : null,
      })),
    );
    await tx.insert(checklistItems).values(data.checklist);
  });
  return true;
}
