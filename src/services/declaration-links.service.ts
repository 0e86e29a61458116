import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/client.js';
import type { ContactRow } from '../db/repositories/contacts.repository.js';
import type { NewDeclarationLink } from '../db/repositories/declaration-links.repository.js';
import { createRepositories, type Repositories } from '../db/repositories/index.js';
import type { PartnerRow } from '../db/repositories/partners.repository.js';
import { transaction } from '../db/transaction.js';
import { contactLocale } from '../i18n/locale.js';
import type { Catalog, Locale, Obligation } from '../program/catalog.schema.js';
import type { IsoDate } from '../program/dates.js';
import { markReminderDone } from './reminder-actions.service.js';

/** How long a declaration link works (issue 10): two weeks, the time between two weekly reminders and more. */
export const LINK_LIFETIME_DAYS = 14;
/** Where the page is served: PUBLIC_URL + DECLARE_PATH + token. */
export const DECLARE_PATH = '/declare/';

const DAY_MS = 86_400_000;
const NONCE_BYTES = 32;
/** What the signature covers besides the fields: a signature made for anything else never fits. */
const PURPOSE = 'partner-bot declaration link v1';

/**
 * A link's token: `v1.<contact id>.<training code>.<expiry, Unix seconds>.<nonce>.<signature>`, nonce and
 * signature in base64url (32 bytes each). The signature is HMAC-SHA256 with LINK_SECRET over every field,
 * so a token can be refused (forged, altered, expired) before the database is asked; the nonce, from
 * crypto.randomBytes, makes it unguessable and single (the database keeps only its SHA-256).
 */
const TOKEN =
  /^v1\.(\d{1,12})\.([a-z0-9][a-z0-9-]{0,63})\.(\d{1,12})\.([A-Za-z0-9_-]{43})\.([A-Za-z0-9_-]{43})$/;

interface TokenFields {
  contactId: number;
  obligation: string;
  expiresAt: Date;
  nonce: string;
}

function sign(secret: string, f: TokenFields): Buffer {
  const seconds = Math.floor(f.expiresAt.getTime() / 1000);
  return createHmac('sha256', secret)
    .update(`${PURPOSE}\n${f.contactId}\n${f.obligation}\n${seconds}\n${f.nonce}`)
    .digest();
}

const hashOf = (nonce: string) => createHash('sha256').update(nonce).digest('hex');

export interface IssuedLink {
  url: string;
  row: NewDeclarationLink;
}

/** A fresh link for one contact and one training (its row to insert with the e-mail that carries it). */
export function issueDeclarationLink(
  signing: { publicUrl: string; secret: string },
  input: { contactId: number; obligation: string; now: Date },
): IssuedLink {
  const expiresAt = new Date(Math.floor((input.now.getTime() + LINK_LIFETIME_DAYS * DAY_MS) / 1000) * 1000);
  const fields = {
    contactId: input.contactId,
    obligation: input.obligation,
    expiresAt,
    nonce: randomBytes(NONCE_BYTES).toString('base64url'),
  };
  const token = [
    'v1',
    fields.contactId,
    fields.obligation,
    expiresAt.getTime() / 1000,
    fields.nonce,
    sign(signing.secret, fields).toString('base64url'),
  ].join('.');
  return {
    url: `${signing.publicUrl.replace(/\/+$/, '')}${DECLARE_PATH}${token}`,
    row: {
      nonceHash: hashOf(fields.nonce),
      contactId: fields.contactId,
      obligation: fields.obligation,
      expiresAt,
    },
  };
}

type Checked = { kind: 'malformed' } | { kind: 'forged' } | { kind: 'signed'; fields: TokenFields };

/** The token's fields when its signature is ours (compared in constant time). */
function checkToken(secret: string, token: string): Checked {
  const m = TOKEN.exec(token);
  if (!m) return { kind: 'malformed' };
  const fields: TokenFields = {
    contactId: Number(m[1]),
    obligation: m[2]!,
    expiresAt: new Date(Number(m[3]) * 1000),
    nonce: m[4]!,
  };
  // Compared as text: base64url's last character carries two spare bits, so decoding would let several
  // spellings of one signature through; a link has exactly one.
  const given = Buffer.from(m[5]!, 'utf8');
  const expected = Buffer.from(sign(secret, fields).toString('base64url'), 'utf8');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { kind: 'forged' };
  return { kind: 'signed', fields };
}

export interface DeclarationLinkDeps {
  catalog: Catalog;
  /** LINK_SECRET. */
  secret: string;
  /** LOCALE: the language when the contact is unknown or has none. */
  locale: Locale;
}

export interface DeclarationSubject {
  locale: Locale;
  partner: PartnerRow;
  contact: ContactRow;
  training: Obligation;
}

