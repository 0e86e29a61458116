import { commandMessages } from '../../i18n/commands.js';
import type { Locale } from '../../program/catalog.schema.js';
import { section, type View, view } from './blocks.js';
import type { ViewContext } from './context.js';
import { code } from './escape.js';

/** Someone Slack knows but the program does not: where to ask. */
export function strangerRefusalView(ctx: ViewContext): View {
  return view(ctx.m.refusal.stranger, [section(ctx.m.refusal.stranger)]);
}

/**
 * A contact naming another partner. The same words whether that partner exists or not, so a contact
 * cannot probe the partner list.
 */
export function otherPartnerRefusalView(ctx: ViewContext): View {
  return view(ctx.m.refusal.otherPartner, [section(ctx.m.refusal.otherPartner)]);
}

export function staffOnlyRefusalView(ctx: ViewContext, subcommand: string): View {
  const text = ctx.m.refusal.staffOnly(code(`/partner ${subcommand}`));
  return view(text, [section(text)]);
}

/** The database is down or too slow: never a stack trace, never silence. Needs no catalog. */
/** Too busy to answer within Slack's 3 s: a short "try again in a moment", given at once. */
export function busyView(locale: Locale): View {
  const text = commandMessages[locale].busy;
  return view(text, [section(text)]);
}

export function unavailableView(locale: Locale): View {
  const text = commandMessages[locale].unavailable;
  return view(text, [section(text)]);
}
