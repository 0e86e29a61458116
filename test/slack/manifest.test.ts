import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PARTNER_SUBCOMMANDS } from './subcommands.fixtures.js';

interface Manifest {
  display_information: { name: string };
  features: {
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean };
    bot_user: { display_name: string; always_online: boolean };
    slash_commands: { command: string; description: string; usage_hint: string; should_escape: boolean }[];
  };
  oauth_config: { scopes: { bot: string[]; user?: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[]; request_url: string };
    interactivity: { is_enabled: boolean; request_url: string };
    socket_mode_enabled: boolean;
  };
}

const manifest = parse(readFileSync(new URL('../../manifest.yml', import.meta.url), 'utf8')) as Manifest;

describe('the Slack app manifest', () => {
  it('is partner-bot, always online, with a Home tab and a Messages tab', () => {
    expect(manifest.display_information.name).toBe('partner-bot');
    expect(manifest.features.bot_user).toEqual({ display_name: 'partner-bot', always_online: true });
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    // Questions are typed there.
    expect(
      (manifest.features.app_home as { messages_tab_read_only_enabled?: boolean })
        .messages_tab_read_only_enabled,
    ).toBe(false);
  });

  it('has an assistant panel with a description and suggested prompts', () => {
    const view = (
      manifest.features as {
        assistant_view?: { assistant_description: string; suggested_prompts: unknown[] };
      }
    ).assistant_view;
    expect(view?.assistant_description).toBeTruthy();
    expect(view?.suggested_prompts.length).toBeGreaterThan(0);
  });

  it('declares /partner with its subcommands, unescaped', () => {
    expect(manifest.features.slash_commands).toHaveLength(1);
    const [command] = manifest.features.slash_commands;
    expect(command?.command).toBe('/partner');
    expect(command?.description).toBeTruthy();
    expect(command?.should_escape).toBe(false);
    for (const sub of PARTNER_SUBCOMMANDS) {
      expect(command?.usage_hint).toContain(sub);
    }
  });

  it("subscribes to app_home_opened, the assistant's events and the channels' sharing, and turns interactivity on", () => {
    expect(manifest.settings.event_subscriptions.bot_events).toEqual([
      'app_home_opened',
      'app_mention',
      'message.im',
      'assistant_thread_started',
      'assistant_thread_context_changed',
      'channel_shared',
      'channel_unshared',
    ]);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });

  it('asks for the least privileges, each justified in the manifest, and nothing else', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([
      'app_mentions:read',
      'assistant:write',
      'channels:history',
      'channels:read',
      'chat:write',
      'commands',
      'files:read',
      'files:write',
      'groups:history',
      'groups:read',
      'im:history',
      'im:write',
      'users:read',
      'users:read.email',
    ]);
    expect(manifest.oauth_config.scopes.user).toBeUndefined();
  });

  it('points every request URL at /slack/events', () => {
    const urls = [
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
      ...manifest.features.slash_commands.map((c) => (c as { url?: string }).url),
    ];
    for (const url of urls) expect(url).toMatch(/^https:\/\/[^/]+\/slack\/events$/);
  });
});
