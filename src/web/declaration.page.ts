import { createHash } from 'node:crypto';
import { declarationPageMessages } from '../i18n/declaration-page.js';
import { label } from '../i18n/format.js';
import { escapeHtml } from '../mail/reminders.mail.js';
import type { Locale } from '../program/catalog.schema.js';
import { type DeclarationLinkState, LINK_LIFETIME_DAYS } from '../services/declaration-links.service.js';

/** The page's only style, allowed by its hash: the policy admits no other style and no script at all. */
const STYLE = [
  'body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:36rem;margin:3rem auto;',
  'padding:0 1rem;color:#1d1d1f;line-height:1.5}',
  'dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:600}',
  'button{font:inherit;padding:.75rem 1.25rem;border:0;border-radius:.5rem;background:#0b5cad;',
  'color:#fff;cursor:pointer}.note,.signature{color:#555}',
].join('');

/**
 * Content-Security-Policy of every page: nothing loads (no script, image or frame), the one style by its
 * hash, the form posts only to this origin, and no one may frame the page.
 */
export const PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

export interface RenderedPage {
  status: number;
  html: string;
}

function page(locale: Locale, title: string, body: string[]): string {
  const m = declarationPageMessages[locale];
  return [
    '<!doctype html>',
    `<html lang="${locale}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex, nofollow">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${escapeHtml(title)}</h1>`,
    ...body,
    `<p class="signature">${escapeHtml(m.signature)}</p>`,
    '</main>',
    '</body>',
    '</html>',
  ].join('\n');
}

const paragraph = (text: string, className?: string) =>
  `<p${className ? ` class="${className}"` : ''}>${escapeHtml(text)}</p>`;

/**
 * The HTML for what a link leads to. The form posts to the page's own address (an empty action) with the
 * token in its body: a GET never changes anything.
 */
export function declarationPage(state: DeclarationLinkState, token: string): RenderedPage {
  const m = declarationPageMessages[state.locale];
  switch (state.status) {
    case 'open': {
      const training = label(state.training.label, state.locale);
      return {
        status: 200,
        html: page(state.locale, m.title, [
          paragraph(m.intro(state.contact.name)),
          '<dl>',
          `<dt>${escapeHtml(m.partner)}</dt><dd>${escapeHtml(state.partner.name)}</dd>`,
          `<dt>${escapeHtml(m.contact)}</dt><dd>${escapeHtml(state.contact.name)}</dd>`,
          `<dt>${escapeHtml(m.training)}</dt><dd>${escapeHtml(training)}</dd>`,
          '</dl>',
          '<form method="post" action="">',
          `<input type="hidden" name="token" value="${escapeHtml(token)}">`,
          `<button type="submit">${escapeHtml(m.button)}</button>`,
          '</form>',
          paragraph(m.note, 'note'),
        ]),
      };
    }
    case 'declared': {
      const training = label(state.training.label, state.locale);
      const text = state.outcome === 'already-done' ? m.alreadyDone(training) : m.declared(training);
      return { status: 200, html: page(state.locale, m.declaredTitle, [paragraph(text)]) };
    }
    case 'invalid':
      return { status: 400, html: page(state.locale, m.invalidTitle, [paragraph(m.invalid)]) };
    case 'unknown':
      return { status: 404, html: page(state.locale, m.invalidTitle, [paragraph(m.invalid)]) };
    case 'expired':
      return {
        status: 410,
        html: page(state.locale, m.expiredTitle, [paragraph(m.expired(LINK_LIFETIME_DAYS))]),
      };
    case 'used':
      return { status: 410, html: page(state.locale, m.usedTitle, [paragraph(m.used)]) };
    case 'gone':
      return { status: 410, html: page(state.locale, m.goneTitle, [paragraph(m.gone)]) };
  }
}

/** A page for a request the server could not serve (status 4xx/5xx), in `locale`. */
export function errorPage(locale: Locale, status: number): RenderedPage {
  const m = declarationPageMessages[locale];
  return status >= 500
    ? { status, html: page(locale, m.errorTitle, [paragraph(m.error)]) }
    : { status, html: page(locale, m.invalidTitle, [paragraph(m.invalid)]) };
}
