import { describe, expect, it } from 'vitest';
import { renderReply } from '../../src/console/render-text.js';
import type { ContactRow, PartnerRecord } from '../../src/db/repositories/partners.repository.js';
import { announcementMailMessages } from '../../src/i18n/announcement-mail.js';
import { announcementMessages } from '../../src/i18n/announcements.js';
import { assistantMessages } from '../../src/i18n/assistant.js';
import { benefitUsesMessages } from '../../src/i18n/benefit-uses.js';
import { commandMessages } from '../../src/i18n/commands.js';
import { consoleMessages } from '../../src/i18n/console.js';
import { declarationPageMessages } from '../../src/i18n/declaration-page.js';
import { depthModalsMessages } from '../../src/i18n/depth-modals.js';
import { digestMessages } from '../../src/i18n/digest.js';
import { formatDate, formatMoney, type PluralForms, plural } from '../../src/i18n/format.js';
import { homeMessages } from '../../src/i18n/home.js';
import { importExportMessages } from '../../src/i18n/import-export.js';
import { jobRunMessages } from '../../src/i18n/job-runs.js';
import { membershipMessages } from '../../src/i18n/membership.js';
import { objectivesMessages } from '../../src/i18n/objectives.js';
import { operatorFeesMessages } from '../../src/i18n/operator-fees.js';
import { reminderMailMessages } from '../../src/i18n/reminder-mail.js';
import { reminderMessages } from '../../src/i18n/reminders.js';
import { writeMessages, writeNotifications } from '../../src/i18n/writes.js';
import { zenDirectoryMessages } from '../../src/i18n/zen-directory.js';
import type { Locale } from '../../src/program/catalog.schema.js';
import { addDays } from '../../src/program/dates.js';
import type { ObligationItem } from '../../src/program/obligations.js';
import { semesterEvaluatedOn } from '../../src/program/semesters.js';
import { tierByCode } from '../../src/program/tiers.js';
import { checklistEntries } from '../../src/services/checklist.service.js';
import type {
  ChangedPartner,
  EvaluationAnnouncementInput,
} from '../../src/services/evaluation-approval.service.js';
import type { PortfolioSummary } from '../../src/services/portfolio.service.js';
import type { PendingDeclaration } from '../../src/services/trainings.service.js';
import type { WriteIssue } from '../../src/services/write-issues.js';
import { ACTION_IDS } from '../../src/slack/ids.js';
import { partnerAnnouncements, summaryAnnouncement } from '../../src/slack/views/announcements.view.js';
import type { KnownBlock } from '../../src/slack/views/blocks.js';
import { declarationsView } from '../../src/slack/views/declarations.view.js';
import { digestView, type ManagerDigest } from '../../src/slack/views/digest.view.js';
import { homeView } from '../../src/slack/views/home.view.js';
import {
  benefitsView,
  chooseView,
  helpView,
  historyView,
  listView,
  messageView,
  noMatchView,
  obligationsView,
  otherPartnerRefusalView,
  programView,
  staffOnlyRefusalView,
  statusView,
  strangerRefusalView,
  tierView,
  unavailableView,
  unspecifiedView,
  viewContext,
  zenView,
} from '../../src/slack/views/index.js';
import {
  approvalRefusal,
  approvedPreview,
  evaluationOverrideModal,
  overrideReply,
  reminderDoneReply,
  reminderSnoozeReply,
} from '../../src/slack/views/job-replies.view.js';
import { type ReminderLine, reminderView } from '../../src/slack/views/reminders.view.js';
import { sharedCardView } from '../../src/slack/views/share.view.js';
import { doneModal, overrideModal, revenueModal } from '../../src/slack/views/write-modals.view.js';
import {
  checklistMarkedView,
  declarationDecidedText,
  issueText,
  plainIssueText,
  revenueRecordedView,
  tierOverriddenView,
  trainingRecordedView,
  writePartnerChoiceView,
  writeRefusedView,
  writeViewContext,
} from '../../src/slack/views/write-replies.view.js';
import { catalog, crowdedRecord, demoRecords, historyRow, statusOf, TODAY } from '../slack/views.fixtures.js';
import { englishTypographyIssues, frenchTypographyIssues, proseOf } from '../support/typography.js';

// ---------------------------------------------------------------------------------------------------------
// The checker itself.

