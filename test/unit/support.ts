import { loadCatalog } from '../../src/program/catalog.load.js';

export const catalog = loadCatalog();

/** '19 999.99' (euros, spaces as thousands separators) to cents. */
export function cents(euros: string): number {
  return Math.round(Number(euros.replaceAll(' ', '')) * 100);
}
