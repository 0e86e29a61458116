const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss' };

/**
 * The form names are stored and looked up in: lower-case, accents removed (NFD, combining marks
 * stripped), ligatures spelled out, surrounding spaces trimmed and inner runs of spaces collapsed.
 * "  Société  Générale " and "societe generale" share the key "societe generale".
 */
export function searchKey(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[œæß]/g, (c) => LIGATURES[c] ?? c)
    .replace(/\s+/g, ' ')
    .trim();
}
