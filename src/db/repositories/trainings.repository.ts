import { and, asc, eq, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { contacts, partners, trainingCompletions } from '../schema.js';
import { lockedRow } from './one-row.js';

export type TrainingCompletionRow = typeof trainingCompletions.$inferSelect;
export type TrainingCompletionInsert = typeof trainingCompletions.$inferInsert;

/** What a new completion records, whether declared or confirmed. */
export interface NewCompletion {
  partnerId: string;
  contactId: number;
  training: string;
  completedOn: string;
  declaredBy: string;
}

/** A declaration awaiting a manager, with whose it is. */
export interface PendingCompletion {
  id: number;
  partnerId: string;
  partnerName: string;
  contactName: string;
  contactSlackUserId: string | null;
  training: string;
  completedOn: string;
  declaredBy: string | null;
}

/** Trainings the contacts completed: confirmed, or pending while a contact's declaration awaits a manager. */
export function createTrainingsRepository(db: Db) {
  return {
    /** A contact's completion of a training, locked until the transaction ends. */
    async ofContactForUpdate(
      contactId: number,
      training: string,
    ): Promise<TrainingCompletionRow | undefined> {
      return lockedRow(
        db,
        trainingCompletions,
        and(eq(trainingCompletions.contactId, contactId), eq(trainingCompletions.training, training))!,
      );
    },

    /** A contact's own declaration, pending until a manager confirms it. */
    async insertDeclared(row: NewCompletion): Promise<TrainingCompletionRow> {
      const [inserted] = await db
        .insert(trainingCompletions)
        .values({ ...row, status: 'pending' })
        .returning();
      return inserted!;
    },

    /** A completion recorded by staff, confirmed at once; `at` is when (the database's clock when left out). */
    async insertConfirmed(
      row: NewCompletion,
      confirmed: { by: string; at: Date | undefined },
    ): Promise<TrainingCompletionRow> {
      const [inserted] = await db
        .insert(trainingCompletions)
        .values({
          ...row,
          status: 'confirmed',
          confirmedBy: confirmed.by,
          confirmedAt: confirmed.at ?? sql`now()`,
        })
        .returning();
      return inserted!;
    },

    /** A pending declaration declared again, on another day. */
    async redeclare(
      id: number,
      change: { completedOn: string; declaredBy: string },
    ): Promise<TrainingCompletionRow | undefined> {
      const [row] = await db
        .update(trainingCompletions)
        .set(change)
        .where(eq(trainingCompletions.id, id))
        .returning();
      return row;
    },

    /**
     * A completion confirmed by staff, moved to the day given when there is one; `at` is when (the
     * database's clock when left out).
     */
    async confirm(
      id: number,
      confirmed: { by: string; at: Date | undefined; completedOn?: string },
    ): Promise<TrainingCompletionRow | undefined> {
      const [row] = await db
        .update(trainingCompletions)
        .set({
          ...(confirmed.completedOn === undefined ? {} : { completedOn: confirmed.completedOn }),
          status: 'confirmed',
          confirmedBy: confirmed.by,
          confirmedAt: confirmed.at ?? sql`now()`,
        })
        .where(eq(trainingCompletions.id, id))
        .returning();
      return row;
    },

    async remove(id: number): Promise<void> {
      await db.delete(trainingCompletions).where(eq(trainingCompletions.id, id));
    },

    /** A pending declaration with its contact and partner, locked until the transaction ends. */
    async pendingForUpdate(id: number) {
      const [row] = await db
        .select({ completion: trainingCompletions, contact: contacts, partner: partners })
        .from(trainingCompletions)
        .innerJoin(contacts, eq(contacts.id, trainingCompletions.contactId))
        .innerJoin(partners, eq(partners.id, trainingCompletions.partnerId))
        .where(and(eq(trainingCompletions.id, id), eq(trainingCompletions.status, 'pending')))
        .for('update', { of: trainingCompletions });
      return row;
    },

    /**
     * Declarations awaiting a manager, oldest first: every one, or (`managedBy`) those of the partners
     * that manager manages and of partners nobody manages.
     */
    async pending(scope: { managedBy?: string } = {}): Promise<PendingCompletion[]> {
      const managed: SQL | undefined =
        scope.managedBy === undefined
          ? undefined
          : or(eq(partners.managerSlackUserId, scope.managedBy), isNull(partners.managerSlackUserId));
      return db
        .select({
          id: trainingCompletions.id,
          partnerId: partners.id,
          partnerName: partners.name,
          contactName: contacts.name,
          contactSlackUserId: contacts.slackUserId,
          training: trainingCompletions.training,
          completedOn: trainingCompletions.completedOn,
          declaredBy: trainingCompletions.declaredBy,
        })
        .from(trainingCompletions)
        .innerJoin(contacts, eq(contacts.id, trainingCompletions.contactId))
        .innerJoin(partners, eq(partners.id, trainingCompletions.partnerId))
        .where(and(eq(trainingCompletions.status, 'pending'), managed))
        .orderBy(asc(trainingCompletions.createdAt), asc(trainingCompletions.id));
    },

    /** The contact's completion of the training, if recorded (confirmed or pending). */
    async completionOf(
      contactId: number,
      training: string,
    ): Promise<{ status: 'confirmed' | 'pending'; completedOn: string } | undefined> {
      const [row] = await db
        .select({ status: trainingCompletions.status, completedOn: trainingCompletions.completedOn })
        .from(trainingCompletions)
        .where(and(eq(trainingCompletions.contactId, contactId), eq(trainingCompletions.training, training)));
      return row;
    },

    async insertMany(rows: TrainingCompletionInsert[]): Promise<void> {
      if (rows.length === 0) return;
      await db.insert(trainingCompletions).values(rows);
    },
  };
}

export type TrainingsRepository = ReturnType<typeof createTrainingsRepository>;
