import type { types } from '@slack/bolt';
import { formatDate, formatNumber, plural } from '../../i18n/format.js';
import { type ImportExportMessages, importExportMessages } from '../../i18n/import-export.js';
import { describeNote, describeProblem } from '../../i18n/import-issues.js';
import { ENCODING_NAMES } from '../../import/decode.js';
import type { Locale } from '../../program/catalog.schema.js';
import { IMPORT_KINDS, type ImportReport } from '../../services/import.service.js';
import type { SlackImportOutcome } from '../../services/slack-import.service.js';
import { encodeValue, IMPORT_CALLBACK_IDS, IMPORT_FIELDS, type ImportMetadata } from '../ids.js';
import { context, type KnownBlock, lineSections, type ModalView, section } from './blocks.js';
import { fmt, type ViewContext } from './context.js';
import { code, escapeMrkdwn } from './escape.js';
import { MODAL_LIMITS, modalShell, plain } from './write-modals.view.js';

/** What Slack's file_input accepts here (its own check is a convenience: the content decides, open-file.ts). */
export const IMPORT_FILE_TYPES = ['csv', 'tsv', 'txt', 'xlsx'] as const;
/** Errors shown in the preview; the rest are counted (and all of them are in the rejected-lines file). */
export const PREVIEW_ERRORS = 20;
/** Partners whose tier change is listed in the preview. */
const PREVIEW_TIERS = 40;

const messages = (ctx: Pick<ViewContext, 'locale'>): ImportExportMessages => importExportMessages[ctx.locale];

/** "1,5 MB" / "1.5 MB". */
export function formatSize(bytes: number, locale: Locale): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 0.1) return `${formatNumber(Math.round(mb * 10) / 10, locale)} ${locale === 'fr' ? 'Mo' : 'MB'}`;
  return `${formatNumber(Math.max(1, Math.round(bytes / 1024)), locale)} ${locale === 'fr' ? 'ko' : 'KB'}`;
}

/** `/partner import`: what the file holds and the file (one; csv, tsv, txt or xlsx). */
export function importUploadModal(ctx: Pick<ViewContext, 'locale'>, maxBytes: number): ModalView {
  const m = messages(ctx);
  const kindSelect: types.StaticSelect = {
    type: 'static_select',
    action_id: IMPORT_FIELDS.kind,
    options: IMPORT_KINDS.map((kind) => ({
      text: plain(m.kinds[kind], MODAL_LIMITS.optionText),
      value: kind,
    })),
  };
  const fileInput = {
    type: 'file_input',
    action_id: IMPORT_FIELDS.file,
    filetypes: [...IMPORT_FILE_TYPES],
    max_files: 1,
  } as unknown as types.InputBlockElement;
  return modalShell({
    callbackId: IMPORT_CALLBACK_IDS.upload,
    title: m.modal.title,
    submit: m.modal.check,
    close: m.modal.cancel,
    blocks: [
      section(m.modal.intro),
      { type: 'input', block_id: IMPORT_FIELDS.kind, label: plain(m.modal.kind), element: kindSelect },
      {
        type: 'input',
        block_id: IMPORT_FIELDS.file,
        label: plain(m.modal.file),
        hint: plain(m.modal.fileHint(formatSize(maxBytes, ctx.locale))),
        element: fileInput,
      },
    ],
  });
}

/** While the file is read: what is being done, updated when it takes long. */
export function importProgressModal(
  ctx: Pick<ViewContext, 'locale'>,
  fileName: string,
  step: string,
  /** Seconds since the file was submitted, once it takes long. */
  elapsedSeconds?: number,
): ModalView {
  const m = messages(ctx);
  const elapsed =
    elapsedSeconds === undefined ? [] : [m.progress.elapsed(formatNumber(elapsedSeconds, ctx.locale))];
  return modalShell({
    callbackId: IMPORT_CALLBACK_IDS.upload,
    title: m.modal.title,
    close: m.modal.close,
    blocks: [
      section(m.progress.reading(code(fileName))),
      section(step),
      context(...elapsed, m.progress.patience),
    ],
  });
}

/** A short outcome that ends the import (refused file, Slack failure, done). */
export function importMessageModal(ctx: Pick<ViewContext, 'locale'>, texts: string[]): ModalView {
  const m = messages(ctx);
  return modalShell({
    callbackId: IMPORT_CALLBACK_IDS.upload,
    title: m.modal.title,
    close: m.modal.close,
    blocks: texts.map((text) => section(text)),
  });
}

/** "CSV, Windows-1252, semicolon" or "xlsx, sheet Revenue". */
function sourceOf(ctx: Pick<ViewContext, 'locale'>, report: ImportReport): string {
  const s = messages(ctx).source;
  if (report.format === 'xlsx') return s.sheet(escapeMrkdwn(report.sheet ?? ''));
  return [
    s.csv,
    report.encoding && ENCODING_NAMES[report.encoding],
    report.delimiter && s.separators[report.delimiter],
  ]
    .filter(Boolean)
    .join(', ');
}

function tierName(ctx: ViewContext, tier: string): string {
  return escapeMrkdwn(fmt(ctx).tier(tier));
}

