import { depthModalsMessages } from '../../i18n/depth-modals.js';
import { certifications } from '../../program/certifications.js';
import type { PartnerStatus } from '../../services/partner-status.service.js';
import { actions, context, header, type KnownBlock, section, type View, view } from './blocks.js';
import { fmt, shareButton, type ViewContext } from './context.js';
import { escapeMrkdwn } from './escape.js';

/** The expertise domains, one line each: "*VoIP IPBX spécifique*: 3CX, Alcatel OXO/OXE, ...". */
export function zenDomainLines(ctx: ViewContext): string[] {
  const f = fmt(ctx);
  return ctx.catalog.expertsZen.domains.map(
    (d) => `${ctx.m.bullet} *${f.text(d.label)}*${f.colon} ${d.items.map(escapeMrkdwn).join(', ')}`,
  );
}

export function zenView(ctx: ViewContext, status: PartnerStatus): View {
  const f = fmt(ctx);
  const z = ctx.m.zen;
  const { partner } = status.record;
  const { zen } = status;
  const blocks: KnownBlock[] = [
    header(z.title(partner.name)),
    section(f.text(ctx.catalog.expertsZen.description)),
    section(zen.eligible ? z.eligible : f.count(zen.unmet.length, z.notEligible)),
  ];
  if (zen.unmet.length)
    blocks.push(
      section([z.unmetTitle, ...zen.unmet.map((r) => `${ctx.m.bullet} ${f.text(r.label)}`)].join('\n')),
    );
  if (zen.met.length && !zen.eligible)
    blocks.push(
      context([z.metTitle, ...zen.met.map((r) => `:white_check_mark: ${f.text(r.label)}`)].join('\n')),
    );
  blocks.push(...certificationBlocks(ctx, status));
  blocks.push(section([z.domainsTitle, ...zenDomainLines(ctx)].join('\n')));
  blocks.push(...actions([shareButton(ctx, partner.id, 'zen')]));
  return view(z.text(escapeMrkdwn(partner.name), zen.eligible), blocks);
}

/** The certifications that lapse (program/certifications.ts): valid until, to renew, or lapsed. */
function certificationBlocks(ctx: ViewContext, status: PartnerStatus): KnownBlock[] {
  const f = fmt(ctx);
  const r = depthModalsMessages[ctx.locale].renewal;
  const lines = certifications(ctx.catalog, status.record.checklist, ctx.today).map((c) => {
    const name = f.text(c.requirement.label);
    const day = f.date(c.lapsesOn);
    return c.status === 'valid'
      ? r.valid(name, day)
      : c.status === 'due-again'
        ? r.dueAgain(name, day)
        : r.lapsed(name, day);
  });
  return lines.length ? [context([r.zenTitle, ...lines].join('\n'))] : [];
}
