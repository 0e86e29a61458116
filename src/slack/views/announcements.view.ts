import { type AnnouncementMessages, announcementMessages } from '../../i18n/announcements.js';
import { formatDate, formatMoney, formatMonthRange, formatSemester, label } from '../../i18n/format.js';
import type { OutboxMessage } from '../../outbox/enqueue.js';
import { benefitsAddedBy } from '../../program/benefits.js';
import type { Catalog, Locale } from '../../program/catalog.schema.js';
import { dueDate, obligationsAddedBy } from '../../program/obligations.js';
import { type Semester, semesterContaining } from '../../program/semesters.js';
import { thresholdCents, tierByCode, tierIndex } from '../../program/tiers.js';
import type {
  AnnouncementViews,
  ChangedPartner,
  EvaluationAnnouncementInput,
} from '../../services/evaluation-approval.service.js';
import { evaluationKeys } from '../../services/evaluation-keys.js';
import { ACTION_IDS, encodeValue } from '../ids.js';
import { actions, button, header, type KnownBlock, lineSections, section, view } from './blocks.js';
import { escapeMrkdwn } from './escape.js';

function helpers(catalog: Catalog, locale: Locale) {
  return {
    m: announcementMessages[locale] as AnnouncementMessages,
    tier: (code: string) => escapeMrkdwn(label(tierByCode(catalog, code).label, locale)),
    euros: (cents: number) => formatMoney(cents, locale, { wholeEuros: 'auto' }),
    date: (date: string) => formatDate(date, locale),
    /** "S1 2026 (de janvier à juin 2026)". */
    window: (s: Semester) =>
      announcementMessages[locale].semester(
        formatSemester(s.code, locale),
        ...formatMonthRange(s.firstMonth, s.lastMonth, locale),
      ),
    semester: (code: string) => formatSemester(code, locale),
  };
}

const isPromotion = (catalog: Catalog, c: ChangedPartner) =>
  tierIndex(catalog, c.tier) > tierIndex(catalog, c.previousTier);

/** What a promoted partner is told: its new benefits and obligations, with their due dates. */
function promotionView(catalog: Catalog, input: EvaluationAnnouncementInput, c: ChangedPartner) {
  const h = helpers(catalog, input.locale);
  const { evaluationOn } = input.semester;
  const name = escapeMrkdwn(c.name);
  const benefits = benefitsAddedBy(catalog, c.previousTier, c.tier).map(
    (b) => `• ${escapeMrkdwn(label(b.label, input.locale))}`,
  );
  const obligations = catalog.tiers
    .slice(tierIndex(catalog, c.previousTier) + 1, tierIndex(catalog, c.tier) + 1)
    .flatMap((t) => obligationsAddedBy(catalog, t.code, c.type, c.operatorProgram))
    .map((o) => {
      const due =
        o.due === 'quarterly'
          ? h.m.promotion.quarterly
          : h.m.promotion.due(h.date(dueDate(evaluationOn, o.due.daysAfterTierEntry, catalog.programStart)));
      return `• ${escapeMrkdwn(label(o.label, input.locale))} (${due})`;
    });
  const blocks: KnownBlock[] = [
    header(h.m.promotion.title(label(tierByCode(catalog, c.tier).label, input.locale))),
    section(
      h.m.promotion.body(
        `*${name}*`,
        h.tier(c.previousTier),
        h.tier(c.tier),
        h.date(evaluationOn),
        h.euros(c.averageCents),
        h.window(input.semester),
      ),
    ),
  ];
  if (benefits.length)
    blocks.push(
      ...lineSections([`*${h.m.promotion.benefits}*`, ...benefits], { maxBlocks: 4, more: () => '' }),
    );
  blocks.push(
    ...lineSections(
      [
        `*${h.m.promotion.obligations}*`,
        ...(obligations.length ? obligations : [h.m.promotion.noObligation]),
      ],
      {
        maxBlocks: 4,
        more: () => '',
      },
    ),
  );
  return view(
    h.m.promotion.text(escapeMrkdwn(c.name), label(tierByCode(catalog, c.tier).label, input.locale)),
    blocks,
  );
}

/** What a demoted partner is told, plainly, with the monthly average that restores its tier. */
function demotionView(catalog: Catalog, input: EvaluationAnnouncementInput, c: ChangedPartner) {
  const h = helpers(catalog, input.locale);
  const required = h.euros(thresholdCents(catalog, c.previousTier, c.type));
  const next = semesterContaining(catalog, input.semester.evaluationOn);
  return view(
    h.m.demotion.text(escapeMrkdwn(c.name), label(tierByCode(catalog, c.tier).label, input.locale)),
    [
      section(
        h.m.demotion.body(
          `*${escapeMrkdwn(c.name)}*`,
          h.tier(c.previousTier),
          h.tier(c.tier),
          h.date(input.semester.evaluationOn),
          h.euros(c.averageCents),
          h.window(input.semester),
          required,
        ),
      ),
      section(h.m.demotion.restore(required, h.tier(c.previousTier), h.window(next))),
    ],
  );
}

