import type { Locale } from '../program/locales.js';
import { SLACK_MARKUP, words } from './partner-index.js';

/**
 * Words only one of the languages uses, accents left out as `words` leaves them out. Left out on purpose:
 * words both use or that partner names carry ("a", "on", "en"... "me", "it" of "Garonne IT", "status",
 * "partner", "manager", "obligations", "zen", "webinar").
 */
const MARKERS: Record<Locale, ReadonlySet<string>> = {
  fr: new Set(
    `le la les l des du de d au aux un une et ou est sont ce cette ces ca c qui que qu quoi quel quelle quels
    quelles quand comment combien pourquoi nous nos notre vous vos votre leur leurs mes mon ma je j il elle ils
    elles pour sur avec dans chez pas ne n y reste restent encore faire fait faut doit doivent devons avons
    avez ont sommes suis etes bonjour merci svp stp plait deja aussi ses son sa se lui palier paliers statut
    avantages avantage devoirs devoir formations formation programme prochaine prochain reevaluation
    partenaires partenaire historique responsable manque manquent retard mois semestre trimestre
    niveau dernier derniere quelqu chose tous toutes peut peuvent risque risquent descendre monter passer
    suivant superieur gagne apporte droit liste moi toi eux`.split(/\s+/),
  ),
  en: new Set(
    `the of for to in at is are was were what which who when how why does do did has have our your
    their my we they this that these those with about from and or any still please thanks thank hello tier
    tiers benefits benefit trainings training history next list partners owe owes missing left much many can
    could should show tell give where get us them its his her overdue due demoted promoted drop reach
    close keep lose month months quarter semester review doing done yet need needs must`.split(/\s+/),
  ),
};

/**
 * The language a question is written in, by the words only one language uses (a partner's name counts
 * little: at most a word or two among the question's); undefined when neither has more of them.
 */
export function writtenIn(text: string): Locale | undefined {
  const counts = new Map<Locale, number>();
  for (const word of words(text.replace(SLACK_MARKUP, ' ')))
    for (const [locale, markers] of Object.entries(MARKERS) as [Locale, ReadonlySet<string>][])
      if (markers.has(word)) counts.set(locale, (counts.get(locale) ?? 0) + 1);
  const [first, second] = [...counts].sort((a, b) => b[1] - a[1]);
  return first && (!second || first[1] > second[1]) ? first[0] : undefined;
}
