import type { Locale } from './format.js';
import { elide } from './french.js';

/**
 * The local console's own words (its help, its prompts, its forms), in both locales: the bot's answers
 * come from the other tables. English is the reference shape.
 */
const en = {
  welcome: (seeded: boolean) =>
    [
      'partner-bot console: Slack is not configured (no SLACK_BOT_TOKEN), so /partner answers here.',
      seeded
        ? 'The database was empty: demo partners loaded.'
        : 'Using the partners already in the database.',
      'You are the demo partner manager. Type "help" for the console commands, "/partner help" for the bot;',
      'Tab completes, the arrow keys recall earlier lines, a button shown as [1] is pressed by typing 1.',
    ].join('\n'),
  help: [
    'Type a command as in Slack, e.g. /partner status acme (or just: status acme), or ask in plain words',
    'as you would write to the bot: où en est Acme ? / what does Garonne still owe? Tab completes',
    'subcommands and partner names; the arrow keys recall earlier lines.',
    '  <n>              press the button shown as [n] (a form is then asked field by field; "cancel" or',
    '                   Ctrl-C closes it)',
    '  users            the demo users (and who you are)',
    '  as <user>        ask as another Slack user id, or a demo user: admin, manager, contact, stranger',
    '  in <channel>     type the commands in a channel (a partner channel implies the partner); "in -" for none',
    '  lang fr|en       answer in French or English',
    '  remind [--as-of YYYY-MM-DD] [--dry-run]     the day’s training reminders, delivered here',
    '  evaluate [--as-of YYYY-MM-DD] [--dry-run]   the semester evaluation and its announcements',
    '  quit             leave',
  ].join('\n'),
  /** `partner-bot ask` on a database with no partner yet (a fresh clone: the demo comes with `npm start`). */
  noPartners:
    'The database holds no partner yet: `npm start` loads the demo partners into an empty one, or import yours (partner-bot import).',
  askingAs: (who: string) => `Now asking as ${who}.`,
  inChannel: (channel: string) => `Now in ${channel}.`,
  outsideChannels: 'Now outside any channel.',
  answersIn: 'Answers in English.',
  notAvailable: 'Not available in this console.',
  prompt: (who: string, channel: string | undefined) => `${who}${channel ? ` in ${channel}` : ''}> `,
  formTitle: (title: string) => `── form: ${title} (type "cancel" to close it) ──`,
  /** The word that closes a form, besides Ctrl-C and "cancel" (the console's words are English). */
  cancelWord: 'cancel',
  formClosed: 'Form closed, nothing submitted.',
  field: {
    date: 'YYYY-MM-DD',
    user: 'a Slack user id, or a name',
    keeps: (initial: string) => `Enter keeps ${initial}`,
    optional: 'optional',
    question: (label: string, notes: string[]) => `${label}${notes.length ? ` (${notes.join('; ')})` : ''}: `,
    required: (label: string) => `${label} is required.`,
    badDate: 'Type a date as YYYY-MM-DD.',
    badOption: (count: number) => `Type the number of one of the ${count} options.`,
    noUser: (typed: string) => `No user named ${typed}.`,
    error: (label: string, message: string) => `✗ ${label}: ${message}`,
  },
};

export type ConsoleMessages = typeof en;

const fr: ConsoleMessages = {
  welcome: (seeded) =>
    [
      'Console partner-bot\u202f: Slack n’est pas configuré (pas de SLACK_BOT_TOKEN), /partner répond donc ici.',
      seeded
        ? 'La base était vide\u202f: les partenaires de démonstration sont chargés.'
        : 'Les partenaires déjà en base sont utilisés.',
      'Vous êtes le responsable partenaire de démonstration. Tapez «\u00a0help\u00a0» pour les commandes de la console,',
      '«\u00a0/partner help\u00a0» pour celles du bot\u202f; Tab complète, les flèches rappellent les lignes',
      'précédentes, un bouton affiché [1] se presse en tapant 1.',
    ].join('\n'),
  help: [
    'Tapez une commande comme dans Slack, par ex. /partner status acme (ou simplement\u202f: status acme), ou',
    'posez votre question comme au bot\u202f: où en est Acme\u202f? / que doit encore Garonne\u202f? Tab complète les',
    'sous-commandes et les noms de partenaires\u202f; les flèches rappellent les lignes précédentes.',
    '  <n>              presse le bouton affiché [n] (un formulaire est alors demandé champ par champ\u202f;',
    '                   «\u00a0annuler\u00a0» ou Ctrl-C le ferme)',
    '  users            les utilisateurs de démonstration (et qui vous êtes)',
    '  as <user>        demander en tant qu’un autre utilisateur Slack, ou un utilisateur de démonstration\u202f:',
    '                   admin, manager, contact, stranger',
    '  in <channel>     taper les commandes dans un canal (celui d’un partenaire désigne ce partenaire)\u202f;',
    '                   «\u00a0in -\u00a0» pour aucun',
    '  lang fr|en       répondre en français ou en anglais',
    '  remind [--as-of AAAA-MM-JJ] [--dry-run]     les rappels de formation du jour, remis ici',
    '  evaluate [--as-of AAAA-MM-JJ] [--dry-run]   l’évaluation semestrielle et ses annonces',
    '  quit             quitter',
  ].join('\n'),
  noPartners:
    'La base ne contient encore aucun partenaire\u202f: `npm start` charge les partenaires de démonstration dans une base vide, ou importez les vôtres (partner-bot import).',
  askingAs: (who) => `Vous demandez maintenant en tant ${elide('que', who)}.`,
  inChannel: (channel) => `Vous êtes maintenant dans ${channel}.`,
  outsideChannels: 'Vous n’êtes plus dans aucun canal.',
  answersIn: 'Réponses en français.',
  notAvailable: 'Indisponible dans cette console.',
  prompt: (who, channel) => `${who}${channel ? ` dans ${channel}` : ''}> `,
  formTitle: (title) => `── formulaire\u202f: ${title} (tapez «\u00a0annuler\u00a0» pour le fermer) ──`,
  cancelWord: 'annuler',
  formClosed: 'Formulaire fermé, rien n’a été envoyé.',
  field: {
    date: 'AAAA-MM-JJ',
    user: 'un identifiant d’utilisateur Slack, ou un nom',
    keeps: (initial) => `Entrée garde ${initial}`,
    optional: 'facultatif',
    question: (label, notes) => `${label}${notes.length ? ` (${notes.join('\u202f; ')})` : ''}\u202f: `,
    required: (label) => `${label}\u202f: une valeur est requise.`,
    badDate: 'Tapez une date au format AAAA-MM-JJ.',
    badOption: (count) => `Tapez le numéro de l’une des ${count}\u00a0options.`,
    noUser: (typed) => `Aucun utilisateur ne s’appelle ${typed}.`,
    error: (label, message) => `✗ ${label}\u202f: ${message}`,
  },
};

export const consoleMessages: Record<Locale, ConsoleMessages> = { en, fr };
