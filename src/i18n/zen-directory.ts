import type { Locale } from './format.js';
import { elide } from './french.js';

/**
 * The Experts Zen directory (issue 14): `/partner zen list|unlist` (admins), `/partner experts` (every
 * user), their refusals and answers. English is the reference shape; `fr` has the same keys.
 */
const en = {
  help: {
    experts: {
      usage: '/partner experts domain [département]',
      summary: 'the Experts Zen listed for a domain (3CX, OXO, Fortinet…), in a French département',
    },
  },
  usage: {
    list: 'Usage: `/partner zen list [partner] domains 3cx, fortinet zone 69 01 38 hours 4` (admins): lists an eligible partner in the Experts Zen directory. `/partner zen list` alone opens a form. `/partner zen unlist [partner]` takes it out.',
    experts: 'Usage: `/partner experts domain [département]`, e.g. `/partner experts 3cx 69`.',
  },
  anchor: 'word `domains`, `zone` or `hours`',
  issues: {
    notEligible: (partner: string, unmet: string) =>
      `${partner} is not eligible for Experts Zen yet: ${unmet}.`,
    domainsMissing: 'Give its domains (`domains 3cx, fortinet`).',
    domainUnknown: (value: string) => `${value} is not an Experts Zen domain.`,
    departementsMissing: 'Give the départements it covers (`zone 69 01`).',
    departementInvalid: (value: string) => `${value} is not a French département.`,
    hoursInvalid: (value: string) => `${value} is not a number of hours (1 to 720).`,
    notListed: (partner: string) => `Nothing changed: ${partner} is not listed.`,
  },
  listed: (partner: string) => `:white_check_mark: *${partner}* is listed in the Experts Zen directory.`,
  listing: (domains: string, zone: string, hours: string) =>
    `Domains: ${domains} · zone: ${zone} · guaranteed intervention within ${hours}`,
  hours: (n: string) => `${n} h`,
  unlisted: (partner: string) => `*${partner}* is no longer listed in the Experts Zen directory.`,
  title: (domains: string) => `Experts Zen: ${domains}`,
  inZone: (dep: string) => `in ${dep}`,
  expert: (partner: string, hours: string, zone: string) => `*${partner}*: within ${hours} · ${zone}`,
  none: (domains: string) =>
    `No Experts Zen listed yet for ${domains} there. Ask your Dstny partner manager.`,
  unknownDomain: (value: string, domains: string) =>
    `${value} is not an Experts Zen domain. Domains: ${domains}.`,
  badDepartement: (value: string) => `${value} is not a French département.`,
  /** To the partner's manager, once, when its listing is suspended. */
  suspended: (partner: string, reasons: string) =>
    `:pause_button: *${partner}*’s Experts Zen listing is suspended: ${reasons}. It is left out of \`/partner experts\` until an admin lists it again (\`/partner zen list …\`).`,
};

export type ZenDirectoryMessages = typeof en;

const fr: ZenDirectoryMessages = {
  help: {
    experts: {
      usage: '/partner experts domaine [département]',
      summary: 'les Experts Zen référencés pour un domaine (3CX, OXO, Fortinet…), dans un département',
    },
  },
  usage: {
    list: 'Utilisation\u202f: `/partner zen list [partenaire] domains 3cx, fortinet zone 69 01 38 hours 4` (administrateurs)\u202f: référence un partenaire éligible parmi les Experts Zen. `/partner zen list` seul ouvre un formulaire. `/partner zen unlist [partenaire]` le retire.',
    experts:
      'Utilisation\u202f: `/partner experts domaine [département]`, par ex. `/partner experts 3cx 69`.',
  },
  anchor: 'le mot `domains`, `zone` ou `hours`',
  issues: {
    notEligible: (partner, unmet) => `${partner} n’est pas encore éligible aux Experts Zen\u202f: ${unmet}.`,
    domainsMissing: 'Indiquez ses domaines (`domains 3cx, fortinet`).',
    domainUnknown: (value) => `${value} n’est pas un domaine Experts Zen.`,
    departementsMissing: 'Indiquez les départements couverts (`zone 69 01`).',
    departementInvalid: (value) => `${value} n’est pas un département français.`,
    hoursInvalid: (value) => `${value} n’est pas un nombre d’heures (de 1 à 720).`,
    notListed: (partner) => `Rien n’a changé\u202f: ${partner} n’est pas référencé.`,
  },
  listed: (partner) => `:white_check_mark: *${partner}* est référencé parmi les Experts Zen.`,
  listing: (domains, zone, hours) =>
    `Domaines\u202f: ${domains} · zone\u202f: ${zone} · intervention garantie sous ${hours}`,
  hours: (n) => `${n}\u00a0h`,
  unlisted: (partner) => `*${partner}* n’est plus référencé parmi les Experts Zen.`,
  title: (domains) => `Experts Zen\u202f: ${domains}`,
  inZone: (dep) => `dans le ${dep}`,
  expert: (partner, hours, zone) => `*${partner}*\u202f: sous ${hours} · ${zone}`,
  none: (domains) =>
    `Aucun Expert Zen référencé pour l’instant pour ${domains} ici. Demandez à votre responsable partenaire Dstny.`,
  unknownDomain: (value, domains) => `${value} n’est pas un domaine Experts Zen. Domaines\u202f: ${domains}.`,
  badDepartement: (value) => `${value} n’est pas un département français.`,
  suspended: (partner, reasons) =>
    `:pause_button: Le référencement Experts Zen ${elide('de', `*${partner}*`)} est suspendu\u202f: ${reasons}. Il n’apparaît plus dans \`/partner experts\` jusqu’à ce qu’un administrateur le référence de nouveau (\`/partner zen list …\`).`,
};

export const zenDirectoryMessages: Record<Locale, ZenDirectoryMessages> = { fr, en };
