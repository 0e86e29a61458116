import type { QuestionSet } from './understand.dev.js';

/**
 * Fresh questions, written blind (without the understander's patterns, its lexicon, nor the questions of
 * CORPUS, DEV or HELDOUT), to measure once how well an understander tuned on other sets generalises.
 * Same contexts as CORPUS: `dm` (staff, direct message, no partner assumed), `acme` (staff in Acme's
 * channel), `contact` (a contact of Garonne IT, in its channel), `thread` (a thread whose last question
 * was Delta Réseau's status). A contact naming another partner is understood as asking about that partner
 * (the refusal comes after understanding). Partners are those of PARTNERS (the `Expected` type checks it).
 * In each context, French first, then English: 60 French, 40 English, 12 to be asked back.
 */
export const FRESH: QuestionSet = {
  dm: [
    // French
    ['fais-moi un état des lieux de Kappa Solutons stp', 'status kappa'],
    ['a quel niveau se trouve fibre ouest', 'tier fibre'],
    ['quels avantages sont dispo pour Hexa Phone ?', 'benefits hexa'],
    ['il reste quoi comme formatons à faire chez Iris Télécom ?', 'obligations iris'],
    ['Alpes Cloud pourrait-elle être référencée Experts Zen ?', 'zen alpes-cloud'],
    ["montre-moi l'évolution des paliers de Delta Réseau depuis son arrivée", 'history delta'],
    ['combien de CA manque-t-il à Access Telecom pour passer au palier au-dessus ?', 'missing access-tel'],
    ["Bonjour, pourriez-vous m'indiquer qui gère Garonne IT ?", 'manager garonne'],
    ["c'est quoi la différence entre un ambassadeur et un opérateur ?", 'program'],
    ['que gagne un partenaire qui passe Business ?', 'tier-benefits business'],
    ['c qd la prochaine éval des paliers ?', 'next-evaluation'],
    ['tu me sors tout mon portefeuille ?', 'list'],
    ['lesquels de mes partenaires ont des devoirs en retard', 'list overdue'],
    ['qui pourrait monter de palier bientot ?', 'list within-reach'],
    ['Auriez-vous la liste des partenaires ayant quitté le programme ?', 'list left'],
    ['quels sont mes partenaires au palier Access ?', 'list tier access'],
    ['Alpes est à quel palier ?', 'clarify partners'],
    ['où en est la société Lumière Systèmes ?', 'clarify partner-unknown'],
    ['quels sont ses devoirs ?', 'clarify partner-missing'],
    ['il reste du café au 3e étage ?', 'clarify unrecognised'],
    // English
    ['quick overview of Jura Conect pls', 'status jura'],
    ['hows Iris doing these days', 'status iris'],
    ['which tier is CloudCall in right now?', 'tier cloudcall'],
    ['please can you tell me the benefits of Bretagne Comunication', 'benefits bretagne'],
    ['is Fibre Ouest eligible to the Zen experts network?', 'zen fibre'],
    ['how many money miss Alpes VoIP for the next level?', 'missing alpes'],
    ['who is the manger of Euro Trunk?', 'manager euro'],
    ['what are the opening fees for operators?', 'program'],
    ['what perks come with Premium?', 'tier-benefits premium'],
    ['which of my accounts could lose their tier this semester?', 'list at-risk'],
    ['list my Starter partners', 'list tier starter'],
    ['how do I use this bot?', 'help'],
    ['who manages Kappa and what tier are they on?', 'clarify intents'],
    ['how many euros short are they of the next level?', 'clarify partner-missing'],
  ],
  acme: [
    // French
    ['ils en sont où en ce moment, globalement ?', 'status acme'],
    ['leur palier actuel ?', 'tier acme'],
    ['quels avantges ont-ils en ce moment', 'benefits acme'],
    ['il leur reste des webinars obligatoires à suivre ?', 'obligations acme'],
    ['historiue des paliers stp', 'history acme'],
    ['combien il leur manque par mois pour monter ?', 'missing acme'],
    ['qui est le gestionnaire de ce compte ?', 'manager acme'],
    ['et Hexa Phone, ça va comment ?', 'status hexa'],
    ['Iris Télécom a quels devoirs en retard ?', 'obligations iris'],
    ["combien coûte l'ouverture d'un compte opérateur standard ?", 'program'],
    ["comment on t'utilise ?", 'help'],
    ['quand a lieu la prochaine reevaluation ?', 'next-evaluation'],
    ['Alpes, ils ont quoi comme avantages ?', 'clarify partners'],
    // English
    ["what's their tier?", 'tier acme'],
    ['did they complete their mandatory trainings?', 'obligations acme'],
    ['how far are they from the next tier', 'missing acme'],
    ['who looks after this partner?', 'manager acme'],
    ['and Kappa, what benefits do they have?', 'benefits kappa'],
    ['which partners are behind on their duties?', 'list overdue'],
    ['what does the Access tier include?', 'tier-benefits access'],
    ['how is Orion Data doing?', 'clarify partner-unknown'],
    ['tier and benefits for them?', 'clarify intents'],
  ],
  contact: [
    // French
    ['Bonjour, pourriez-vous nous faire un bilan de notre situation ?', 'status garonne'],
    ["y a un risque qu'on retombe en Starter cette année ?", 'tier garonne'],
    ['on a droit à quoi exactement ?', 'benefits garonne'],
    ["jusqu'à quand on peut utiliser le BizBooster ?", 'benefits garonne'],
    [
      'est ce que notre référent technique doit encore faire sa formation présentielle',
      'obligations garonne',
    ],
    ['pouvons-nous devenir Experts Zen ?', 'zen garonne'],
    ["on a raté des trimestres l'an dernier ?", 'history garonne'],
    ['il nous faut combien de plus par mois pour passer au palier suivant', 'missing garonne'],
    ["Garronne IT c'est quel palier ?", 'tier garonne'],
    ['et Delta Réseau, ils sont à quel palier ?', 'tier delta'],
    ['comment sont calculés les paliers ?', 'program'],
    ["vous pouvez m'aider ? je ne sais pas quoi vous demander", 'help'],
    ['notre historique et nos devoirs svp', 'clarify intents'],
    // English
    ['hello, could you give us a general picture of our account?', 'status garonne'],
    ['what benefits do we currently have?', 'benefits garonne'],
    ['what do we still need to do?', 'obligations garonne'],
    ['hey, which trainings are still pending for our sales people?', 'obligations garonne'],
    ["who's our contact person on the Dstny side", 'manager garonne'],
    ['when do the tiers get recalculated next?', 'next-evaluation'],
    ['what benefits go with the Business level?', 'tier-benefits business'],
    ['can you show Kappa Solutions status?', 'status kappa'],
    ['whats the weather like in Toulouse', 'clarify unrecognised'],
  ],
  thread: [
    // French
    ['et côté formations ?', 'obligations delta'],
    ['ok, et qui la gère ?', 'manager delta'],
    ['son historique stp', 'history delta'],
    ['il lui faut encore combien de CA pour passer au-dessus ?', 'missing delta'],
    ['elle pourrait être Expert Zen ?', 'zen delta'],
    ['quel palier du coup ?', 'tier delta'],
    ['et niveau avantages, elle a quoi', 'benefits delta'],
    ['tu peux refaire le point dessus ?', 'status delta'],
    ['même question pour Fibre Ouest', 'status fibre'],
    ['et Kappa, son palier ?', 'tier kappa'],
    ['super merci. les paliers sont revus à quelle date déjà ?', 'next-evaluation'],
    ['lesquels de mes comptes ont des formations en retard ?', 'list overdue'],
    ['lesquels de mes partenaires pourraient être rétrogradés ?', 'list at-risk'],
    ['et pour Alpes ?', 'clarify partners'],
    // English
    ['and what about training?', 'obligations delta'],
    ['what tier is it in exactly?', 'tier delta'],
    ['does it still have the BizBooster?', 'benefits delta'],
    ['show me its tier history', 'history delta'],
    ['ok and for Euro Trunk?', 'status euro'],
    ['which of my partners are Business?', 'list tier business'],
    ['how does the program work for operators?', 'program'],
    ['besides this, what are you able to answer?', 'help'],
  ],
};
