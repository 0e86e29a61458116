import type { Locale } from './format.js';
import { elide } from './french.js';

/**
 * What the assistant says around the cards it answers with: clarifications, its help, the greeting and
 * suggested prompts of Slack's assistant panel, and the short answers that are no /partner card. English is
 * the reference shape; `fr` has the same keys. Arguments arrive formatted and escaped.
 */
const en = {
  clarify: {
    partners: 'Several partners fit. Which one do you mean?',
    intents: 'I can answer either. Which one?',
    partnerUnknown: (name: string) => `I know no partner called “${name}”.`,
    didYouMean: 'Did you mean:',
    noSuggestion: 'Give its name as it appears in the program, or its id.',
    partnerMissing: 'Which partner do you mean? Name it, for example: “where is Acme at?”',
    unrecognised: 'I did not understand the question. You can ask, for example:',
  },
  choice: {
    status: (partner: string) => `Status of ${partner}`,
    tier: (partner: string) => `Tier of ${partner}`,
    benefits: (partner: string) => `Benefits of ${partner}`,
    obligations: (partner: string) => `Obligations of ${partner}`,
    /** The obligations narrowed to the trainings. */
    trainings: (partner: string) => `Trainings of ${partner}`,
    zen: (partner: string) => `Experts Zen: ${partner}`,
    history: (partner: string) => `History of ${partner}`,
    missing: (partner: string) => `What ${partner} lacks for the next tier`,
    manager: (partner: string) => `Manager of ${partner}`,
    contacts: (partner: string) => `Contacts of ${partner}`,
    program: 'The partner program',
    help: 'What can I ask?',
    nextEvaluation: 'Next evaluation',
    tierBenefits: (tier: string) => `What ${tier} brings`,
    list: 'My partners',
    atRisk: 'Partners at risk of demotion',
    overdue: 'Partners with overdue obligations',
    withinReach: 'Partners close to a promotion',
    left: 'Partners that left the program',
    ofTier: (tier: string) => `${tier} partners`,
  },
  help: {
    title: 'Ask me in plain words',
    intro: 'Mention me in a channel, write to me here, or open me in the assistant panel. For example:',
    staff: [
      'Where is Acme at?',
      'What does Garonne still owe?',
      'Who is at risk of demotion this semester?',
      'Which partners are close to a promotion?',
      'How much is Delta missing for the next tier?',
      'Who are Garonne’s contacts?',
      'What does Premium bring?',
    ],
    contact: [
      'Where are we at?',
      'What are our benefits?',
      'What do we still have to do?',
      'Which trainings do I still have to do?',
      'How much are we missing for the next tier?',
      'Who is our manager?',
      'When is the next evaluation?',
    ],
    other: ['How does the program work?', 'What does Business bring?', 'When is the next evaluation?'],
    command: 'The `/partner` command answers the same questions: `/partner help`.',
  },
  greeting: {
    staff: 'Hello! Ask me about your partners and the program.',
    contact: 'Hello! Ask me about your tier, your benefits and what you still have to do.',
    other: 'Hello! I can describe the Dstny partner program.',
  },
  promptsTitle: 'For example',
  partnerPrompt: (partner: string) => `Where is ${partner} at?`,
  thinking: 'is thinking…',
  nextEvaluation: (date: string, semester: string) =>
    `The next evaluation is on *${date}*: it judges ${semester} on the monthly average of the semester.`,
  manager: (partner: string, who: string) => `Partner manager of *${partner}*: ${who}.`,
  noManager: (partner: string) =>
    `No partner manager is recorded for *${partner}*: write to the Dstny partner team.`,
  tierBenefits: {
    title: (tier: string) => `What ${tier} brings`,
    none: 'No benefit comes with this tier.',
    cumulative: 'A tier includes the benefits of the tiers below it.',
  },
};

export type AssistantMessages = typeof en;