describe('the typography checker', () => {
  it('wants a no-break space before : ; ! ? and accepts U+202F and U+00A0', () => {
    expect(frenchTypographyIssues('Statut: x')).toHaveLength(1);
    expect(frenchTypographyIssues('Statut : x')).toHaveLength(1);
    expect(frenchTypographyIssues('Statut\u202f: x')).toEqual([]);
    expect(frenchTypographyIssues('Statut\u00a0: x')).toEqual([]);
    expect(frenchTypographyIssues('Lequel ?')).toHaveLength(1);
    expect(frenchTypographyIssues('Merci\u202f! Lequel\u202f? Oui\u202f; non')).toEqual([]);
    expect(frenchTypographyIssues('`/partner help`: aide')).toHaveLength(1);
  });

  it('ignores emoji shortcodes, times, links, mentions, code and entities', () => {
    expect(frenchTypographyIssues(':white_check_mark: Fait')).toEqual([]);
    expect(frenchTypographyIssues('à 09:00 chaque jour')).toEqual([]);
    expect(frenchTypographyIssues('<https://x.y/a:b>')).toEqual([]);
    expect(frenchTypographyIssues('<https://x.y/a:b|le lien> et <@U0ABC> <#C0ABC|canal> <!here>')).toEqual(
      [],
    );
    expect(frenchTypographyIssues('Tapez `/partner revenue acme 2026-03 recurring 1 234,56`')).toEqual([]);
    expect(frenchTypographyIssues('Webinars &amp; Formations')).toEqual([]);
  });

  it('wants no-break spaces inside « » and in amounts', () => {
    expect(frenchTypographyIssues('motif\u202f: « ok »')).toHaveLength(2);
    expect(frenchTypographyIssues('motif\u202f: «\u202fok\u202f»')).toEqual([]);
    expect(frenchTypographyIssues('1 234,56 €')).toHaveLength(2);
    expect(frenchTypographyIssues('1234,56\u00a0€')).toHaveLength(1);
    expect(frenchTypographyIssues('1\u202f234,56\u00a0€ et 2\u00a0%')).toEqual([]);
    expect(frenchTypographyIssues('2%')).toHaveLength(1);
    expect(frenchTypographyIssues('de 2000€', { verbatim: ['de 2000€'] })).toEqual([]);
  });

  it('wants real plurals, "1er", one apostrophe and the deck’s words', () => {
    expect(frenchTypographyIssues('2 message(s)')).toHaveLength(1);
    expect(frenchTypographyIssues('le 1 janv. 2027')).toHaveLength(1);
    expect(frenchTypographyIssues('le 1er janv. 2027 ou le 21 janv. 2027')).toEqual([]);
    expect(frenchTypographyIssues("l'équipe")).toHaveLength(1);
    expect(frenchTypographyIssues('l’équipe')).toEqual([]);
    expect(frenchTypographyIssues('Obligations en retard')).toHaveLength(1);
    expect(frenchTypographyIssues('changement de grade')).toHaveLength(1);
    expect(frenchTypographyIssues('Un palier comprend les avantages des paliers inférieurs.')).toHaveLength(
      2,
    );
    expect(frenchTypographyIssues('Webinar obligatoire')).toEqual([]);
  });

  it('reads English for plurals and quote style', () => {
    expect(englishTypographyIssues('1 days left')).toHaveLength(1);
    expect(englishTypographyIssues('2 message(s)')).toHaveLength(1);
    expect(englishTypographyIssues("I don't know “x”")).toHaveLength(1);
    expect(englishTypographyIssues('I don’t know “x”, 1 day left')).toEqual([]);
    expect(englishTypographyIssues("I don't know `a'b` and it's fine")).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Every user-visible string of a message, a modal or a Home tab.

type Texts = { text: string; where: string }[];
/** A message, a modal, a Home tab or a plain reply. */
type Message = object | string;

function textsIn(value: unknown, where: string, out: Texts) {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) textsIn(v, `${where}[${i}]`, out);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const o = value as Record<string, unknown>;
  if ((o.type === 'mrkdwn' || o.type === 'plain_text') && typeof o.text === 'string') {
    out.push({ text: o.text, where });
    return;
  }
  for (const [key, v] of Object.entries(o)) {
    // ids, values and metadata are not read by anyone.
    if (['action_id', 'block_id', 'callback_id', 'private_metadata', 'value', 'url'].includes(key)) continue;
    if (key === 'text' && typeof v === 'string') out.push({ text: v, where: `${where}.text` });
    else textsIn(v, `${where}.${key}`, out);
  }
}

function textsOfAny(value: Message): Texts {
  const out: Texts = [];
  if (typeof value === 'string') out.push({ text: value, where: 'text' });
  else textsIn(value, '', out);
  return out;
}

const fr = writeViewContext(viewContext(catalog, 'fr', TODAY));
const en = writeViewContext(viewContext(catalog, 'en', TODAY));
const ctxOf = (locale: Locale) => (locale === 'fr' ? fr : en);

/** The deck’s labels, whose amounts ("2000€", "150€", "2%") are kept as the deck writes them. */
const deckLabels = [
  ...catalog.benefits.map((b) => b.label.fr),
  ...catalog.operatorPrograms.map((p) => p.fees.fr),
];

const records = demoRecords();
const record = (id: string) => records.get(id)!;
const acme = record('acme'); // a Business e-shop operator with overdue items
const alpes = record('alpes-voip'); // an Access ambassador with a pending declaration
const cloudcall = record('cloudcall'); // a Premium operator, BizBooster expired
const delta = record('delta-reseau'); // an ambassador without a technical referent
const hexa = record('hexa-phone'); // a Starter ambassador

function withOverride(r: PartnerRecord, locale: Locale): PartnerRecord {
  return {
    ...r,
    history: [
      historyRow({
        id: 99,
        partnerId: r.partner.id,
        kind: 'override',
        tier: r.partner.tier,
        previousTier: 'starter',
        computedTier: 'starter',
        effectiveOn: '2026-09-01',
        actor: 'U0MANAGER1',
        reason: locale === 'fr' ? 'Contrat cadre signé' : 'Signed the framework contract',
      }),
      historyRow({
        id: 98,
        partnerId: r.partner.id,
        kind: 'evaluation',
        semester: '2026-H1',
        tier: 'starter',
        previousTier: 'access',
        averageCents: 140_000,
        activeMonths: 1,
        effectiveOn: '2026-07-01',
        actor: 'scheduler',
      }),
      historyRow({
        id: 97,
        partnerId: r.partner.id,
        kind: 'evaluation',
        semester: '2025-H2',
        tier: 'access',
        previousTier: 'access',
        averageCents: 1_234_567,
        activeMonths: 6,
        effectiveOn: '2026-01-01',
        actor: 'scheduler',
      }),
      ...r.history,
    ],
  };
}

const contact = (partnerId: string, i: number, profile: 'admin' | 'sales' | 'technical'): ContactRow => ({
  id: 100 + i,
  partnerId,
  slackUserId: `U0SAMPLE${i}`,
  name: `Camille ${i}`,
  email: null,
  profiles: [profile],
  referentProfiles: i === 1 ? [profile] : [],
  createdAt: new Date(0),
  slackTeamId: null,
  locale: null,
});

const pending: PendingDeclaration[] = [
  {
    id: 1,
    partnerId: 'alpes-voip',
    partnerName: 'Alpes VoIP',
    contactName: 'Léa Martin',
    contactSlackUserId: 'U0ALPESAL1',
    training: 'trn-online-sales',
    completedOn: '2026-11-01',
    declaredBy: 'U0ALPESAL1',
  },
  {
    id: 2,
    partnerId: 'acme',
    partnerName: 'Acme Télécom',
    contactName: 'Camille Acme',
    contactSlackUserId: 'U0ACME0ADM',
    training: 'trn-online-admin',
    completedOn: '2026-10-24',
    declaredBy: 'U0ACME0ADM',
  },
];

const allIssues = (): WriteIssue[] => [
  { code: 'not-allowed' },
  { code: 'own-training-only' },
  { code: 'partner-unknown' },
  { code: 'month-missing' },
  { code: 'month-invalid', value: '2026-13' },
  { code: 'month-future', value: '2027-01' },
  { code: 'category-unknown', value: 'autre' },
  { code: 'amount-missing' },
  { code: 'amount-invalid', value: '12,345,6' },
  { code: 'amount-negative', value: '-5' },
  { code: 'amount-too-large', value: '1e12' },
  { code: 'training-missing' },
  { code: 'training-unknown', value: 'trn-x' },
  { code: 'training-not-applicable', training: 'trn-eshop-onsite', partnerName: 'Alpes VoIP' },
  { code: 'item-missing' },
  { code: 'item-unknown', value: 'doc-x' },
  { code: 'item-is-training', value: 'trn-online-admin' },
  { code: 'item-computed', value: 'zen-tier' },
  { code: 'item-not-applicable', item: 'doc-operator-cgas', partnerName: 'Alpes VoIP' },
  { code: 'contact-missing' },
  { code: 'contact-unknown', value: '@eve' },
  {
    code: 'contact-ambiguous',
    value: 'Camille',
    candidates: [contact('acme', 1, 'admin'), contact('acme', 2, 'sales')],
  },
  { code: 'contact-other-partner', contactName: 'Léa Martin', partnerName: 'Acme Télécom' },
  { code: 'date-invalid', value: '2026-02-30' },
  { code: 'date-future', value: '2027-01-01' },
  { code: 'tier-missing' },
  { code: 'tier-unknown', value: 'gold' },
  { code: 'tier-unchanged', tier: 'business' },
  { code: 'reason-missing' },
  { code: 'reason-too-long', max: 500 },
  { code: 'declaration-gone' },
];

function obligationItem(
  code: string,
  dueOn: string,
  actor: ObligationItem['actor'],
  status: ObligationItem['status'] = 'outstanding',
): ObligationItem {
  return { obligation: catalog.obligations.find((o) => o.code === code)!, status, dueOn, actor };
}

function reminderLines(): ReminderLine[] {
  const c = alpes.contacts[0]!;
  const asContact = { kind: 'contact' as const, contact: c };
  return [
    {
      partnerId: 'alpes-voip',
      partnerName: 'Alpes VoIP',
      item: obligationItem('trn-online-admin', addDays(TODAY, 14), asContact),
      kind: 'upcoming',
      contactId: c.id,
    },
    {
      partnerId: 'alpes-voip',
      partnerName: 'Alpes VoIP',
      item: obligationItem('trn-online-sales', addDays(TODAY, 1), { kind: 'no-contact', profile: 'sales' }),
      kind: 'upcoming',
      contactId: null,
    },
    {
      partnerId: 'alpes-voip',
      partnerName: 'Alpes VoIP',
      item: obligationItem('trn-webinar-trunk-metacentrex-data', TODAY, { kind: 'partner' }),
      kind: 'due',
      contactId: null,
    },
    {
      partnerId: 'acme',
      partnerName: 'Acme Télécom',
      item: obligationItem(
        'trn-onsite-referent-technical',
        addDays(TODAY, -1),
        { kind: 'no-referent', profile: 'technical' },
        'overdue',
      ),
      kind: 'overdue',
      contactId: null,
    },
    {
      partnerId: 'acme',
      partnerName: 'Acme Télécom',
      item: obligationItem('trn-operator-webinar-1', '2026-11-01', { kind: 'partner' }, 'overdue'),
      kind: 'overdue',
      contactId: null,
    },
  ];
}

const digest: ManagerDigest = {
  manager: 'U0MANAGER1',
  demotions: [
    {
      partnerName: 'Acme Télécom',
      averageSoFarCents: 140_400,
      missingToKeepCents: 59_600,
      tier: 'business',
      daysLeft: 1,
      nextEvaluationOn: '2027-01-01',
    },
    {
      partnerName: 'Delta Réseau',
      averageSoFarCents: 40_000,
      missingToKeepCents: 1_060_000,
      tier: 'access',
      daysLeft: 36,
      nextEvaluationOn: '2027-01-01',
    },
  ],
  promotions: [
    {
      partnerName: 'Alpes VoIP',
      nextTier: 'business',
      missingCents: 12_000,
      thresholdCents: 100_000,
      daysLeft: 1,
    },
    { partnerName: 'Hexa Phone', nextTier: 'access', missingCents: 0, thresholdCents: 50_000, daysLeft: 2 },
  ],
  overdue: [
    {
      partnerName: 'Acme Télécom',
      obligation: catalog.obligations.find((o) => o.code === 'trn-online-admin')!.label,
      dueOn: '2026-11-01',
      daysOverdue: 1,
      contact: { slackUserId: 'U0ACME0ADM', name: 'Camille Acme' },
    },
    {
      partnerName: 'Acme Télécom',
      obligation: catalog.obligations.find((o) => o.code === 'doc-partner-charter')!.label,
      dueOn: '2026-09-01',
      daysOverdue: 86,
      contact: undefined,
    },
  ],
  missed: [
    {
      partnerName: 'Acme Télécom',
      obligation: catalog.obligations.find((o) => o.code === 'sales-plan-review')!.label,
      quarters: [
        { year: 2026, number: 2 },
        { year: 2026, number: 3 },
      ],
    },
  ],
  pending: [
    {
      partnerName: 'Alpes VoIP',
      training: 'trn-online-sales',
      trainingLabel: catalog.obligations.find((o) => o.code === 'trn-online-sales')!.label,
      contact: { slackUserId: 'U0ALPESAL1', name: 'Léa Martin' },
      completedOn: '2026-11-24',
    },
  ],
};

function changed(
  c: Partial<ChangedPartner> & Pick<ChangedPartner, 'partnerId' | 'name' | 'previousTier' | 'tier'>,
) {
  return {
    type: 'ambassador' as const,
    operatorProgram: null,
    slackChannelId: `C0${c.partnerId.toUpperCase().slice(0, 6)}`,
    managerSlackUserId: 'U0MANAGER1',
    averageCents: 1_250_050,
    ...c,
  };
}

function announcementInput(locale: Locale, hold: boolean, evaluationOn: string): EvaluationAnnouncementInput {
  return {
    semester: semesterEvaluatedOn(catalog, evaluationOn),
    changes: [
      changed({ partnerId: 'alpes-voip', name: 'Alpes VoIP', previousTier: 'access', tier: 'premium' }),
      changed({
        partnerId: 'hexa-phone',
        name: 'Hexa Phone',
        previousTier: 'starter',
        tier: 'access',
        averageCents: 60_000,
      }),
      changed({
        partnerId: 'acme',
        name: 'Acme Télécom',
        type: 'operator',
        operatorProgram: 'eshop',
        previousTier: 'starter',
        tier: 'business',
        averageCents: 2_500_000,
      }),
      changed({
        partnerId: 'delta-reseau',
        name: 'Delta Réseau',
        previousTier: 'business',
        tier: 'starter',
        averageCents: 40_000,
      }),
      changed({
        partnerId: 'euro-trunk',
        name: 'Euro Trunk',
        type: 'operator',
        operatorProgram: 'standard',
        previousTier: 'access',
        tier: 'starter',
        averageCents: 90_000,
      }),
    ],
    unchanged: 1,
    locale,
    announceChannel: 'C0TEAM',
    ...(hold ? { hold: 'hold:2026-H2' } : {}),
  };
}

/** Every view and message kind, rendered with sample data in one locale. */
function everyMessage(locale: Locale): [string, Message][] {
  const ctx = ctxOf(locale);
  const m = commandMessages[locale];
  const out: [string, Message][] = [];
  const add = (name: string, v: Message) => out.push([name, v]);

  // /partner replies.
  const helpEntries = [...Object.values(m.help.commands), ...Object.values(writeMessages[locale].help)];
  for (const audience of ['staff', 'contact', 'stranger'] as const)
    add(`help ${audience}`, helpView(ctx, { entries: helpEntries, audience }));
  add('help unknown', helpView(ctx, { entries: helpEntries, audience: 'staff', unknown: 'frobnicate' }));
  for (const r of [
    acme,
    alpes,
    cloudcall,
    delta,
    hexa,
    withOverride(alpes, locale),
    withOverride(cloudcall, locale),
  ]) {
    const status = statusOf(r);
    const id = r.partner.id;
    add(`tier ${id}`, tierView(ctx, status));
    add(`benefits ${id}`, benefitsView(ctx, status));
    add(`obligations ${id}`, obligationsView(ctx, status));
    add(`status ${id} staff`, statusView(ctx, status, { staff: true }));
    add(`status ${id} contact`, statusView(ctx, status, { staff: false }));
    add(`zen ${id}`, zenView(ctx, status));
    add(`history ${id}`, historyView(ctx, r));
    add(`shared ${id}`, sharedCardView(ctx, statusView(ctx, status, { staff: true }), 'U0MANAGER1'));
  }
  add('obligations crowded', obligationsView(ctx, statusOf(crowdedRecord(1200, 120))));
  add('history empty', historyView(ctx, { ...hexa, history: [] }));
  add('program', programView(ctx));
  const rows = [acme, alpes, cloudcall, delta, hexa].map((r, i) => ({
    partner: r.partner,
    averageSoFarCents: i === 4 ? null : 123_456 * (i + 1),
    overdue: i,
    ...(i === 1 ? { demotionTo: 'starter' } : {}),
  }));
  for (const filter of [
    undefined,
    { kind: 'overdue' as const },
    { kind: 'at-risk' as const },
    { kind: 'tier' as const, tier: 'business' },
  ]) {
    for (const scope of ['mine', 'all'] as const) {
      add(
        `list ${scope} ${filter?.kind}`,
        listView(ctx, { scope, filter, filterText: filter?.kind, rows, page: 2, pages: 3, total: 45 }),
      );
      add(
        `list ${scope} ${filter?.kind} one`,
        listView(ctx, {
          scope,
          filter,
          filterText: undefined,
          rows: rows.slice(0, 1),
          page: 1,
          pages: 1,
          total: 1,
        }),
      );
      add(
        `list ${scope} ${filter?.kind} empty`,
        listView(ctx, { scope, filter, filterText: undefined, rows: [], page: 1, pages: 1, total: 0 }),
      );
    }
  }
  const candidates = [
    { id: 'acme', name: 'Acme Télécom', tier: 'business' },
    { id: 'alpes-voip', name: 'Alpes VoIP', tier: 'access' },
  ];
  add('choose', chooseView(ctx, 'a', 'tier', candidates));
  add('no match', noMatchView(ctx, 'acmr', 'tier', candidates.slice(0, 1)));
  add('no match, no suggestion', noMatchView(ctx, 'zzz', 'tier', []));
  add('unspecified', unspecifiedView(ctx, '/partner tier [partenaire]'));
  add('gone', messageView(m.lookup.gone));
  add('unknown filter', messageView(m.list.unknownFilter('`gold`')));
  add('refusal stranger', strangerRefusalView(ctx));
  add('refusal other partner', otherPartnerRefusalView(ctx));
  add('refusal staff only', staffOnlyRefusalView(ctx, 'list'));
  add('unavailable', unavailableView(locale));

  // Writes: replies, refusals, modals, declarations.
  for (const issue of allIssues()) {
    add(`issue ${issue.code}`, writeRefusedView(ctx, [issue], [ctx.w.usage.revenue, ctx.w.usage.quotes]));
    add(`issue ${issue.code} (modal)`, plainIssueText(ctx, issue));
  }
  add('issues', writeRefusedView(ctx, allIssues().slice(0, 4)));
  add('issue text', issueText(ctx, { code: 'tier-unchanged', tier: 'premium' }));
  for (const r of [acme, alpes]) {
    const status = statusOf(r);
    const semester = status.progress.semester;
    const progress = status.progress;
    const base = {
      partner: r.partner,
      month: `${TODAY.slice(0, 7)}-01`,
      category: 'recurring' as const,
      previousCents: 120_000,
      amountCents: 1_234_567,
      changed: true,
      countsTowardTier: true,
      semester,
      inCurrentSemester: true,
      before: progress,
      after: { ...progress, averageSoFarCents: 250_000 },
    };
    const id = r.partner.id;
    add(`revenue ${id}`, revenueRecordedView(ctx, base));
    add(`revenue new ${id}`, revenueRecordedView(ctx, { ...base, previousCents: null }));
    add(`revenue unchanged ${id}`, revenueRecordedView(ctx, { ...base, changed: false, after: progress }));
    add(
      `revenue not counted ${id}`,
      revenueRecordedView(ctx, { ...base, category: 'minutes', countsTowardTier: false }),
    );
    add(
      `revenue outside ${id}`,
      revenueRecordedView(ctx, { ...base, month: '2026-01-01', inCurrentSemester: false }),
    );
    add(
      `revenue first ${id}`,
      revenueRecordedView(ctx, { ...base, before: { ...progress, averageSoFarCents: null } }),
    );
    add(`revenue modal ${id}`, revenueModal(ctx, { partner: r.partner, origin: 'command' }));
    add(`done modal ${id}`, doneModal(ctx, { partner: r.partner, contacts: r.contacts, origin: 'command' }));
    add(
      `done modal ${id} no contact`,
      doneModal(ctx, { partner: r.partner, contacts: [], origin: 'command' }),
    );
    add(`override modal ${id}`, overrideModal(ctx, { partner: r.partner, origin: 'command' }));
    const c = r.contacts[0]!;
    const training = catalog.obligations.find((o) => o.code === 'trn-online-admin')!;
    const recorded = {
      partner: r.partner,
      contact: c,
      training,
      completedOn: '2026-11-01',
      status: 'confirmed' as const,
      previous: null,
      changed: true,
      completionId: 1,
    };
    add(`training staff ${id}`, trainingRecordedView(ctx, recorded, 'staff'));
    add(
      `training staff confirms ${id}`,
      trainingRecordedView(
        ctx,
        { ...recorded, previous: { status: 'pending', completedOn: '2026-11-01' } },
        'staff',
      ),
    );
    add(`training staff already ${id}`, trainingRecordedView(ctx, { ...recorded, changed: false }, 'staff'));
    add(`training contact ${id}`, trainingRecordedView(ctx, { ...recorded, status: 'pending' }, 'contact'));
    add(
      `training contact again ${id}`,
      trainingRecordedView(ctx, { ...recorded, status: 'pending', changed: false }, 'contact'),
    );
    add(`training contact confirmed ${id}`, trainingRecordedView(ctx, recorded, 'contact'));
    const entries = checklistEntries(catalog);
    for (const entry of [
      entries.find((e) => e.code === 'doc-qualification-form')!,
      entries.find((e) => e.code === 'zen-charter')!,
    ]) {
      add(
        `done ${id} ${entry.code}`,
        checklistMarkedView(ctx, { partner: r.partner, entry, completedOn: '2026-11-01' }),
      );
      add(
        `done already ${id} ${entry.code}`,
        checklistMarkedView(ctx, {
          partner: r.partner,
          entry,
          completedOn: '2026-11-01',
          alreadyDoneOn: '2026-10-01',
        }),
      );
    }
    add(
      `override ${id}`,
      tierOverriddenView(ctx, {
        partner: r.partner,
        previousTier: 'access',
        tier: tierByCode(catalog, 'premium'),
        reason: locale === 'fr' ? 'Contrat cadre signé' : 'Signed the framework contract',
        effectiveOn: TODAY,
        nextEvaluationOn: '2027-01-01',
      }),
    );
    for (const decision of ['confirm', 'reject'] as const)
      add(
        `decided ${decision} ${id}`,
        declarationDecidedText(ctx, {
          decision,
          partner: r.partner,
          contact: c,
          training: 'trn-online-admin',
          completedOn: '2026-11-01',
        }),
      );
  }
  add('revenue modal, no partner', revenueModal(ctx, { origin: 'home' }));
  add('done modal, no partner', doneModal(ctx, { origin: 'home' }));
  add('override modal, no partner', overrideModal(ctx, { origin: 'home' }));
  for (const kind of ['ambiguous', 'none'] as const) {
    add(
      `write choice ${kind}`,
      writePartnerChoiceView(ctx, { query: 'a', candidates, kind, openForm: ACTION_IDS.recordRevenue }),
    );
    add(
      `write choice ${kind} empty`,
      writePartnerChoiceView(ctx, { query: 'zz', candidates: [], kind, openForm: ACTION_IDS.recordRevenue }),
    );
  }
  add('declarations', declarationsView(ctx, { items: pending, total: 25 }));
  add('declarations one', declarationsView(ctx, { items: pending.slice(0, 1), total: 1 }));
  add('declarations none', declarationsView(ctx, { items: [], total: 0 }));
  add(
    'declarations notice',
    declarationsView(
      ctx,
      { items: pending, total: 2 },
      ctx.w.confirm.confirmed('*Formation*', '<@U1>', '*Acme*'),
    ),
  );

  // App Home.
  const summary: PortfolioSummary = {
    scope: 'mine',
    total: 5,
    byTier: catalog.tiers.map((t, i) => ({ tier: t.code, count: i })),
    overdue: {
      items: [
        { partner: acme.partner, overdue: 12 },
        { partner: alpes.partner, overdue: 1 },
      ],
      total: 2,
    },
    atRisk: { items: [{ partner: acme.partner, toTier: 'access', missingToKeepCents: 59_600 }], total: 1 },
    pending: { items: pending, total: 14 },
  };
  add('home staff', homeView(ctx, { kind: 'staff', summary }));
  add(
    'home staff, one of each',
    homeView(ctx, {
      kind: 'staff',
      summary: {
        ...summary,
        total: 1,
        overdue: { items: summary.overdue.items.slice(0, 1), total: 1 },
        pending: { items: pending.slice(0, 1), total: 1 },
      },
    }),
  );
  add(
    'home staff, all, nothing',
    homeView(ctx, {
      kind: 'staff',
      summary: {
        scope: 'all',
        total: 0,
        byTier: [],
        overdue: { items: [], total: 0 },
        atRisk: { items: [], total: 0 },
        pending: { items: [], total: 0 },
      },
    }),
  );
  add(
    'home contact',
    homeView(
      ctx,
      { kind: 'contact', status: statusOf(acme), contactId: acme.contacts[0]!.id },
      { notice: ctx.w.confirm.rejected('*Formation*', '<@U1>', '*Acme*') },
    ),
  );
  add(
    'home contact ambassador',
    homeView(ctx, { kind: 'contact', status: statusOf(alpes), contactId: alpes.contacts[0]!.id }),
  );
  add('home stranger', homeView(ctx, { kind: 'stranger' }));
  add('home unavailable', homeView(ctx, { kind: 'unavailable' }));

  // Evaluation announcements (1 January evaluates July–December, 1 July January–June).
  for (const evaluationOn of ['2026-07-01', '2027-01-01']) {
    for (const hold of [false, true]) {
      const input = announcementInput(locale, hold, evaluationOn);
      const held = partnerAnnouncements(catalog, input);
      for (const message of held) add(`${message.kind} ${message.dedupeKey}`, message as Message);
      add(`summary ${evaluationOn} ${hold}`, summaryAnnouncement(catalog, input, held.length) as Message);
      add(
        `summary one ${evaluationOn} ${hold}`,
        summaryAnnouncement(
          catalog,
          { ...input, changes: input.changes.slice(0, 1), unchanged: 0 },
          1,
        ) as Message,
      );
      add(
        `summary none ${evaluationOn} ${hold}`,
        summaryAnnouncement(catalog, { ...input, changes: [], unchanged: 1 }, 0) as Message,
      );
    }
  }
  const preview = summaryAnnouncement(catalog, announcementInput(locale, true, '2027-01-01'), 7)!;
  for (const released of [1, 7])
    add(
      `approved ${released}`,
      approvedPreview(preview.blocks as KnownBlock[], 'U0ADMIN01', released, locale),
    );
  add('approval already', approvalRefusal({ status: 'already-approved', by: 'U0ADMIN01' }, locale));
  add('approval forbidden', approvalRefusal({ status: 'forbidden' }, locale));
  add('approval unknown', approvalRefusal({ status: 'unknown' }, locale));
  for (const outcome of [
    { status: 'overridden' as const, partnerName: 'Acme Télécom', tier: 'premium', replaced: 1 },
    { status: 'same' as const, partnerName: 'Acme Télécom', tier: 'premium' },
    { status: 'forbidden' as const },
    { status: 'unknown' as const },
    { status: 'not-evaluated' as const },
    { status: 'invalid-tier' as const },
  ]) {
    const reply = overrideReply(outcome, catalog, 'premium', locale);
    add(`override reply ${outcome.status}`, 'text' in reply ? reply.text : reply.fieldError);
  }
  add(
    'evaluation override modal',
    evaluationOverrideModal(catalog, locale, '2026-H2', 'C0TEAM', [
      { partnerId: 'acme', name: 'Acme Télécom', previousTier: 'business', tier: 'access' },
      { partnerId: 'new', name: 'Nouveau', previousTier: null, tier: 'starter' },
    ]),
  );

  // Reminders and their buttons.
  const lines = reminderLines();
  add('reminder contact', reminderView(catalog, locale, TODAY, lines.slice(0, 1), { escalation: false }));
  add(
    'reminder channel',
    reminderView(catalog, locale, TODAY, lines, { escalation: false, partnerName: 'Alpes VoIP' }),
  );
  add(
    'reminder escalation one',
    reminderView(catalog, locale, TODAY, lines.slice(3, 4), { escalation: true }),
  );
  add('reminder escalation', reminderView(catalog, locale, TODAY, lines, { escalation: true }));
  const many = Array.from({ length: 30 }, (_, i) => lines[i % lines.length]!);
  add('reminder many', reminderView(catalog, locale, TODAY, many, { escalation: false }));
  const training = catalog.obligations.find((o) => o.code === 'trn-online-admin')!;
  for (const status of ['confirmed', 'pending', 'already-done'] as const)
    add(`reminder done ${status}`, reminderDoneReply({ status, training }, locale));
  for (const status of ['forbidden', 'gone', 'no-contact'] as const)
    add(`reminder done ${status}`, reminderDoneReply({ status }, locale));
  add('snoozed', reminderSnoozeReply({ status: 'snoozed', training, until: '2026-12-01' }, locale));
  for (const status of ['forbidden', 'gone', 'invalid-days'] as const)
    add(`snooze ${status}`, reminderSnoozeReply({ status }, locale));

  // The Monday digest.
  add('digest', digestView(catalog, locale, digest));
  add(
    'digest one',
    digestView(catalog, locale, {
      ...digest,
      demotions: digest.demotions.slice(0, 1),
      promotions: [],
      overdue: [],
      pending: [],
    }),
  );

  // Outbox notifications of the write side.
  const n = writeNotifications[locale];
  add(
    'notification declared',
    n.declared({
      contact: 'U0ALPESAL1',
      contactName: 'Léa Martin',
      partner: 'Alpes VoIP',
      training: training.label[locale],
      date: '2026-11-01',
    }),
  );
  for (const decision of ['confirm', 'reject'] as const)
    add(
      `notification ${decision}`,
      n.decided(decision, { by: 'U0MANAGER1', training: training.label[locale], date: '2026-12-01' }),
    );

  // The console renders the replies as text (code spans lose their marks: see consoleCode).
  for (const [name, v] of [...out]) {
    if (typeof v === 'string') continue;
    const reply = v as { text?: unknown; blocks?: unknown };
    if (!Array.isArray(reply.blocks)) continue;
    add(
      `console ${name}`,
      renderReply({
        text: typeof reply.text === 'string' ? reply.text : '',
        blocks: reply.blocks as KnownBlock[],
      }),
    );
  }
  return out;
}

// A mechanical walk over every message table: strings, plural forms and functions called with samples.
type Table = Record<string, unknown>;
const TABLES: [string, (l: Locale) => Table][] = [
  ['commands', (l) => commandMessages[l]],
  ['writes', (l) => writeMessages[l]],
  ['announcements', (l) => announcementMessages[l]],
  ['reminders', (l) => reminderMessages[l]],
  ['digest', (l) => digestMessages[l]],
  ['home', (l) => homeMessages[l]],
  ['reminder-mail', (l) => reminderMailMessages[l]],
  ['announcement-mail', (l) => announcementMailMessages[l]],
  ['declaration page', (l) => declarationPageMessages[l]],
  ['objectives', (l) => objectivesMessages[l]],
  ['benefit uses', (l) => benefitUsesMessages[l]],
  ['operator fees', (l) => operatorFeesMessages[l]],
  ['zen directory', (l) => zenDirectoryMessages[l]],
  ['depth forms', (l) => depthModalsMessages[l]],
  ['import-export', (l) => importExportMessages[l]],
  ['assistant', (l) => assistantMessages[l]],
  ['job runs', (l) => jobRunMessages[l]],
];

/** Arguments as views pass them: formatted, escaped text; counts as numbers where a message counts. */
const sampleText = (locale: Locale) => [
  '*Acme Télécom*',
  'Business Partner',
  '<@U0MANAGER1>',
  formatMoney(140_400, locale),
  formatDate('2026-11-26', locale),
  'S2 2026',
  'Access Partner',
];

/** Messages whose arguments are names only, never a count: called with sample text alone. */
const NAMES_ONLY = new Set(['assistant.choice.ofTier']);

function walk(value: unknown, path: string, locale: Locale, out: [string, string][]) {
  // A usage line is command syntax, always shown as code.
  if (typeof value === 'string') out.push([path, path.endsWith('.usage') ? `\`${value}\`` : value]);
  else if (typeof value === 'function') {
    const fn = value as (...args: unknown[]) => unknown;
    const arity = Math.max(fn.length, 1);
    const calls: unknown[][] = [
      Array.from({ length: arity }, (_, i) => sampleText(locale)[i % sampleText(locale).length]),
      ...(NAMES_ONLY.has(path) ? [] : [0, 1, 2, 3].map((n) => Array.from({ length: arity }, () => n))),
    ];
    for (const args of calls) {
      let result: unknown;
      try {
        result = fn(...args);
      } catch {
        continue;
      }
      if (typeof result === 'string') out.push([`${path}(${args.join(', ')})`, result]);
    }
  } else if (typeof value === 'object' && value !== null) {
    const o = value as Record<string, unknown>;
    if (typeof o.one === 'string' && typeof o.other === 'string') {
      for (const n of [0, 1, 2, 1000])
        out.push([`${path}[${n}]`, plural(n, o as unknown as PluralForms, locale)]);
      return;
    }
    for (const [k, v] of Object.entries(o)) if (k !== 'locale') walk(v, `${path}.${k}`, locale, out);
  }
}

function messageTexts(locale: Locale): [string, string][] {
  const out: [string, string][] = [];
  for (const [name, table] of TABLES) walk(table(locale), name, locale, out);
  return out;
}

/** The code spans of a message, as the console shows them (no marks, entities decoded), longest first. */
function codeIn(message: Message): string[] {
  const spans = textsOfAny(message).flatMap((t) => [...t.text.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!));
  return [
    ...new Set(spans.map((c) => c.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'))),
  ].sort((a, b) => b.length - a.length);
}

/** Sample values typed by users or imported: not the bot's text. */
const IGNORE = ['Signed the framework contract', 'Contrat cadre signé', '/partner tier [partenaire]'];

function issuesOf(locale: Locale) {
  const found: string[] = [];
  const check = (name: string, text: string, code: string[] = []) => {
    const ignore = [...IGNORE, ...code];
    const issues =
      locale === 'fr'
        ? frenchTypographyIssues(text, { verbatim: deckLabels, ignore })
        : englishTypographyIssues(text, { ignore });
    for (const issue of issues) found.push(`${name}: ${issue}`);
  };
  const messages = everyMessage(locale);
  const byName = new Map(messages);
  for (const [name, message] of messages) {
    // The console shows code as plain text: what was code in the reply is not prose there either.
    const source = name.startsWith('console ') ? byName.get(name.slice('console '.length)) : undefined;
    const code = source ? codeIn(source) : [];
    for (const t of textsOfAny(message)) check(`${name} ${t.where}`, t.text, code);
  }
  for (const [path, text] of messageTexts(locale)) check(path, text);
  return [...new Set(found)];
}

describe('French as the deck writes it, in every message', () => {
  it('renders every view and message kind in French with no typography or vocabulary issue', () => {
    const issues = issuesOf('fr');
    expect(issues, `${issues.length} issues:\n${issues.slice(0, 200).join('\n')}`).toEqual([]);
  });

  it('names an ambassador’s revenue RRM, never CA', () => {
    for (const r of [alpes, delta, hexa]) {
      const status = statusOf(r);
      const texts = [
        statusView(fr, status, { staff: true }),
        tierView(fr, status),
        revenueModal(fr, { partner: r.partner, origin: 'command' }),
        homeView(fr, { kind: 'contact', status, contactId: status.record.contacts[0]!.id }),
      ].flatMap((v) => textsOfAny(v).map((t) => t.text));
      for (const text of texts) expect(text, text).not.toMatch(/\bCA\b|chiffre d.affaires/);
      expect(texts.join('\n')).toMatch(/\bRRM\b/);
    }
  });

  it('names an override one way: « Dérogation »', () => {
    const texts = [
      ...everyMessage('fr').flatMap(([, v]) => textsOfAny(v).map((t) => t.text)),
      ...messageTexts('fr').map(([, t]) => t),
    ].join('\n');
    expect(texts).toContain('Dérogation');
    expect(texts).not.toMatch(/Forcer le statut|Modifier un grade|Statut fixé|forcer le statut/);
  });
});

describe('English gets the same care', () => {
  it('uses one apostrophe, ’, across all its messages', () => {
    const texts = [
      ...everyMessage('en').flatMap(([name, v]) => textsOfAny(v).map((t) => [name, t.text] as const)),
      ...messageTexts('en'),
    ];
    const straight = texts.filter(([, text]) => /'/.test(proseOf(text, IGNORE))).map(([name]) => name);
    expect([...new Set(straight)]).toEqual([]);
  });

  it('renders every view and message kind in English with real plurals and one quote style', () => {
    const issues = issuesOf('en');
    expect(issues, `${issues.length} issues:\n${issues.slice(0, 200).join('\n')}`).toEqual([]);
  });
});

describe('French elides « de » and « que » before a name starting with a vowel', () => {
  const name = 'Acme Télécom';
  it('in every message that names a partner after « de » (its mrkdwn marks looked through)', () => {
    const a = assistantMessages.fr;
    expect(a.choice.status('Alpes VoIP')).toBe('Point sur Alpes VoIP');
    expect(a.choice.tier('Alpes VoIP')).toBe('Statut d’Alpes VoIP');
    expect(a.choice.benefits('Alpes VoIP')).toBe('Avantages d’Alpes VoIP');
    expect(a.choice.obligations('Alpes VoIP')).toBe('Devoirs d’Alpes VoIP');
    expect(a.choice.history('Alpes VoIP')).toBe('Historique d’Alpes VoIP');
    expect(a.choice.manager('Alpes VoIP')).toBe('Responsable d’Alpes VoIP');
    expect(a.choice.manager('Hexa Phone')).toBe('Responsable de Hexa Phone');
    expect(a.manager(name, '<@U0MANAGER1>')).toBe(
      'Responsable partenaire d’*Acme Télécom*\u202f: <@U0MANAGER1>.',
    );
    expect(benefitUsesMessages.fr.issues.benefitNotHeld('Promo BizBooster', 'Alpes VoIP')).toBe(
      'Le statut d’Alpes VoIP ne donne pas «\u202fPromo BizBooster\u202f».',
    );
    const o = objectivesMessages.fr;
    expect(o.objectiveSet(name, 'T4\u202f2026', '5\u202f000\u00a0€', 'CA')).toBe(
      ':dart: Objectif d’*Acme Télécom*, T4\u202f2026\u202f: *5\u202f000\u00a0€* par mois de CA.',
    );
    expect(o.forecastGiven(name, 'T4\u202f2026', '5\u202f000\u00a0€', 'CA')).toBe(
      ':crystal_ball: Prévision d’*Acme Télécom*, T4\u202f2026\u202f: *5\u202f000\u00a0€* par mois de CA.',
    );
    expect(o.objectiveSet('Delta Réseau', 'T4\u202f2026', '5\u00a0€', 'RRM')).toMatch(
      /^:dart: Objectif de \*Delta/,
    );
    expect(operatorFeesMessages.fr.recorded(name)).toBe(
      ':white_check_mark: Frais opérateur d’*Acme Télécom* enregistrés.',
    );
    expect(reminderMailMessages.fr.renewal.intro(name)).toBe(
      'Une certification du référencement Experts Zen d’Acme Télécom arrive bientôt à échéance\u202f:',
    );
    expect(zenDirectoryMessages.fr.suspended(name, 'x')).toMatch(
      /^:pause_button: Le référencement Experts Zen d’\*Acme Télécom\* est suspendu/,
    );
    expect(consoleMessages.fr.askingAs('Alice Martin (U0ADMIN01)')).toBe(
      'Vous demandez maintenant en tant qu’Alice Martin (U0ADMIN01).',
    );
  });
});

describe('French agrees a benefit used or expired with its label', () => {
  const bm = benefitUsesMessages.fr;
  const promo = 'Promo BizBooster disponible 3 mois – réduction de 150€ sur une commande';
  it('feminine for « Promo BizBooster » and « Formation gratuite », masculine for « Point technique »', () => {
    expect(bm.bizBoosterUsed(promo, '2 mars 2026', 'CMD-1')).toBe(
      `${promo}\u202f: utilisée le 2 mars 2026 (CMD-1)`,
    );
    expect(bm.bizBoosterExpired(promo, '2 mars 2026')).toBe(
      `${promo}\u202f: expirée le 2 mars 2026, non utilisée`,
    );
    expect(bm.issues.benefitUsed(promo, '2 mars 2026', 'CMD-1')).toBe(
      `«\u202f${promo}\u202f» a déjà été utilisée le 2 mars 2026 (CMD-1).`,
    );
    expect(bm.used('Formation gratuite pour 1 personne par an', 'Acme', '2 mars 2026', 'Vente')).toBe(
      ':white_check_mark: «\u202fFormation gratuite pour 1 personne par an\u202f» utilisée par *Acme* le 2 mars 2026\u202f: Vente.',
    );
    expect(bm.used('Point technique mensuel', 'Acme', '2 mars 2026', 'ok')).toBe(
      ':white_check_mark: «\u202fPoint technique mensuel\u202f» utilisé par *Acme* le 2 mars 2026\u202f: ok.',
    );
  });
});

describe('French names what a command lacks with its article, as the write anchors do', () => {
  it('« Je ne trouve pas l’avantage / le mot / le trimestre / la date de départ… »', () => {
    const w = writeMessages.fr.lookup;
    const anchors = [
      w.anchorMonth,
      w.anchorTier,
      w.anchorItem,
      w.anchorTraining,
      benefitUsesMessages.fr.anchorBenefit,
      operatorFeesMessages.fr.anchor,
      objectivesMessages.fr.anchorQuarter,
      membershipMessages.fr.anchorDate,
      zenDirectoryMessages.fr.anchor,
    ];
    for (const anchor of anchors) expect(w.anchorMissing(anchor)).toMatch(/^Je ne trouve pas (le |la |l’)/);
    expect(w.anchorMissing(membershipMessages.fr.anchorDate)).toBe(
      'Je ne trouve pas la date de départ (AAAA-MM-JJ) dans votre commande.',
    );
    expect(w.anchorMissing(operatorFeesMessages.fr.anchor)).toBe(
      'Je ne trouve pas le mot `paid` ou `rate` dans votre commande.',
    );
  });
});

describe('An import counts the file’s rows, with real plurals', () => {
  it('« ajouterait 1 ligne… laisserait 2 lignes inchangées », « 1 ligne ajoutée, 0 modifiée… »', () => {
    const m = importExportMessages.fr;
    expect(m.preview.counts(3, 0, 1)).toBe(
      'Ce fichier ajouterait *3 lignes*, en modifierait *0* et en laisserait *1* inchangée.',
    );
    expect(m.preview.counts(1, 2, 1000)).toBe(
      'Ce fichier ajouterait *1 ligne*, en modifierait *2* et en laisserait *1\u202f000* inchangées.',
    );
    expect(m.done.counts('Partenaires', '`p.csv`', 1, 0, 2)).toBe(
      '*Partenaires* depuis `p.csv`\u202f: 1 ligne ajoutée, 0 modifiée, 2 inchangées.',
    );
    expect(importExportMessages.en.done.counts('Partners', '`p.csv`', 2, 0, 1)).toBe(
      '*Partners* from `p.csv`: 2 added, 0 changed, 1 unchanged.',
    );
  });
});

describe('The digest agrees a training declared with its label', () => {
  it('« Webinar … déclaré suivi », « Formation … déclarée suivie »', () => {
    const d = digestMessages.fr;
    expect(d.pendingLine('Acme', 'Webinar obligatoire Opérateurs (1/3)', '<@U1>', '2 mars 2026')).toBe(
      '*Acme*\u202f: Webinar obligatoire Opérateurs (1/3), déclaré suivi par <@U1> le 2 mars 2026',
    );
    expect(d.pendingLine('Acme', 'Formation en ligne Vente', '<@U1>', '2 mars 2026')).toBe(
      '*Acme*\u202f: Formation en ligne Vente, déclarée suivie par <@U1> le 2 mars 2026',
    );
  });
});

describe('The console speaks French in French, its job runs included', () => {
  it('welcomes « le responsable partenaire », never « partner manager »', () => {
    expect(consoleMessages.fr.welcome(true)).toContain(
      'Vous êtes le responsable partenaire de démonstration.',
    );
    expect(consoleMessages.fr.welcome(false)).not.toMatch(/partner manager/i);
  });

  it('says what `remind` and `evaluate` did with French dates and semesters', () => {
    const j = jobRunMessages.fr;
    expect(j.remind.queued('2026-12-03', 2, 5)).toBe(
      'Rappels du 3 déc. 2026\u202f: 2 messages mis en file d’attente pour 5 éléments (l’application en marche les remet).',
    );
    expect(j.evaluate.header(false, '2026-H2', '2026-07-01', '2026-12-01', '2027-01-01', '3')).toBe(
      'Évaluation du S2 2026 (juillet à décembre 2026), effective le 1er janv. 2027, catalogue 3',
    );
    expect(j.evaluate.totals(0, 4, 8)).toBe('0 promu, 4 rétrogradés, 8 inchangés');
    expect(jobRunMessages.en.evaluate.totals(0, 4, 8)).toBe('0 promoted, 4 demoted, 8 unchanged');
  });
});

const emptySummary: PortfolioSummary = {
  scope: 'all',
  total: 0,
  byTier: [],
  overdue: { items: [], total: 0 },
  atRisk: { items: [], total: 0 },
  pending: { items: [], total: 0 },
};

describe('French names a partner’s revenue by its basis when recording it', () => {
  it('« CA enregistré » for an operator, « RRM enregistré » for an ambassador, neutral without a partner', () => {
    const texts = (v: Message) =>
      textsOfAny(v)
        .map((t) => t.text)
        .join('\n');
    const base = (r: PartnerRecord) => {
      const progress = statusOf(r).progress;
      return {
        partner: r.partner,
        month: '2026-11-01',
        category: 'recurring' as const,
        previousCents: null,
        amountCents: 120_000,
        changed: true,
        countsTowardTier: true,
        semester: progress.semester,
        inCurrentSemester: true,
        before: progress,
        after: progress,
      };
    };
    expect(texts(revenueRecordedView(fr, base(acme)))).toMatch(
      /^:white_check_mark: CA enregistré pour \*Acme/,
    );
    expect(texts(revenueRecordedView(fr, { ...base(alpes), previousCents: 100 }))).toMatch(
      /^:white_check_mark: RRM enregistré pour \*Alpes VoIP\*/,
    );
    expect(texts(revenueRecordedView(en, base(acme)))).toMatch(
      /^:white_check_mark: Revenue recorded for \*Acme/,
    );
    expect(texts(revenueModal(fr, { origin: 'home' }))).toContain('Saisir le RRM ou le CA');
    expect(texts(homeView(fr, { kind: 'staff', summary: emptySummary }))).toContain('Saisir le RRM ou le CA');
    expect(texts(homeView(fr, { kind: 'staff', summary: emptySummary }))).not.toMatch(/revenu/i);
  });
});
