import type {
  ClarificationReason,
  ListFilterIntent,
  PartnerIntentKind,
} from '../../src/assistant/intents.js';
import type { CorpusContext, PARTNERS } from './understand.corpus.js';

type Tier = 'starter' | 'access' | 'business' | 'premium';
type PartnerId = (typeof PARTNERS)[number]['id'];

/** An understanding as `summary` writes it (test/unit/understand.corpus.ts). */
export type Expected =
  | `${PartnerIntentKind} ${PartnerId}`
  | 'program'
  | 'help'
  | 'next-evaluation'
  | `tier-benefits ${Tier}`
  | 'list'
  | `list ${Exclude<ListFilterIntent['kind'], 'tier'>}`
  | `list tier ${Tier}`
  | `clarify ${ClarificationReason}`;

export type QuestionSet = Record<CorpusContext, [question: string, expected: Expected][]>;

/**
 * Questions written blind (without the understander's patterns or the corpus's questions), to tune the
 * understander on. Same contexts as CORPUS: `dm` (staff, direct message, no partner assumed), `acme`
 * (staff in Acme's channel), `contact` (a contact of Garonne IT, in its channel), `thread` (a thread whose
 * last question was Delta Réseau's status). A contact naming another partner is understood as asking
 * about that partner (the refusal comes after understanding). In each context, French first, then English.
 * Its sibling test/unit/understand.heldout.ts measures the result and must not be read while tuning.
 */
