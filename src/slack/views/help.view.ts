import { context, header, type KnownBlock, section, type View, view } from './blocks.js';
import { fmt, type ViewContext } from './context.js';
import { code } from './escape.js';

export interface HelpEntry {
  usage: string;
  summary: string;
}

export type HelpAudience = 'staff' | 'contact' | 'stranger';

/** The subcommands the asker may use; `unknown` is what they typed when it was not one. */
export function helpView(
  ctx: ViewContext,
  options: { entries: HelpEntry[]; audience: HelpAudience; unknown?: string },
): View {
  const h = ctx.m.help;
  const blocks: KnownBlock[] = [header(h.title)];
  if (options.unknown !== undefined) blocks.push(section(h.unknown(code(options.unknown.slice(0, 100)))));
  blocks.push(section(options.entries.map((e) => `\`${e.usage}\`${fmt(ctx).colon} ${e.summary}`).join('\n')));
  const note =
    options.audience === 'staff'
      ? h.partnerArgStaff
      : options.audience === 'contact'
        ? h.partnerArgContact
        : h.stranger;
  blocks.push(context(note));
  return view(h.text, blocks);
}