const fr: AssistantMessages = {
  clarify: {
    partners: 'Plusieurs partenaires correspondent. Lequel voulez-vous dire\u00a0?',
    intents: 'Je peux répondre à l’une ou l’autre question. Laquelle\u00a0?',
    partnerUnknown: (name) => `Je ne connais aucun partenaire nommé «\u00a0${name}\u00a0».`,
    didYouMean: 'Vouliez-vous dire\u202f:',
    noSuggestion: 'Donnez son nom tel qu’il figure au programme, ou son identifiant.',
    partnerMissing:
      'De quel partenaire parlez-vous\u00a0? Nommez-le, par exemple\u202f: «\u00a0où en est Acme\u00a0?\u00a0»',
    unrecognised: 'Je n’ai pas compris la question. Vous pouvez demander par exemple\u202f:',
  },
  choice: {
    status: (partner) => `Point sur ${partner}`,
    tier: (partner) => `Statut ${elide('de', partner)}`,
    benefits: (partner) => `Avantages ${elide('de', partner)}`,
    obligations: (partner) => `Devoirs ${elide('de', partner)}`,
    trainings: (partner) => `Formations ${elide('de', partner)}`,
    zen: (partner) => `Experts Zen\u202f: ${partner}`,
    history: (partner) => `Historique ${elide('de', partner)}`,
    missing: (partner) => `Ce qui manque à ${partner} pour le statut suivant`,
    manager: (partner) => `Responsable ${elide('de', partner)}`,
    contacts: (partner) => `Contacts ${elide('de', partner)}`,
    program: 'Le programme partenaires',
    help: 'Que puis-je demander\u00a0?',
    nextEvaluation: 'Prochaine évaluation',
    tierBenefits: (tier) => `Ce qu’apporte ${tier}`,
    list: 'Mes partenaires',
    atRisk: 'Partenaires menacés de descendre',
    overdue: 'Partenaires en retard sur leurs devoirs',
    withinReach: 'Partenaires proches d’une promotion',
    left: 'Partenaires sortis du programme',
    ofTier: (tier) => `Partenaires ${tier}`,
  },
  help: {
    title: 'Posez-moi vos questions simplement',
    intro:
      'Mentionnez-moi dans un canal, écrivez-moi ici ou ouvrez-moi dans le panneau assistant. Par exemple\u202f:',
    staff: [
      'Où en est Acme\u00a0?',
      'Que doit encore faire Garonne\u00a0?',
      'Qui risque de descendre ce semestre\u00a0?',
      'Quels partenaires sont proches d’une promotion\u00a0?',
      'Combien manque-t-il à Delta pour le statut suivant\u00a0?',
      'Qui sont les contacts de Garonne\u00a0?',
      'Qu’apporte le statut Premium\u00a0?',
    ],
    contact: [
      'Où en sommes-nous\u00a0?',
      'Quels sont nos avantages\u00a0?',
      'Que nous reste-t-il à faire\u00a0?',
      'Quelles formations me reste-t-il à suivre\u00a0?',
      'Combien nous manque-t-il pour le statut suivant\u00a0?',
      'Qui est notre responsable partenaire\u00a0?',
      'Quand a lieu la prochaine évaluation\u00a0?',
    ],
    other: [
      'Comment fonctionne le programme\u00a0?',
      'Qu’apporte le statut Business\u00a0?',
      'Quand a lieu la prochaine évaluation\u00a0?',
    ],
    command: 'La commande `/partner` répond aux mêmes questions\u202f: `/partner help`.',
  },
  greeting: {
    staff: 'Bonjour\u00a0! Posez-moi vos questions sur vos partenaires et sur le programme.',
    contact: 'Bonjour\u00a0! Posez-moi vos questions sur votre statut, vos avantages et vos devoirs.',
    other: 'Bonjour\u00a0! Je peux vous présenter le programme partenaires Dstny.',
  },
  promptsTitle: 'Par exemple',
  partnerPrompt: (partner) => `Où en est ${partner}\u00a0?`,
  thinking: 'réfléchit…',
  nextEvaluation: (date, semester) =>
    `La prochaine évaluation a lieu le *${date}*\u202f: elle juge le ${semester} sur la moyenne mensuelle du semestre.`,
  manager: (partner, who) => `Responsable partenaire ${elide('de', `*${partner}*`)}\u202f: ${who}.`,
  noManager: (partner) =>
    `Aucun responsable partenaire n’est indiqué pour *${partner}*\u202f: écrivez à l’équipe Partenaires Dstny.`,
  tierBenefits: {
    title: (tier) => `Ce qu’apporte ${tier}`,
    none: 'Aucun avantage n’est attaché à ce statut.',
    cumulative: 'Un statut comprend les avantages des statuts inférieurs.',
  },
};

export const assistantMessages: Record<Locale, AssistantMessages> = { fr, en };
