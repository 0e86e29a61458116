import { PROFILES, type Profile } from '../../program/catalog.schema.js';
import { LOCALES } from '../../program/locales.js';
import { type Parsed, parseBoolean, parseCode } from '../values.js';
import { Cells, type ImportKindSpec, UNKNOWN_PARTNER } from './kind.js';

/**
 * Profiles joined by `+` ("admin+sales+technical"), in any order and case; an unknown one or one twice
 * is refused. In the catalog's order, so that the same set is always the same array.
 */
export function parseProfiles(input: string): Parsed<Profile[]> {
  const raw = input.trim();
  if (raw === '') return { ok: false, error: { code: 'profile.required', profiles: PROFILES } };
  const seen = new Set<Profile>();
  for (const part of raw.split('+').map((p) => p.trim())) {
    const found = PROFILES.find((p) => p === part.toLowerCase());
    if (part === '') return { ok: false, error: { code: 'profile.empty', value: raw } };
    if (found === undefined)
      return { ok: false, error: { code: 'profile.unknown', value: part, profiles: PROFILES } };
    if (seen.has(found)) return { ok: false, error: { code: 'profile.twice', profile: found, value: raw } };
    seen.add(found);
  }
  return { ok: true, value: PROFILES.filter((p) => seen.has(p)) };
}

/**
 * The referent cell: yes (referent for every profile the contact holds), no or empty (for none), or the
 * profiles it is referent for ("admin+technical"), each one it must hold.
 */
export function parseReferent(input: string, held: readonly Profile[] | null): Parsed<Profile[] | null> {
  const raw = input.trim();
  const yesNo = parseBoolean(raw);
  if (yesNo.ok) return { ok: true, value: yesNo.value ? (held === null ? null : [...held]) : [] };
  const listed = parseProfiles(raw);
  if (!listed.ok) {
    const looksLikeProfiles = raw.includes('+') || PROFILES.some((p) => p === raw.toLowerCase());
    return {
      ok: false,
      error: looksLikeProfiles ? listed.error : { code: 'referent.invalid', value: raw },
    };
  }
  if (held === null) return { ok: true, value: null };
  const notHeld = listed.value.filter((p) => !held.includes(p));
  if (notHeld.length)
    return {
      ok: false,
      error: { code: 'referent.not-held', profiles: notHeld, held },
    };
  return listed;
}

/** The optional `email` cell, checked to be an address (else an issue, and null). */
export function emailCell(c: Cells): string | null {
  const email = c.optional('email', 254);
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    c.issue('email', { code: 'email.invalid', value: email });
    return null;
  }
  return email;
}

/** The natural key of a contact row: its Slack user, else its e-mail (a contact not on Slack). */
export function contactKey(slackUserId: string | null, email: string | null): string | null {
  if (slackUserId) return slackUserId;
  return email ? `email:${email.toLowerCase()}` : null;
}

/**
 * Contacts, keyed by slack_user_id, or by e-mail for a contact not on Slack (slack_user_id empty: it is
 * reminded by e-mail until the daily linking finds it on Slack). `slack_team_id` (optional) is the
 * contact's Slack team when it is not the vendor's (a person of the partner's organisation in a Slack
 * Connect channel); `locale` (optional, fr or en) its language until Slack gives one. A Slack user is the contact of one partner: a row naming a user
 * already recorded for another partner is refused (moving a contact would carry its trainings over).
 * `profile` holds one or several profiles (admin+sales+technical), `referent` yes, no or some of them.
 * Both are staged as their profiles joined by `+`, in the catalog's order.
 */
export const contactsKind: ImportKindSpec = {
  kind: 'contacts',
  header: ['partner_id', 'slack_user_id', 'name', 'email', 'profile', 'referent', 'slack_team_id', 'locale'],
  optional: ['email', 'referent', 'slack_user_id', 'slack_team_id', 'locale'],
  staging: {
    partner_id: 'text',
    slack_user_id: 'text',
    name: 'text',
    email: 'text',
    profile: 'text',
    referent: 'text',
    slack_team_id: 'text',
    locale: 'text',
    contact_key: 'text',
  },
  key: ['contact_key'],

  parse(raw) {
    const c = new Cells(raw);
    // In the columns' order, so that a line's problems read left to right.
    const partnerId = c.partnerId();
    const slackUserId = c.slackId('slack_user_id', 'UW', 'user', false);
    const name = c.required('name');
    const email = emailCell(c);
    if (!slackUserId && !email && !raw.slack_user_id && !raw.email)
      c.issue('slack_user_id', { code: 'contact.unreachable' });
    const profiles = c.parse('profile', parseProfiles);
    const referent = c.parse('referent', (v) => parseReferent(v, profiles));
    const teamId = c.slackId('slack_team_id', 'TE', 'team', false);
    const locale =
      c.optional('locale') === null ? null : c.parse('locale', (v) => parseCode(v, LOCALES, 'locale'));
    return c.result({
      partner_id: partnerId,
      slack_user_id: slackUserId,
      name,
      email,
      profile: profiles?.join('+') ?? null,
      referent: referent?.join('+') ?? null,
      slack_team_id: teamId,
      locale,
      contact_key: contactKey(slackUserId, email),
    });
  },

  checks: [
    UNKNOWN_PARTNER,
    // A Slack user is the contact of one partner.
    { column: 'slack_user_id', check: 'contact-of-another-partner' },
    // An e-mail-only contact is the contact of one partner too.
    { column: 'email', check: 'email-contact-of-another-partner' },
    // After the import, each partner has at most one referent per profile.
    { column: 'referent', check: 'several-referents' },
  ],

  apply: (merge) => merge.contacts(),
};
