import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Deps } from '../deps.js';
import {
  DECLARE_PATH,
  type DeclarationLinkDeps,
  openDeclarationLink,
  useDeclarationLink,
} from '../services/declaration-links.service.js';
import { BodyTooLargeError, readBody, type WebRoutes } from '../slack/receiver.js';
import { declarationPage, errorPage, PAGE_CSP, type RenderedPage } from './declaration.page.js';

/** The form carries one token (about 170 characters): anything much larger is not our form. */
const FORM_LIMIT_BYTES = 2 * 1024;
const FORM_TIMEOUT_MS = 5_000;
const FORM = 'application/x-www-form-urlencoded';

/** Headers of every page: never cached (a link's state changes), never framed, no referrer carrying the token. */
const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'content-security-policy': PAGE_CSP,
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
};

function answer(res: ServerResponse, page: RenderedPage, head: boolean, extra: Record<string, string> = {}) {
  if (res.headersSent) return;
  const body = Buffer.from(page.html, 'utf8');
  res.writeHead(page.status, { ...PAGE_HEADERS, 'content-length': String(body.length), ...extra });
  res.end(head ? undefined : body);
}

const isForm = (type: string | undefined) => type?.split(';')[0]?.trim().toLowerCase() === FORM;

/**
 * GET|HEAD /declare/<token> shows what the link leads to and changes nothing (mail scanners and previews
 * follow links); POST /declare/<token>, a form with the same token in its body, records the declaration.
 * Anything else on /declare/ is refused with a page: 405 (other methods), 415 (not a form), 413 (a body
 * over FORM_LIMIT_BYTES), 400 (token missing or not the address's). Undefined without LINK_SECRET.
 */
export function createDeclarationRoutes(
  deps: Pick<Deps, 'db' | 'catalog' | 'config' | 'now' | 'today' | 'logger'>,
): WebRoutes | undefined {
  const secret = deps.config.LINK_SECRET;
  if (!secret) return undefined;
  const links: DeclarationLinkDeps = { catalog: deps.catalog, secret, locale: deps.config.LOCALE };
  const locale = deps.config.LOCALE;

  async function post(req: IncomingMessage, res: ServerResponse, token: string) {
    // Refused unread: the connection is closed rather than left holding the rest of the body.
    const close = { connection: 'close' };
    if (!isForm(req.headers['content-type'])) return answer(res, errorPage(locale, 415), false, close);
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > FORM_LIMIT_BYTES) return answer(res, errorPage(locale, 413), false, close);
    let raw: string;
    try {
      const read = await readBody(req, FORM_LIMIT_BYTES, FORM_TIMEOUT_MS);
      raw = Buffer.concat(read.chunks, read.size).toString('utf8');
    } catch (error) {
      const status = error instanceof BodyTooLargeError ? 413 : 400;
      return answer(res, errorPage(locale, status), false, close);
    }
    const given = new URLSearchParams(raw).get('token');
    if (given !== token) return answer(res, errorPage(locale, 400), false);
    const state = await useDeclarationLink(deps.db, links, { token, now: deps.now(), today: deps.today() });
    if (state.status === 'declared')
      deps.logger.info(
        `Declaration link used: contact ${state.contact.id}, ${state.training.code} (${state.outcome})`,
      );
    answer(res, declarationPage(state, token), false);
  }

  return (req, res, path, method) => {
    if (!path.startsWith(DECLARE_PATH)) return false;
    const token = path.slice(DECLARE_PATH.length);
    const work =
      method === 'GET' || method === 'HEAD'
        ? openDeclarationLink(deps.db, links, { token, now: deps.now() }).then((state) =>
            answer(res, declarationPage(state, token), method === 'HEAD'),
          )
        : method === 'POST'
          ? post(req, res, token)
          : Promise.resolve(
              answer(res, errorPage(locale, 405), false, { allow: 'GET, HEAD, POST', connection: 'close' }),
            );
    work.catch((error: unknown) => {
      // Never the token in a log line: it is the link's credential.
      deps.logger.error(
        `The declaration page failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      answer(res, errorPage(locale, 500), method === 'HEAD');
    });
    return true;
  };
}
