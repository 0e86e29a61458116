import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { type Catalog, catalogSchema } from './catalog.schema.js';

export const DEFAULT_CATALOG_PATH = fileURLToPath(new URL('./catalog.yml', import.meta.url));

export class CatalogError extends Error {
  constructor(
    readonly path: string,
    readonly problems: string[],
  ) {
    super(`The program catalog ${path} is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'CatalogError';
  }
}

/** Validates catalog data, naming every bad field. */
export function parseCatalog(data: unknown, path = '<catalog>'): Catalog {
  const result = catalogSchema.safeParse(data);
  if (!result.success) {
    throw new CatalogError(
      path,
      result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
    );
  }
  return result.data;
}

export function loadCatalog(path: string = DEFAULT_CATALOG_PATH): Catalog {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new CatalogError(path, [
      `cannot read the file (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
    ]);
  }
  let data: unknown;
  try {
    data = parse(text);
  } catch (err) {
    throw new CatalogError(path, [`not valid YAML: ${(err as Error).message.split('\n')[0]}`]);
  }
  return parseCatalog(data, path);
}
