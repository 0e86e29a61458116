import type { Locale } from './format.js';

/**
 * What the bot says about partners that left the program: `/partner leave` and `/partner rejoin`, their
 * refusals, `/partner list left`, the mark on a card staff open, and the reply its contacts get. English is
 * the reference shape; `fr` has the same keys. Arguments arrive formatted and escaped.
 */
const en = {
  help: {
    leave: {
      usage: '/partner leave [partner] YYYY-MM-DD reason…',
      summary: 'record that a partner left the program (kept, no longer reminded nor listed)',
    },
    rejoin: { usage: '/partner rejoin [partner]', summary: 'undo a departure: the partner is back in' },
  },
  usage: {
    leave:
      'Usage: `/partner leave [partner] YYYY-MM-DD reason…`, e.g. `/partner leave Acme 2026-06-30 contract terminated`. From that day the partner is not reminded, evaluated nor listed; its history is kept. `/partner rejoin [partner]` undoes it.',
    rejoin: 'Usage: `/partner rejoin [partner]`, e.g. `/partner rejoin Acme`.',
  },
  anchorDate: 'date it left (YYYY-MM-DD)',
  issues: {
    reasonMissing: 'Give a reason: it is kept with the departure.',
    leftBeforeJoined: (value: string, joinedOn: string) =>
      `${value} is before the partner joined (${joinedOn}).`,
    leftUnchanged: (date: string) => `Nothing changed: the partner already left on ${date} for that reason.`,
    notLeft: (partner: string) => `Nothing changed: *${partner}* is in the program.`,
  },
  left: (partner: string, date: string, reason: string) =>
    `:wave: *${partner}* left the program on ${date}. Reason: “${reason}”.`,
  leftFuture: (partner: string, date: string, reason: string) =>
    `:wave: *${partner}* leaves the program on ${date}. Reason: “${reason}”.`,
  leftNote:
    'From that day it is not reminded, evaluated, digested nor listed (see `/partner list left`); its history and data are kept, and its contacts are told it is no longer in the program.',
  wasLeft: (date: string, reason: string) => `It was recorded as leaving on ${date} (“${reason}”).`,
  rejoined: (partner: string, date: string) =>
    `:white_check_mark: *${partner}* is back in the program (it had left on ${date}).`,
  rejoinedNote: 'It is reminded, evaluated and listed again from today.',
  cardMark: (date: string, reason: string) =>
    `:wave: *Left the program* on ${date}.${reason ? ` Reason: “${reason}”.` : ''}`,
  contactReply: (partner: string) =>
    `*${partner}* is no longer in the Dstny partner program. For any question, contact your Dstny partner manager.`,
  listLeft: 'that left the program',
  listLeftRow: (date: string, reason: string) => `left on ${date}${reason ? `: “${reason}”` : ''}`,
  listLeftEmpty: 'No partner of this list left the program.',
};

export type MembershipMessages = typeof en;

const fr: MembershipMessages = {
  help: {
    leave: {
      usage: '/partner leave [partenaire] AAAA-MM-JJ motif…',
      summary: 'enregistrer le départ d’un partenaire du programme (conservé, plus relancé ni listé)',
    },
    rejoin: {
      usage: '/partner rejoin [partenaire]',
      summary: 'annuler un départ\u202f: le partenaire revient',
    },
  },
  usage: {
    leave:
      'Utilisation\u202f: `/partner leave [partenaire] AAAA-MM-JJ motif…`, par exemple `/partner leave Acme 2026-06-30 contrat résilié`. À partir de ce jour, le partenaire n’est plus relancé, évalué ni listé\u202f; son historique est conservé. `/partner rejoin [partenaire]` l’annule.',
    rejoin: 'Utilisation\u202f: `/partner rejoin [partenaire]`, par exemple `/partner rejoin Acme`.',
  },
  anchorDate: 'la date de départ (AAAA-MM-JJ)',
  issues: {
    reasonMissing: 'Indiquez un motif\u202f: il est conservé avec le départ.',
    leftBeforeJoined: (value, joinedOn) => `${value} précède l’arrivée du partenaire (${joinedOn}).`,
    leftUnchanged: (date) => `Rien n’a changé\u202f: le partenaire est déjà parti le ${date} pour ce motif.`,
    notLeft: (partner) => `Rien n’a changé\u202f: *${partner}* fait partie du programme.`,
  },
  left: (partner, date, reason) =>
    `:wave: *${partner}* a quitté le programme le ${date}. Motif\u202f: «\u202f${reason}\u202f».`,
  leftFuture: (partner, date, reason) =>
    `:wave: *${partner}* quitte le programme le ${date}. Motif\u202f: «\u202f${reason}\u202f».`,
  leftNote:
    'À partir de ce jour, il n’est plus relancé, évalué, ni compté dans les listes et le récapitulatif (voir `/partner list left`)\u202f; son historique et ses données sont conservés, et ses contacts sont informés qu’il ne fait plus partie du programme.',
  wasLeft: (date, reason) => `Son départ était enregistré au ${date} («\u202f${reason}\u202f»).`,
  rejoined: (partner, date) =>
    `:white_check_mark: *${partner}* fait de nouveau partie du programme (il l’avait quitté le ${date}).`,
  rejoinedNote: 'Il est de nouveau relancé, évalué et listé à partir d’aujourd’hui.',
  cardMark: (date, reason) =>
    `:wave: *A quitté le programme* le ${date}.${reason ? ` Motif\u202f: «\u202f${reason}\u202f».` : ''}`,
  contactReply: (partner) =>
    `*${partner}* ne fait plus partie du programme Partenaires Dstny. Pour toute question, contactez votre responsable partenaire Dstny.`,
  listLeft: 'ayant quitté le programme',
  listLeftRow: (date, reason) => `parti le ${date}${reason ? `\u202f: «\u202f${reason}\u202f»` : ''}`,
  listLeftEmpty: 'Aucun partenaire de cette liste n’a quitté le programme.',
};

export const membershipMessages: Record<Locale, MembershipMessages> = { fr, en };
