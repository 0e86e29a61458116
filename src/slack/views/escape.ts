/**
 * Makes imported or typed text safe inside mrkdwn: Slack reads `<...>` as mentions, links and
 * `<!channel>`, and `&` starts an entity, so all three are escaped the way Slack asks (&amp; &lt; &gt;).
 * Plain-text objects (headers, button labels) are never parsed for mentions: they take the raw text.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** The reverse, for Slack's HTML-escaped command text and for rendering to a terminal. */
export function unescapeSlack(text: string): string {
  return text.replace(/&(amp|lt|gt);/g, (_, e: string) => (e === 'amp' ? '&' : e === 'lt' ? '<' : '>'));
}

const SLACK_USER_ID = /^[UW][A-Z0-9]{2,20}$/;

/**
 * A Slack user mention when the id looks like one, else the escaped text: an imported contact with a
 * malformed id must not turn into `<!here>` or a link.
 */
export function mention(slackUserId: string | null | undefined, fallbackName?: string): string {
  if (slackUserId && SLACK_USER_ID.test(slackUserId)) return `<@${slackUserId}>`;
  return escapeMrkdwn(fallbackName ?? slackUserId ?? '?');
}

/** Inline code with the text escaped, and backticks (which would close the span) replaced. */
export function code(text: string): string {
  return `\`${escapeMrkdwn(text).replace(/`/g, 'ˋ')}\``;
}
