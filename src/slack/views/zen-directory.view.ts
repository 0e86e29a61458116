import type { ZenListingRow } from '../../db/repositories/zen-listings.repository.js';
import { zenDirectoryMessages } from '../../i18n/zen-directory.js';
import type { Locale } from '../../program/catalog.schema.js';
import { zenDomains } from '../../program/zen-directory.js';
import type { WriteIssue } from '../../services/write-issues.js';
import type { ExpertsFound } from '../../services/zen-directory.service.js';
import { header, lineSections, section, type View, view } from './blocks.js';
import { fmt, type ViewContext } from './context.js';
import { code, escapeMrkdwn } from './escape.js';
import { noticeView, type WriteViewContext } from './write-replies.view.js';

const zm = (ctx: { locale: Locale }) => zenDirectoryMessages[ctx.locale];

type ZenIssue = Extract<
  WriteIssue,
  {
    code:
      | 'zen-not-eligible'
      | 'zen-domains-missing'
      | 'zen-domain-unknown'
      | 'zen-departements-missing'
      | 'zen-departement-invalid'
      | 'zen-hours-invalid'
      | 'zen-not-listed';
  }
>;

export function zenIssueText(ctx: ViewContext, issue: ZenIssue): string {
  const i = zm(ctx).issues;
  const f = fmt(ctx);
  switch (issue.code) {
    case 'zen-not-eligible': {
      const labels = issue.unmet.map((c) => {
        const r = ctx.catalog.expertsZen.requirements.find((x) => x.code === c);
        return r ? f.text(r.label) : code(c);
      });
      return i.notEligible(
        `*${escapeMrkdwn(issue.partnerName)}*`,
        labels.join(' ; ').replace(/ ;/g, '\u202f;'),
      );
    }
    case 'zen-domains-missing':
      return i.domainsMissing;
    case 'zen-domain-unknown':
      return i.domainUnknown(code(issue.value));
    case 'zen-departements-missing':
      return i.departementsMissing;
    case 'zen-departement-invalid':
      return i.departementInvalid(code(issue.value));
    case 'zen-hours-invalid':
      return i.hoursInvalid(code(issue.value));
    case 'zen-not-listed':
      return i.notListed(`*${escapeMrkdwn(issue.partnerName)}*`);
  }
}

function listingLine(
  ctx: ViewContext,
  l: Pick<ZenListingRow, 'domains' | 'departements' | 'interventionHours'>,
) {
  const m = zm(ctx);
  return m.listing(
    l.domains.map(escapeMrkdwn).join(', '),
    l.departements.join(', '),
    m.hours(String(l.interventionHours)),
  );
}

export function zenListedView(
  ctx: WriteViewContext,
  r: { partner: { name: string }; listing: ZenListingRow | Omit<ZenListingRow, 'updatedAt'> },
): View {
  return noticeView(zm(ctx).listed(escapeMrkdwn(r.partner.name)), listingLine(ctx, r.listing));
}

export function zenUnlistedView(ctx: WriteViewContext, r: { partner: { name: string } }): View {
  return noticeView(zm(ctx).unlisted(escapeMrkdwn(r.partner.name)));
}

/** The answer to `/partner experts`: the listed experts, or why there are none. */
export function expertsView(ctx: ViewContext, typed: string, found: ExpertsFound): View {
  const m = zm(ctx);
  if (found.badDepartement) {
    const text = `:x: ${m.badDepartement(code(found.badDepartement))}`;
    return view(text, [section(text)]);
  }
  if (found.domains.length === 0) {
    const text = m.unknownDomain(
      code(typed.slice(0, 100) || '…'),
      zenDomains(ctx.catalog).map(escapeMrkdwn).join(', '),
    );
    return view(text, [section(text), section(m.usage.experts)]);
  }
  const names = found.domains.map(escapeMrkdwn).join(', ');
  const where = found.departement ? ` ${m.inZone(found.departement)}` : '';
  if (found.experts.length === 0) {
    const text = m.none(`${names}${where}`);
    return view(text, [section(text)]);
  }
  const title = m.title(`${names}${where}`);
  const lines = found.experts.map(
    (e) =>
      `${ctx.m.bullet} ${m.expert(escapeMrkdwn(e.partnerName), m.hours(String(e.interventionHours)), e.departements.join(', '))}`,
  );
  return view(title, [header(title), ...lineSections(lines, { maxBlocks: 20, more: fmt(ctx).more })]);
}
