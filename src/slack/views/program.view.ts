import { context, divider, fields, header, type KnownBlock, section, type View, view } from './blocks.js';
import { fmt, type ViewContext } from './context.js';

/** The program itself: types, operator programs and fees, tiers and thresholds, re-evaluation, MyDstny. */
export function programView(ctx: ViewContext): View {
  const f = fmt(ctx);
  const p = ctx.m.program;
  const { catalog } = ctx;
  const b = ctx.m.bullet;
  const blocks: KnownBlock[] = [header(p.title), section(f.text(catalog.principles))];

  blocks.push(
    section(
      [
        p.typesTitle,
        ...catalog.partnershipTypes.map(
          (t) =>
            `${b} *${f.text(t.label)}*${f.colon} ${f.text(t.description)}\n   _${p.basis(f.text(t.basis.label))}_`,
        ),
      ].join('\n'),
    ),
  );
  blocks.push(
    section(
      [
        p.operatorProgramsTitle,
        ...catalog.operatorPrograms.map((o) => `${b} *${f.text(o.label)}*${f.colon} ${f.text(o.fees)}`),
      ].join('\n'),
    ),
  );

  blocks.push(divider(), section(p.tiersTitle));
  const tierFields = catalog.tiers.flatMap((tier, i) => {
    const next = catalog.tiers[i + 1];
    const rows = catalog.partnershipTypes.map((t) => {
      const from = f.euros(Math.round(tier.minMonthlyEur[t.code] * 100));
      const range = next
        ? p.range(from, f.euros(Math.round(next.minMonthlyEur[t.code] * 100)))
        : p.from(from);
      return `${f.text(t.label)}${f.colon} ${range}`;
    });
    return [`*${f.text(tier.label)}*\n${rows.join('\n')}`];
  });
  blocks.push(...fields(tierFields));

  blocks.push(divider(), section(`${p.evaluationTitle}\n${f.text(catalog.evaluation.rule)}`));
  blocks.push(context(`${p.portalTitle}${f.colon} ${f.text(catalog.portal)}`));
  return view(p.text, blocks);
}
