import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { waitFor } from '@vetting/platform/testing';
import type { ConsoleAccess } from '../../support/system';
import { accessibilityProblems, screenshot, signIn } from './browser';

/** What the journeys share: the running console, the browser, and the people and cases they made. */
export interface World {
  system: ConsoleAccess & { stop(): Promise<void> };
  browser: BrowserContext;
  /** A rotation of this run's own, so a re-run against a kept-running system starts afresh. */
  rotation: string;
  /** Set by the journeys as they go. */
  ids: Record<string, string>;
  /** Tokens of the set-up calls, one sign-in per account (sign-ins are rate-limited). */
  tokens: Map<string, Promise<string>>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are read field by field
export type Json = any;

/** Calls the gateway's API as a demo account (set-up steps a person would do elsewhere). */
export async function call(
  world: World,
  username: string,
  path: string,
  init: { method?: string; body?: unknown; type?: string } = {},
): Promise<{ status: number; body: Json }> {
  if (!world.tokens.has(username)) world.tokens.set(username, world.system.token(username));
  const token = await world.tokens.get(username)!;
  const res = await fetch(`${world.system.url}/api${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${token}`, 'content-type': init.type ?? 'application/json' },
    body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
  });
  const text = await res.text();
  return { status: res.status, body: text.startsWith('{') || text.startsWith('[') ? JSON.parse(text) : text };
}

/** A new page signed in as a demo account through the sign-in form. */
export async function open(world: World, username: string): Promise<Page> {
  const page = await world.browser.newPage();
  await signIn(
    page,
    world.system.url,
    username,
    world.system.password(username),
    world.system.totpSecret(username) ? () => world.system.code(username) : undefined,
  );
  return page;
}

export const nav = (page: Page, name: string | RegExp) => page.getByRole('navigation').getByRole('link', { name });

/** Every screen a journey shows: a screenshot, and no serious or critical axe-core finding. */
export async function seen(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  expect(await accessibilityProblems(page), `accessibility of ${name}`).toEqual([]);
}

/** Reloads until the page shows what the journey waits for (services work asynchronously). */
export async function reloadUntil(page: Page, shown: () => Promise<boolean>, what: string, timeoutMs = 120_000): Promise<void> {
  await waitFor(
    async () => {
      await page.reload({ waitUntil: 'networkidle' });
      return shown();
    },
    { timeoutMs, intervalMs: 1000, message: what },
  );
}

/** In the Nepali Army since 2010: the five-year employment window is accounted for. */
export const inService = { name: 'Nepali Army', role: 'Sepoy', from: '2010', nationalService: true };

export const nomination = (rotation: string, name: string, dateOfBirth: string, extra: Record<string, unknown> = {}) => ({
  nomination: { mission: 'UNMISS', rotation, category: 'military-contingent' },
  person: { names: [{ full: name }], dateOfBirth, nationalities: ['NP'], previousEmployers: [inService], ...extra },
  consent: { given: true, formVersion: 'v1', signedAt: '2026-01-01T00:00:00Z', method: 'electronic-signature' },
});
