import type { QuestionSet } from './understand.dev.js';

/**
 * Held-out questions, written blind like DEV (test/unit/understand.dev.ts) but different from it: they
 * measure the understander after it was tuned on DEV, so whoever tunes it must never read this file.
 * Same contexts and conventions as DEV; in each context, French first, then English.
 */
export const HELDOUT: QuestionSet = {
  dm: [
    // French
    ['dis-moi comment va Iris Telecom', 'status iris'],
    ["Access Telecom, c'est quel palier déjà ?", 'tier access-tel'],
    ['Cloudcall risque une descente de palier ?', 'tier cloudcall'],
    ['quel écart reste-t-il à Bretagnne pour atteindre Premium ?', 'missing bretagne'],
    ['de quels avantages profite Alpes Cloud SAS ?', 'benefits alpes-cloud'],
    ['quels documents Delta doit encore nous envoyer ?', 'obligations delta'],
    ['Hexa remplit les conditions Experts Zen ?', 'zen hexa'],
    ['à qui est rattaché Euro Trunck ?', 'manager euro'],
    ['quels sont les types de partenariat ?', 'program'],
    ['dans combien de jours les paliers changent ?', 'next-evaluation'],
    ['les Premium ont quels avantages en plus ?', 'tier-benefits premium'],
    ['montre-moi mon portefeulle', 'list'],
    ['combien de mes partenaires sont en Starter ?', 'list tier starter'],
    ['combien il lui manque ?', 'clarify partner-missing'],
    ['qui gère Alpes ?', 'clarify partners'],
    ['fais le point sur Lumen Voice', 'clarify partner-unknown'],
    // English
    ['quick status on Alpes VoIP?', 'status alpes'],
    ['whats Jura Connect tier', 'tier jura'],
    ['gap to the next tier for Hexa Phon?', 'missing hexa'],
    ['which advantages has Euro Trunk got', 'benefits euro'],
    ['anything overdue for Iriss?', 'obligations iris'],
    ['past tiers of Kappa Solutions', 'history kappa'],
    ['any partner about to be promoted?', 'list within-reach'],
    ['list my partners in the Business tier', 'list tier business'],
    ['show the partners that left us', 'list left'],
    ['Fibre Ouest evaluation history', 'history fibre'],
    ['give me some example questions', 'help'],
    ['who could drop a tier in January?', 'list at-risk'],
    ['asdfgh', 'clarify unrecognised'],
  ],
  acme: [
    // French
    ['ça donne quoi pour ce partenaire ?', 'status acme'],
    ['ils sont toujours Business ?', 'tier acme'],
    ['quel CA mensuel de plus faut-il pour le palier suivant ?', 'missing acme'],
    ['des choses en retard de leur côté ?', 'obligations acme'],
    ['qui est en charge de ce partenaire chez nous ?', 'manager acme'],
    ['ils étaient à quel palier le semestre dernier ?', 'history acme'],
    ["ils bénéficient de quoi aujourd'hui ?", 'benefits acme'],
    ["c'est quoi un partenaire opérateur ?", 'program'],
    ['leur historique et leur manager ?', 'clarify intents'],
    // English
    ['give me the full card for this partner', 'status acme'],
    ['what do they lack to be listed as Expert Zen', 'zen acme'],
    ['what promos can they use right now?', 'benefits acme'],
    ['how long until the tiers are recomputed', 'next-evaluation'],
    ['list the benefits of the Business tier', 'tier-benefits business'],
    ['who has overdue items in my portfolio?', 'list overdue'],
    ['can you tell me a joke', 'clarify unrecognised'],
  ],
  contact: [
    // French
    ['un récap de notre situation svp', 'status garonne'],
    ['on est Business ou pas encore ?', 'tier garonne'],
    ['on est loin du palier Premium en euros ?', 'missing garonne'],
    ['le Commercial dédié, on y a droit ?', 'benefits garonne'],
    ['on a des documents à renvoyer ?', 'obligations garonne'],
    ['quelles conditions Experts Zen il nous manque ?', 'zen garonne'],
    ['le nom de notre chargé de compte ?', 'manager garonne'],
    ['vous pouvez me présenter le programme partenaires ?', 'program'],
    ["la prochaine réévaluation, c'est le 1er janvier ?", 'next-evaluation'],
    ['historique de Jura stp', 'history jura'],
    ['quel est le palier de Sirius Net ?', 'clarify partner-unknown'],
    // English
    ['overview of our partnership pls', 'status garonne'],
    ['is our tier safe?', 'tier garonne'],
    ['is our qualification form still missing?', 'obligations garonne'],
    ['who should I contact at Dstny about our account', 'manager garonne'],
    ['tell me about the benefits of the Access tier', 'tier-benefits access'],
    ['what commands do you understand', 'help'],
    ['who is our manager and when is the next evaluation?', 'clarify intents'],
  ],
  thread: [
    // French
    ["et qu'est-ce qu'il doit encore faire ?", 'obligations delta'],
    ['il est à quel palier du coup ?', 'tier delta'],
    ['et en euros, il est loin du palier du dessus ?', 'missing delta'],
    ['il a eu quels paliers avant ?', 'history delta'],
    ['qui est le manager de Delta ?', 'manager delta'],
    ['pareil pour Garonne', 'status garonne'],
    ['et chez Alpes Cloud ?', 'status alpes-cloud'],
    ['il a droit aux Journées Partenaires ?', 'benefits delta'],
    ['il coche toutes les cases Experts Zen ?', 'zen delta'],
    ['qui sont mes partenaires au palier Access ?', 'list tier access'],
    ['Euro Trunk aussi stp', 'status euro'],
    ['et pour Nebula ?', 'clarify partner-unknown'],
    // English
    ['does it have any overdue obligations?', 'obligations delta'],
    ['which quarters did it miss?', 'history delta'],
    ['tier?', 'tier delta'],
    ['explain me the tiers of the program', 'program'],
    ['the Alpes partner, what tier?', 'clarify partners'],
  ],
};
