import type { IsoDate } from '../program/dates.js';
import { englishCount, formatDate, formatMonthRange, formatSemester, type Locale, plural } from './format.js';

/**
 * What `remind` and `evaluate` print when run by hand: from the command line (English, ISO dates, as the
 * CLI speaks) and from the local console (its locale: `lang fr` or LOCALE=fr). English is the reference
 * shape; dates arrive as ISO days, semesters as their codes ("2026-H2"), and each locale writes them.
 */

const en = {
  remind: {
    weekend: (day: IsoDate) =>
      `${day} is a weekend day: no reminders (its trigger days are caught up the next weekday).`,
    dryRun: (day: IsoDate, since: IsoDate, messages: number, items: number) =>
      `Dry run: reminders for ${day} (trigger days after ${since}): ${englishCount(messages, 'message')}, ${englishCount(items, 'item')}`,
    to: (channel: string, kind: string) => `to ${channel} (${kind}):`,
    line: (partner: string, item: string, kind: string, dueOn: IsoDate) =>
      `  ${partner}: ${item} ${kind}, due ${dueOn}`,
    alreadyReminded: (items: string) => `Already reminded today, left out: ${items}`,
    queued: (day: IsoDate, messages: number, items: number) =>
      `Reminders for ${day}: ${englishCount(messages, 'message')} queued for ${englishCount(items, 'item')} (the running app delivers them).`,
    alreadyDone: (day: IsoDate) => `The reminders for ${day} were already sent: nothing to do.`,
    elsewhere: (day: IsoDate) => `The reminders for ${day} are being sent by another instance right now.`,
    failed: (day: IsoDate, error: string) => `The reminders for ${day} failed: ${error}`,
  },
  evaluate: {
    header: (
      dryRun: boolean,
      semester: string,
      firstMonth: IsoDate,
      lastMonth: IsoDate,
      effectiveOn: IsoDate,
      catalogVersion: string,
    ) =>
      `${dryRun ? 'Dry run: ' : ''}evaluation of ${semester} (${firstMonth.slice(0, 7)} to ${lastMonth.slice(0, 7)}), effective ${effectiveOn}, catalog ${catalogVersion}`,
    alreadyRecorded: '  (already recorded)',
    totals: (promoted: number, demoted: number, unchanged: number) =>
      `${promoted} promoted, ${demoted} demoted, ${unchanged} unchanged`,
    alreadyTotal: (already: number, semester: string) =>
      ` (${already} already recorded for ${semester}: nothing changed for them)`,
    noAnnouncement: 'No announcement queued (nothing newly recorded).',
    announced: (queued: number, held: boolean) =>
      `${englishCount(queued, 'announcement')} queued in the outbox${held ? ', partner messages held until an admin approves in Slack' : ''} (the running app delivers them).`,
  },
};

export type JobRunMessages = typeof en;

const day = (d: IsoDate) => formatDate(d, 'fr');
const counted = (n: number, one: string, other: string) => plural(n, { one, other }, 'fr');

const fr: JobRunMessages = {
  remind: {
    weekend: (d) =>
      `Le ${day(d)} tombe un week-end\u202f: pas de rappels (ses jours de déclenchement sont rattrapés le jour ouvré suivant).`,
    dryRun: (d, since, messages, items) =>
      `Simulation\u202f: rappels du ${day(d)} (jours de déclenchement après le ${day(since)})\u202f: ${counted(messages, '{n} message', '{n} messages')}, ${counted(items, '{n} élément', '{n} éléments')}`,
    to: (channel, kind) => `à ${channel} (${kind})\u202f:`,
    line: (partner, item, kind, dueOn) => `  ${partner}\u202f: ${item} ${kind}, échéance le ${day(dueOn)}`,
    alreadyReminded: (items) => `Déjà relancés aujourd’hui, laissés de côté\u202f: ${items}`,
    queued: (d, messages, items) =>
      `Rappels du ${day(d)}\u202f: ${counted(messages, '{n} message mis', '{n} messages mis')} en file d’attente pour ${counted(items, '{n} élément', '{n} éléments')} (l’application en marche les remet).`,
    alreadyDone: (d) => `Les rappels du ${day(d)} ont déjà été envoyés\u202f: rien à faire.`,
    elsewhere: (d) => `Les rappels du ${day(d)} sont en cours d’envoi par une autre instance.`,
    failed: (d, error) => `Les rappels du ${day(d)} ont échoué\u202f: ${error}`,
  },
  evaluate: {
    header: (dryRun, semester, firstMonth, lastMonth, effectiveOn, catalogVersion) => {
      const [from, to] = formatMonthRange(firstMonth, lastMonth, 'fr');
      return `${dryRun ? 'Simulation\u202f: évaluation' : 'Évaluation'} du ${formatSemester(semester, 'fr')} (${from} à ${to}), effective le ${day(effectiveOn)}, catalogue ${catalogVersion}`;
    },
    alreadyRecorded: '  (déjà enregistré)',
    totals: (promoted, demoted, unchanged) =>
      `${counted(promoted, '{n} promu', '{n} promus')}, ${counted(demoted, '{n} rétrogradé', '{n} rétrogradés')}, ${counted(unchanged, '{n} inchangé', '{n} inchangés')}`,
    alreadyTotal: (already, semester) =>
      ` (${counted(already, '{n} déjà enregistré', '{n} déjà enregistrés')} pour le ${formatSemester(semester, 'fr')}\u202f: rien n’a changé pour ${already > 1 ? 'eux' : 'lui'})`,
    noAnnouncement: 'Aucune annonce mise en file d’attente (rien de nouvellement enregistré).',
    announced: (queued, held) =>
      `${counted(queued, '{n} annonce mise', '{n} annonces mises')} en file d’attente${held ? ', les messages aux partenaires retenus jusqu’à ce qu’un administrateur les approuve dans Slack' : ''} (l’application en marche les remet).`,
  },
};

export const jobRunMessages: Record<Locale, JobRunMessages> = { en, fr };
