import { type CommandMessages, commandMessages } from '../../i18n/commands.js';
import {
  colon,
  formatDate,
  formatMoney,
  formatSemester,
  label,
  type PluralForms,
  plural,
} from '../../i18n/format.js';
import type { Catalog, Label, Locale } from '../../program/catalog.schema.js';
import type { IsoDate } from '../../program/dates.js';
import { tierByCode } from '../../program/tiers.js';
import { ACTION_IDS, encodeValue } from '../ids.js';
import { type Button, button } from './blocks.js';
import { escapeMrkdwn } from './escape.js';

/** What every view needs besides its data: the program, the asker's locale and the day. */
export interface ViewContext {
  catalog: Catalog;
  locale: Locale;
  today: IsoDate;
  m: CommandMessages;
}

export function viewContext(catalog: Catalog, locale: Locale, today: IsoDate): ViewContext {
  return { catalog, locale, today, m: commandMessages[locale] };
}

/** Small formatting helpers bound to a context, made once per context (views ask for them often). */
export function fmt(ctx: ViewContext): Formatters {
  let helpers = formatters.get(ctx);
  if (!helpers) {
    helpers = formattersOf(ctx);
    formatters.set(ctx, helpers);
  }
  return helpers;
}

type Formatters = ReturnType<typeof formattersOf>;
const formatters = new WeakMap<ViewContext, Formatters>();

function formattersOf(ctx: ViewContext) {
  const { locale, catalog, m } = ctx;
  return {
    money: (cents: number) => formatMoney(cents, locale),
    euros: (cents: number) => formatMoney(cents, locale, { wholeEuros: 'auto' }),
    date: (date: IsoDate) => formatDate(date, locale),
    count: (n: number, forms: PluralForms) => plural(n, forms, locale),
    label: (l: Label) => label(l, locale),
    /** A catalog label in mrkdwn (catalog text is ours, but escaping costs nothing). */
    text: (l: Label) => escapeMrkdwn(label(l, locale)),
    tier: (code: string) => {
      try {
        return label(tierByCode(catalog, code).label, locale);
      } catch {
        return code;
      }
    },
    more: (n: number) => m.andMore(plural(n, { one: '{n}', other: '{n}' }, locale)),
    /** A semester as users read it: "S2 2026" in French, "H2 2026" in English. */
    semester: (code: string) => formatSemester(code, locale),
    /** "\u202f:" in French, ":" in English: `${title}${f.colon} ${value}`. */
    colon: colon(locale),
  };
}

/**
 * The short name of the revenue a partner's tier is based on: "RRM" for an ambassador, "CA" for an
 * operator (the part of the catalog's basis label before its colon: "RRM : récurrent mensuel").
 */
export function basisName(ctx: ViewContext, type: string): string {
  const basis = ctx.catalog.partnershipTypes.find((t) => t.code === type)?.basis;
  if (!basis) return type;
  const text = label(basis.label, ctx.locale);
  const short = text.split(/[\s\u00a0\u202f]*:/)[0]?.trim();
  return short || basis.code.toUpperCase();
}

/** "Opérateur · Opérateur E-shop" / "Ambassadeur" / "Opérateur" (the plain program is not repeated). */
export function partnershipLabel(
  ctx: ViewContext,
  partner: { type: string; operatorProgram: string | null },
): string {
  const type = ctx.catalog.partnershipTypes.find((t) => t.code === partner.type);
  const program =
    partner.type === 'operator' && partner.operatorProgram
      ? ctx.catalog.operatorPrograms.find((p) => p.code === partner.operatorProgram)
      : undefined;
  const typeText = type ? label(type.label, ctx.locale) : partner.type;
  // The plain program is the type itself (« Opérateur », "Operator" beside "Operator (wholesale)"): it
  // adds nothing, in any language, when one language names it as the type.
  const plain =
    !program ||
    !type ||
    (Object.keys(program.label) as (keyof typeof program.label)[]).some(
      (l) => program.label[l] === type.label[l],
    );
  return plain ? typeText : `${typeText} · ${label(program.label, ctx.locale)}`;
}

export function shareButton(ctx: ViewContext, partnerId: string, subcommand: string): Button {
  return button({
    text: ctx.m.buttons.share,
    actionId: ACTION_IDS.share,
    value: encodeValue({ p: partnerId, s: subcommand }),
  });
}
