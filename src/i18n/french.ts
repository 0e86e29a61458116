/**
 * French agreement for the catalog's items: a message saying "X marquée comme faite" agrees with X's first
 * noun ("Fiche de qualification marquée comme faite", "Plan de développement marqué comme fait"). The
 * catalog's labels are the deck's words and carry no gender: it is read from the label's first word.
 */
export type Gender = 'm' | 'f' | 'mp' | 'fp';

const FIRST_WORD_GENDER: Record<string, Gender> = {
  formation: 'f',
  formations: 'fp',
  fiche: 'f',
  charte: 'f',
  communication: 'f',
  promo: 'f',
  cgas: 'fp',
  webinar: 'm',
  webinars: 'mp',
  plan: 'm',
  contrat: 'm',
  suivi: 'm',
  respect: 'm',
};

/**
 * The gender of a French catalog label (mrkdwn marks, a leading count and "«" ignored: "*1 webinar
 * obligatoire*" is masculine); undefined when the label does not start with a known noun (the Experts Zen
 * requirements start with a verb: "Valider la charte…").
 */
export function genderOf(label: string): Gender | undefined {
  const word = label
    .replace(/^[\s*_~«\u00a0\u202f]+/, '')
    .replace(/^\d+\s+/, '')
    .split(/[\s,.:;!?()]/)[0]
    ?.toLocaleLowerCase('fr');
  return word ? FIRST_WORD_GENDER[word] : undefined;
}

/** The form that agrees with `label`: forms.m for a masculine or unknown label unless `unknown` is given. */
export function agree(
  label: string,
  forms: { m: string; f: string; mp?: string; fp?: string },
  unknown: string = forms.m,
): string {
  switch (genderOf(label)) {
    case 'f':
      return forms.f;
    case 'fp':
      return forms.fp ?? forms.f;
    case 'mp':
      return forms.mp ?? forms.m;
    case 'm':
      return forms.m;
    default:
      return unknown;
  }
}

const VOWEL = /^[aeiouyàâäéèêëîïôöùûüœæ]/i;

/**
 * A word elided before a vowel: elide('de', 'Access Partner') is "d’Access Partner", elide('que', '*Access
 * Partner*') "qu’*Access Partner*", elide('le', 'Opérateur') "l’Opérateur"; else the word and a space.
 * Leading mrkdwn marks (* _ ~) are looked through.
 */
export function elide(word: 'de' | 'que' | 'le' | 'la' | 'ne' | 'je' | 'se', text: string): string {
  const start = text.replace(/^[*_~]+/, '');
  if (!VOWEL.test(start)) return `${word} ${text}`;
  return `${word === 'la' ? 'l' : word.slice(0, -1)}’${text}`;
}