export const DEV: QuestionSet = {
  dm: [
    // French
    ['ou en est hexa phone', 'status hexa'],
    ['tu peux me faire un point rapide sur Jura Connect stp', 'status jura'],
    ['Bonjour, pourriez-vous me donner la situation de Bretagne Communication ?', 'status bretagne'],
    ['résumé kappa', 'status kappa'],
    ['a quel pallier est Euro Trunk ?', 'tier euro'],
    ['Fibre Oust est en Business ou en Premium ?', 'tier fibre'],
    ['combien manque-t-il à Cloudcal pour passer au palier supérieur ?', 'missing cloudcall'],
    ['quels avantges a Bretagne en ce moment ?', 'benefits bretagne'],
    ['le bizbooster est encore dispo pour Hexa ?', 'benefits hexa'],
    ["qu'est-ce qu'il reste à faire pour Jura ?", 'obligations jura'],
    ['Iris peut-elle être référencée Experts Zen ?', 'zen iris'],
    ['eligibilite experts zen pour fibre ouest', 'zen fibre'],
    ['historique des paliers de Cloudcall Services', 'history cloudcall'],
    ['quels trimestres Bretagne Communication a-t-elle ratés ?', 'history bretagne'],
    ["qui s'occupe de Jura Connect chez nous ?", 'manager jura'],
    ["c'est qui le responsable de compte d'Hexa ?", 'manager hexa'],
    ['comment ça marche le programme partenaires ?', 'program'],
    ['quels sont les seuils de chaque palier', 'program'],
    ['quand a lieu la prochaine réévaluation des paliers ?', 'next-evaluation'],
    ["qu'est-ce qu'on gagne au palier Business ?", 'tier-benefits business'],
    ['liste de mes partenaires stp', 'list'],
    ['lesquels de mes partenaires risquent de descendre au prochain semestre ?', 'list at-risk'],
    ['quels partenaires ont des formations en retard', 'list overdue'],
    ['qui est pas loin de passer au palier au-dessus ?', 'list within-reach'],
    ['mes partenaires en Premium', 'list tier premium'],
    ['tu sais faire quoi ?', 'help'],
    ["palier d'Alpes ?", 'clarify partners'],
    ['quel est son palier ?', 'clarify partner-missing'],
    ['historique stp', 'clarify partner-missing'],
    ['où en est Orion Networks ?', 'clarify partner-unknown'],
    ['avantages et historique de Kappa', 'clarify intents'],
    ['tu peux réserver une salle pour jeudi ?', 'clarify unrecognised'],
    // English
    ['hows Delta Reseau doing', 'status delta'],
    ['can you give me an update on Kappa Solutions please', 'status kappa'],
    ['what tier is Iris in right now?', 'tier iris'],
    ['is Jura at risk of being downgraded?', 'tier jura'],
    ['how much revenue is Euro Trunk missing to reach the next tier?', 'missing euro'],
    ['what benfits does Fibre Ouest have?', 'benefits fibre'],
    ['what does Hexa Phone still need to do', 'obligations hexa'],
    ['is Bretagne eligible to become Expert Zen?', 'zen bretagne'],
    ['show me the history of Access Telecom', 'history access-tel'],
    ['who is the account manager of Cloudcall?', 'manager cloudcall'],
    ['how does the partner program work', 'program'],
    ['when is the next tier evaluation?', 'next-evaluation'],
    ['what do you get at Premium tier?', 'tier-benefits premium'],
    ['which of my partners are overdue?', 'list overdue'],
    ['partners who left the program pls', 'list left'],
    ['what can I ask you', 'help'],
    ['will Alpes VoIP keep its tier in January?', 'tier alpes'],
    ['Delta needs how much CA more to be Premium?', 'missing delta'],
    ['did Kappa finish all mandatory trainings?', 'obligations kappa'],
    ['difference between ambassador and operator?', 'program'],
    ['my Starter partners?', 'list tier starter'],
    ['what tier are they in?', 'clarify partner-missing'],
  ],
  acme: [
    // French
    ['on en est où avec eux ?', 'status acme'],
    ['fais le point stp', 'status acme'],
    ['ils sont a quel palier ?', 'tier acme'],
    ['risque de rétrogradation pour ce partenaire ?', 'tier acme'],
    ['combien leur manque-t-il pour passer Business ?', 'missing acme'],
    ['leurs avantages actuels', 'benefits acme'],
    ["qu'est-ce qu'ils doivent encore rendre comme documents ?", 'obligations acme'],
    ['peuvent-ils devenir Experts Zen ?', 'zen acme'],
    ['historique de leurs évaluations', 'history acme'],
    ['qui est leur manager ?', 'manager acme'],
    ['où en est Garonne IT ?', 'status garonne'],
    ["c'est quoi les frais pour un opérateur E-shop managé ?", 'program'],
    ["prochaine évaluation c'est quand", 'next-evaluation'],
    ['que donne le palier Access ?', 'tier-benefits access'],
    ["mes partenaires proches d'une montée de palier", 'list within-reach'],
    ["besoin d'aide", 'help'],
    ['leur palier et leurs devoirs ?', 'clarify intents'],
    ['et les Alpes, ils en sont où ?', 'clarify partners'],
    ['qui gère Zorglub ?', 'clarify partner-unknown'],
    // English
    ['how are they doing?', 'status acme'],
    ['how far are they from next tier in €', 'missing acme'],
    ['any BizBooster left for them?', 'benefits acme'],
    ['pending trainings?', 'obligations acme'],
    ['tier histry pls', 'history acme'],
    ['who manages this account', 'manager acme'],
    ['zen eligibility for them?', 'zen acme'],
    ['what tier is Kapa Solutions', 'tier kappa'],
    ['which partners are at risk this semester?', 'list at-risk'],
    ['what are the tier thresholds for operators?', 'program'],
    ['can u order lunch for the team', 'clarify unrecognised'],
  ],
  contact: [
    // French
    ['bonjour, où en sommes-nous ?', 'status garonne'],
    ['pouvez-vous faire le point sur notre compte svp', 'status garonne'],
    ['on est a quel palier actuellement', 'tier garonne'],
    ["est-ce qu'on risque de redescendre en Starter ?", 'tier garonne'],
    [
      "combien de chiffre d'affaires nous manque-t-il pour atteindre le palier supérieur ?",
      'missing garonne',
    ],
    ['quels avantages avons-nous ?', 'benefits garonne'],
    ['notre promo BizBooster expire quand ?', 'benefits garonne'],
    ['quelles formations nous reste-t-il à faire ?', 'obligations garonne'],
    ['sommes nous éligibles au référencement Experts Zen ?', 'zen garonne'],
    ['notre historique de paliers svp', 'history garonne'],
    ['avons-nous raté des trimestres ?', 'history garonne'],
    ['qui est notre interlocuteur chez vous ?', 'manager garonne'],
    ["c'est qui notre responsable partenaire", 'manager garonne'],
    ['comment fonctionnent les paliers ?', 'program'],
    ["quels sont les frais d'ouverture pour un opérateur ?", 'program'],
    ["c'est quand la prochaine évaluation semestrielle ?", 'next-evaluation'],
    ['avantages du palier Premium svp', 'tier-benefits premium'],
    ["vous pouvez m'aider ?", 'help'],
    ['quel est le palier de Acme Telecom ?', 'tier acme'],
    ['notre palier et nos avantages ?', 'clarify intents'],
    ['quel est le palier de Vertigo Systèmes ?', 'clarify partner-unknown'],
    ['quelle heure est-il à Montréal ?', 'clarify unrecognised'],
    // English
    ['hi, how are we doing?', 'status garonne'],
    ['what is our current tier', 'tier garonne'],
    ['how much do we miss for next level?', 'missing garonne'],
    ['which benefits we have?', 'benefits garonne'],
    ['what trainings do we still have to do', 'obligations garonne'],
    ['can we become Experts Zen?', 'zen garonne'],
    ['our tier history please', 'history garonne'],
    ['who is our partner manager?', 'manager garonne'],
    ['when will tiers be reevaluated', 'next-evaluation'],
    ['what does the Starter tier include', 'tier-benefits starter'],
    ['what are the fees for E-shop operators?', 'program'],
    ['help pls', 'help'],
    ['can you tell me how Hexa Phone is doing?', 'status hexa'],
    ['status of Alpes', 'clarify partners'],
  ],
  thread: [
    // French
    ['et niveau palier ?', 'tier delta'],
    ['et ses formations ?', 'obligations delta'],
    ['et qui le gère ?', 'manager delta'],
    ['et son historique stp', 'history delta'],
    ['il peut devenir Expert Zen ?', 'zen delta'],
    ['combien lui manque-t-il pour monter ?', 'missing delta'],
    ['et le bizbooster, il est encore actif ?', 'benefits delta'],
    ['et pour Hexa ?', 'status hexa'],
    ['même chose pour Jura Conect', 'status jura'],
    ['ok et le palier de Kappa ?', 'tier kappa'],
    ['risque-t-il de descendre ?', 'tier delta'],
    ["merci ! et c'est quand la prochaine évaluation ?", 'next-evaluation'],
    ['et le palier Premium, ça apporte quoi ?', 'tier-benefits premium'],
    ["d'accord. et quels partenaires sont en retard ?", 'list overdue'],
    ['et Euro Trnk ?', 'status euro'],
    ['et pour les Alpes ?', 'clarify partners'],
    ['et pour Polaris ?', 'clarify partner-unknown'],
    // English
    ['and its tier?', 'tier delta'],
    ['what about training?', 'obligations delta'],
    ['and who manages them', 'manager delta'],
    ['any Zen eligibility?', 'zen delta'],
    ['same question for Access Telecom', 'status access-tel'],
    ['and the history?', 'history delta'],
    ['how much is it missing for the next tier', 'missing delta'],
    ['and for Iris?', 'status iris'],
    ['same for Bretagne Comunication', 'status bretagne'],
    ['what perks do they get', 'benefits delta'],
    ['ok, and what does Business tier bring', 'tier-benefits business'],
    ['thx, how does the program work btw', 'program'],
    ['and benefits + obligations?', 'clarify intents'],
  ],
};
