import { eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { declarationLinks } from '../schema.js';
import { lockedRow } from './one-row.js';
import { setOnce } from './set-once.js';

export type DeclarationLinkRow = typeof declarationLinks.$inferSelect;

export interface NewDeclarationLink {
  /** The SHA-256 (hex) of the link's random nonce: the raw nonce is only ever in the e-mail. */
  nonceHash: string;
  contactId: number;
  obligation: string;
  expiresAt: Date;
}

/** The links to declare a training done that reminder e-mails carry (src/services/declaration-links.service.ts). */
export function createDeclarationLinksRepository(db: Db) {
  return {
    async insert(links: NewDeclarationLink[]): Promise<void> {
      if (links.length === 0) return;
      await db
        .insert(declarationLinks)
        .values(
          links.map((l) => ({
            nonce: l.nonceHash,
            contactId: l.contactId,
            obligation: l.obligation,
            expiresAt: l.expiresAt,
          })),
        )
        .onConflictDoNothing();
    },

    async byNonceHash(nonceHash: string): Promise<DeclarationLinkRow | undefined> {
      const [row] = await db.select().from(declarationLinks).where(eq(declarationLinks.nonce, nonceHash));
      return row;
    },

    /** The link, locked until the transaction ends: two clicks at once use it once. */
    async byNonceHashForUpdate(nonceHash: string): Promise<DeclarationLinkRow | undefined> {
      return lockedRow(db, declarationLinks, eq(declarationLinks.nonce, nonceHash));
    },

    /** Marks the link used; false when it already was. */
    async markUsed(nonceHash: string, at: Date): Promise<boolean> {
      return setOnce(db, declarationLinks, 'usedAt', { usedAt: at }, eq(declarationLinks.nonce, nonceHash));
    },
  };
}

export type DeclarationLinksRepository = ReturnType<typeof createDeclarationLinksRepository>;