function managerView(catalog: Catalog, input: EvaluationAnnouncementInput, c: ChangedPartner) {
  const h = helpers(catalog, input.locale);
  return view(h.m.managerDemotion.text(escapeMrkdwn(c.name)), [
    section(
      h.m.managerDemotion.body(
        escapeMrkdwn(c.name),
        h.tier(c.previousTier),
        h.tier(c.tier),
        h.date(input.semester.evaluationOn),
        h.euros(c.averageCents),
        h.euros(thresholdCents(catalog, c.previousTier, c.type)),
      ),
    ),
  ]);
}

/** The messages to partners and managers, one per changed partner (and one per demotion to its manager). */
export function partnerAnnouncements(catalog: Catalog, input: EvaluationAnnouncementInput): OutboxMessage[] {
  const code = input.semester.code;
  const suffix = input.keySuffix ?? '';
  const hold = input.hold ? { hold: input.hold } : {};
  const messages: OutboxMessage[] = [];
  for (const c of input.changes) {
    const promoted = isPromotion(catalog, c);
    if (c.slackChannelId) {
      // The partner's channel speaks the partner's language when the import gave one.
      const inChannel = c.locale ? { ...input, locale: c.locale } : input;
      const v = promoted ? promotionView(catalog, inChannel, c) : demotionView(catalog, inChannel, c);
      messages.push({
        dedupeKey: evaluationKeys.partner(code, c.partnerId, suffix),
        kind: promoted ? 'evaluation.promotion' : 'evaluation.demotion',
        channel: c.slackChannelId,
        ...v,
        ...hold,
      });
    }
    if (!promoted && c.managerSlackUserId) {
      messages.push({
        dedupeKey: evaluationKeys.manager(code, c.partnerId, suffix),
        kind: 'evaluation.manager',
        channel: c.managerSlackUserId,
        ...managerView(catalog, input, c),
        ...hold,
      });
    }
  }
  return messages;
}

/** The team channel's summary, or with a hold the preview an admin approves. */
export function summaryAnnouncement(
  catalog: Catalog,
  input: EvaluationAnnouncementInput,
  heldMessages: number,
): OutboxMessage | undefined {
  if (!input.announceChannel) return undefined;
  const h = helpers(catalog, input.locale);
  const code = input.semester.code;
  const promotions = input.changes.filter((c) => isPromotion(catalog, c));
  const demotions = input.changes.filter((c) => !isPromotion(catalog, c));
  const line = (c: ChangedPartner) =>
    `• ${h.m.summary.line(`*${escapeMrkdwn(c.name)}*`, h.tier(c.previousTier), h.tier(c.tier), h.euros(c.averageCents))}`;
  const window = h.window(input.semester);
  const text = h.m.summary.text(
    window,
    h.date(input.semester.evaluationOn),
    promotions.length,
    demotions.length,
    input.unchanged,
  );
  const kept = [
    input.notEvaluated ? h.m.summary.notEvaluated(input.notEvaluated, catalog.evaluation.minimumMonths) : '',
    input.overrideStands ? h.m.summary.overrideStands(input.overrideStands) : '',
  ].filter(Boolean);
  const blocks: KnownBlock[] = [
    header(input.hold ? h.m.preview.title(h.semester(code)) : h.m.summary.title(h.semester(code))),
    section(escapeMrkdwn([text, ...kept].join(' '))),
  ];
  if (promotions.length)
    blocks.push(
      ...lineSections([`*${h.m.summary.promotions}*`, ...promotions.map(line)], {
        maxBlocks: 10,
        more: (n) => `… +${n}`,
      }),
    );
  if (demotions.length)
    blocks.push(
      ...lineSections([`*${h.m.summary.demotions}*`, ...demotions.map(line)], {
        maxBlocks: 10,
        more: (n) => `… +${n}`,
      }),
    );
  if (input.changes.length === 0) blocks.push(section(h.m.summary.none));
  if (input.hold) {
    blocks.push(section(h.m.preview.notice(heldMessages)));
    const value = encodeValue({ s: code });
    blocks.push(
      ...actions([
        button({
          text: h.m.preview.approve,
          actionId: ACTION_IDS.evaluationApprove,
          value,
          style: 'primary',
        }),
        button({ text: h.m.preview.override, actionId: ACTION_IDS.evaluationOverride, value }),
      ]),
    );
  }
  const v = view(text, blocks);
  return {
    dedupeKey: input.hold ? evaluationKeys.preview(code) : evaluationKeys.summary(code),
    kind: input.hold ? 'evaluation.preview' : 'evaluation.summary',
    channel: input.announceChannel,
    ...v,
  };
}

/** The evaluation's messages as the evaluation service takes them (it knows nothing of Block Kit). */
export const announcementViews: AnnouncementViews = { partnerAnnouncements, summaryAnnouncement };
