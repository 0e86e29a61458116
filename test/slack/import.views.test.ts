import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/i18n/format.js';
import { LOCALES } from '../../src/program/locales.js';
import { ImportRejected, type ImportReport } from '../../src/services/import.service.js';
import { viewContext } from '../../src/slack/views/context.js';
import {
  importPreviewModal,
  importUploadModal,
  PREVIEW_ERRORS,
} from '../../src/slack/views/import-modal.view.js';
import { MODAL_LIMITS } from '../../src/slack/views/write-modals.view.js';
import { frenchTypographyIssues } from '../support/typography.js';
import { type ModalBody, modalText } from './import.fixtures.js';

const textOf = (view: unknown) => modalText(view as ModalBody, { raw: true });

import { catalog } from './writes.fixtures.js';

const metadata = { k: 'partners', f: 'F0TEST', h: 'a'.repeat(64), n: 'partners.csv' } as const;

function report(partners: number): ImportReport {
  return {
    kind: 'partners',
    file: 'partners.csv',
    dryRun: true,
    format: 'csv',
    delimiter: ';',
    encoding: 'windows-1252',
    rows: partners,
    inserted: partners,
    updated: 0,
    unchanged: 0,
    ignoredColumns: ['<!channel>'],
    notes: [],
    tierPreview: {
      evaluationOn: '2026-07-01',
      partners: Array.from({ length: partners }, (_, i) => ({
        partnerId: `p${i}`,
        name: `<!here> Partner ${i} ${'x'.repeat(60)}`,
        before: i % 2 ? 'access' : null,
        after: 'business',
      })),
    },
  };
}

function checkLimits(view: ReturnType<typeof importUploadModal>) {
  expect(view.blocks.length).toBeLessThanOrEqual(MODAL_LIMITS.blocks);
  expect(view.title.text.length).toBeLessThanOrEqual(MODAL_LIMITS.title);
  if (view.submit) expect(view.submit.text.length).toBeLessThanOrEqual(MODAL_LIMITS.button);
  expect(view.private_metadata?.length ?? 0).toBeLessThanOrEqual(MODAL_LIMITS.privateMetadata);
  for (const block of view.blocks) {
    const text = (block as { text?: { text: string } }).text?.text ?? '';
    expect(text.length).toBeLessThanOrEqual(3000);
  }
}

describe.each(LOCALES)('the import modals in %s', (locale) => {
  const ctx = viewContext(catalog, locale, '2026-03-20');

  it('stay within Block Kit limits and escape what the file says, however long the preview', () => {
    checkLimits(importUploadModal(ctx, 20 * 1024 * 1024));
    const valid = importPreviewModal(
      ctx,
      { kind: 'valid', report: report(5000), digest: metadata.h },
      {
        name: 'partners.csv',
        metadata,
        errorFileSent: false,
      },
    );
    checkLimits(valid);
    const text = textOf(valid);
    expect(text).not.toMatch(/<!/);
    expect(text).toContain('&lt;!here&gt;');
  });

  it('show the first 20 errors of a rejected file, count the rest, and offer no Import', () => {
    const issues = Array.from({ length: 1000 }, (_, i) => ({
      line: i + 2,
      column: 'partner_id',
      problem: { code: 'partner.unknown', partner: `<!channel> bad ${i}` } as const,
    }));
    const view = importPreviewModal(
      ctx,
      { kind: 'rejected', rejection: new ImportRejected('x.csv', issues, 5000), digest: metadata.h },
      { name: 'x.csv', metadata, errorFileSent: true },
    );
    checkLimits(view);
    expect(view.submit).toBeUndefined();
    const text = textOf(view);
    expect(text).toContain(`bad ${PREVIEW_ERRORS - 1}`);
    expect(text).not.toContain(`bad ${PREVIEW_ERRORS}\n`);
    expect(text).not.toMatch(/<!/);
    expect(text).toContain(formatNumber(4980, locale));
  });
});

describe("the import preview in the admin's locale", () => {
  const notes: ImportReport['notes'] = [
    { code: 'managers-not-staff', managers: ['U0MGR1'] },
    { code: 'revenue-before-joining', lines: 2, partnerIds: ['gamma'] },
  ];
  const valid = (locale: (typeof LOCALES)[number]) =>
    textOf(
      importPreviewModal(
        viewContext(catalog, locale, '2026-03-20'),
        { kind: 'valid', report: { ...report(2), notes }, digest: metadata.h },
        { name: 'partners.csv', metadata, errorFileSent: false },
      ),
    );

  it('words the notes in French for a French admin, with French typography', () => {
    const text = valid('fr');
    expect(text).toContain(
      'Remarque\u202f: responsables partenaires absents de l’équipe Partenaires (importez l’équipe pour qu’ils puissent agir en responsables)\u202f: U0MGR1',
    );
    expect(text).toContain('2\u00a0lignes portent sur un mois antérieur à l’entrée du partenaire');
    const noteLines = text.split('\n').filter((line) => line.startsWith('Remarque'));
    expect(noteLines).toHaveLength(2);
    for (const line of noteLines)
      expect(frenchTypographyIssues(line, { ignore: ['U0MGR1', 'gamma'] })).toEqual([]);
  });

  it('and in English for an English one', () => {
    expect(valid('en')).toContain(
      'Note: managers not in the staff list (import staff to let them act as managers): U0MGR1',
    );
  });
});