/**
 * What a link leads to. invalid: not a token at all; unknown: forged, altered, or no such link (not told
 * apart: a guess learns nothing); expired, used; gone: the contact, partner or training is no more, or the
 * contact may no longer declare it; open: the page to confirm; declared: the declaration was recorded now
 * (pending the manager's confirmation, as from Slack's Done button), or already was.
 */
export type DeclarationLinkState =
  | { status: 'invalid' | 'unknown' | 'expired' | 'used' | 'gone'; locale: Locale }
  | ({ status: 'open' } & DeclarationSubject)
  | ({ status: 'declared'; outcome: 'pending' | 'confirmed' | 'already-done' } & DeclarationSubject);

type ReadState = Exclude<DeclarationLinkState, { status: 'open' | 'declared' }> | OpenLink;
type OpenLink = { status: 'open'; nonceHash: string } & DeclarationSubject;

async function localeOf(repos: Repositories, contact: ContactRow, fallback: Locale): Promise<Locale> {
  const slack = contact.slackUserId ? await repos.userLocales.of([contact.slackUserId]) : new Map();
  return contactLocale(contact, slack, fallback);
}

/**
 * Reads a link as it stands at `now`, the row locked when `forUpdate`. The contact's language follows the
 * reminders' order: Slack's when it last used the bot, the import's, LOCALE.
 */
async function readLink(
  repos: Repositories,
  deps: DeclarationLinkDeps,
  token: string,
  now: Date,
  forUpdate: boolean,
): Promise<ReadState> {
  const checked = checkToken(deps.secret, token);
  if (checked.kind === 'malformed') return { status: 'invalid', locale: deps.locale };
  if (checked.kind === 'forged') return { status: 'unknown', locale: deps.locale };
  const { fields } = checked;
  const nonceHash = hashOf(fields.nonce);
  const row = forUpdate
    ? await repos.declarationLinks.byNonceHashForUpdate(nonceHash)
    : await repos.declarationLinks.byNonceHash(nonceHash);
  if (
    !row ||
    row.contactId !== fields.contactId ||
    row.obligation !== fields.obligation ||
    row.expiresAt.getTime() !== fields.expiresAt.getTime()
  )
    return { status: 'unknown', locale: deps.locale };
  const contact = await repos.contacts.byId(row.contactId);
  if (!contact) return { status: 'unknown', locale: deps.locale };
  const locale = await localeOf(repos, contact, deps.locale);
  if (row.usedAt) return { status: 'used', locale };
  if (now.getTime() >= row.expiresAt.getTime()) return { status: 'expired', locale };
  const partner = await repos.partners.byId(contact.partnerId);
  const training = deps.catalog.obligations.find((o) => o.code === row.obligation && o.kind === 'training');
  if (!partner || !training) return { status: 'gone', locale };
  return { status: 'open', locale, partner, contact, training, nonceHash };
}

/** GET: what the link shows. Reads only: mail scanners and link previews follow links. */
export async function openDeclarationLink(
  db: Db,
  deps: DeclarationLinkDeps,
  input: { token: string; now: Date },
): Promise<DeclarationLinkState> {
  const state = await readLink(createRepositories(db), deps, input.token, input.now, false);
  if (state.status !== 'open') return state;
  const { nonceHash: _, ...open } = state;
  return open;
}

/**
 * POST: the contact confirms. In one transaction, the link locked: the declaration is recorded through
 * the service of Slack's Done button (markReminderDone: pending until the manager confirms, the manager
 * told through the outbox) and the link marked used. A link expired, used, unknown, or whose declaration
 * is refused changes nothing.
 */
export function useDeclarationLink(
  db: Db,
  deps: DeclarationLinkDeps,
  input: { token: string; now: Date; today: IsoDate },
): Promise<DeclarationLinkState> {
  return transaction(db, async (tx) => {
    const state = await readLink(createRepositories(tx), deps, input.token, input.now, true);
    if (state.status !== 'open') return state;
    const { nonceHash, partner, contact, training, locale } = state;
    const outcome = await markReminderDone(
      tx,
      deps.catalog,
      {
        partnerId: partner.id,
        obligation: training.code,
        contactId: contact.id,
        // Who asks is read again by the write, as for every asker: authorization rests on a read in the
        // transaction, never on a row handed in. The partner, read by readLink in it, is not read again.
        by: { linkedContactId: contact.id },
        partnerRow: partner,
        today: input.today,
        now: input.now,
      },
      { locale: deps.locale },
    );
    if (outcome.status !== 'pending' && outcome.status !== 'confirmed' && outcome.status !== 'already-done')
      return { status: 'gone', locale };
    await createRepositories(tx).declarationLinks.markUsed(nonceHash, input.now);
    return { status: 'declared', outcome: outcome.status, locale, partner, contact, training };
  });
}