/** The report's summary lines: what was read, how many rows, what the file changes. */
function reportBlocks(ctx: ViewContext, report: ImportReport, fileName: string): KnownBlock[] {
  const m = messages(ctx);
  const n = (x: number) => formatNumber(x, ctx.locale);
  const blocks: KnownBlock[] = [
    section(
      m.preview.summary(
        escapeMrkdwn(m.kinds[report.kind]),
        code(fileName),
        sourceOf(ctx, report),
        plural(report.rows, m.preview.rows, ctx.locale),
      ),
    ),
  ];
  if (report.dryRun)
    blocks.push(section(m.preview.counts(report.inserted, report.updated, report.unchanged)));
  if (report.ignoredColumns.length)
    blocks.push(context(m.preview.ignoredColumns(report.ignoredColumns.map(code).join(', '))));
  for (const note of report.notes.slice(0, 5))
    blocks.push(context(m.preview.note(escapeMrkdwn(describeNote(note, ctx.locale)))));
  if (report.tierPreview) {
    const { evaluationOn, partners } = report.tierPreview;
    const moved = partners.filter((p) => p.before !== p.after).length;
    blocks.push(
      section(
        m.preview.tiersTitle(
          formatDate(evaluationOn, ctx.locale),
          plural(moved, m.preview.moved, ctx.locale),
        ),
      ),
    );
    const lines = partners
      .slice(0, PREVIEW_TIERS)
      .map((p) =>
        m.preview.tierLine(
          `${escapeMrkdwn(p.name)} (${code(p.partnerId)})`,
          p.before === null ? m.preview.newPartner : tierName(ctx, p.before),
          tierName(ctx, p.after),
        ),
      );
    blocks.push(...lineSections(lines, { maxBlocks: 5, more: (k) => m.preview.moreTiers(n(k)) }));
    if (partners.length > PREVIEW_TIERS)
      blocks.push(context(m.preview.moreTiers(n(partners.length - PREVIEW_TIERS))));
  }
  return blocks;
}

/**
 * The preview: a valid file shows what it changes, with "Import" (the preview's metadata names the file
 * and its digest); a file with errors shows the first 20 by line and column, and no "Import".
 */
export function importPreviewModal(
  ctx: ViewContext,
  outcome: SlackImportOutcome,
  file: { name: string; metadata: ImportMetadata; errorFileSent: boolean },
): ModalView {
  const m = messages(ctx);
  if (outcome.kind === 'valid') {
    return modalShell({
      callbackId: IMPORT_CALLBACK_IDS.preview,
      title: m.modal.previewTitle,
      submit: m.modal.import,
      close: m.modal.cancel,
      privateMetadata: encodeValue(file.metadata),
      blocks: [...reportBlocks(ctx, outcome.report, file.name), context(m.preview.confirm)],
    });
  }
  return modalShell({
    callbackId: IMPORT_CALLBACK_IDS.preview,
    title: m.modal.previewTitle,
    close: m.modal.close,
    blocks: rejectionBlocks(ctx, outcome, file.errorFileSent),
  });
}

function rejectionBlocks(
  ctx: ViewContext,
  outcome: Extract<SlackImportOutcome, { kind: 'rejected' }>,
  errorFileSent: boolean,
): KnownBlock[] {
  const m = messages(ctx);
  const n = (x: number) => formatNumber(x, ctx.locale);
  const { rejection } = outcome;
  const shown = rejection.issues.slice(0, PREVIEW_ERRORS);
  const lines = shown.map((issue) =>
    m.rejected.line(
      m.rejected.where(
        issue.line === undefined ? undefined : n(issue.line),
        issue.column && code(issue.column),
      ),
      escapeMrkdwn(describeProblem(issue.problem, ctx.locale)),
    ),
  );
  const blocks: KnownBlock[] = [
    section(m.rejected.title(plural(rejection.issueCount, m.rejected.errors, ctx.locale))),
  ];
  if (rejection.issueCount > shown.length) blocks.push(section(m.rejected.firstErrors(n(shown.length))));
  blocks.push(...lineSections(lines, { maxBlocks: 5, more: (k) => m.rejected.more(n(k)) }));
  if (rejection.issueCount > shown.length)
    blocks.push(context(m.rejected.more(n(rejection.issueCount - shown.length))));
  if (errorFileSent) blocks.push(section(m.rejected.fileSent));
  blocks.push(context(m.rejected.fix));
  return blocks;
}

/** After "Import": what was written. */
export function importDoneModal(ctx: ViewContext, report: ImportReport, fileName: string): ModalView {
  const m = messages(ctx);
  return importMessageModal(ctx, [
    m.done.title,
    m.done.counts(
      escapeMrkdwn(m.kinds[report.kind]),
      code(fileName),
      report.inserted,
      report.updated,
      report.unchanged,
    ),
  ]);
}

/** After "Import" of a file that no longer passes (the data changed since the preview). */
export function importRefusedModal(
  ctx: ViewContext,
  outcome: Extract<SlackImportOutcome, { kind: 'rejected' }>,
  errorFileSent: boolean,
): ModalView {
  return { ...importMessageModal(ctx, []), blocks: rejectionBlocks(ctx, outcome, errorFileSent) };
}
