import { checklistKind } from './checklist.kind.js';
import { contactsKind } from './contacts.kind.js';
import type { ImportKind, ImportKindSpec } from './kind.js';
import { objectivesKind } from './objectives.kind.js';
import { partnersKind } from './partners.kind.js';
import { revenueKind } from './revenue.kind.js';
import { staffKind } from './staff.kind.js';
import { trainingsKind } from './trainings.kind.js';

export { IMPORT_KINDS, type ImportKind, isImportKind } from './kind.js';

export const KINDS: Record<ImportKind, ImportKindSpec> = {
  partners: partnersKind,
  contacts: contactsKind,
  staff: staffKind,
  revenue: revenueKind,
  trainings: trainingsKind,
  checklist: checklistKind,
  objectives: objectivesKind,
};
