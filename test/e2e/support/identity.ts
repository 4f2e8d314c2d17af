import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import {
  type CreateUser,
  enrollmentCodeSchema,
  sessionSchema,
  type UserAccount,
  userAccountSchema,
} from '../../../src/domain/auth/api.ts';
import type { UserRole } from '../../../src/domain/users.ts';
import { MENU_STRINGS } from '../../../src/ui/access/menu-strings.ts';
import { ACCESS_STRINGS } from '../../../src/ui/access/strings.ts';
import type { Lang } from '../../../src/ui/i18n.ts';
import { administratorSession, bearer, type ServerWithSetupCode, TEST_PASSWORD } from '../../support/identity.ts';

/**
 * Identity for the end-to-end tests (issue 7): the server set up through its API with the code it
 * printed, accounts made through the API, and the page's device enrolled and signed in through the
 * app's own screens — the way a person does it, only faster.
 */

export interface TestUser {
  id: string;
  username: string;
  name: string;
  role: UserRole;
  password: string;
  pin: string;
}

/** The server's first administrator (made once per server process): a session token for API calls. */
export function adminToken(server: ServerWithSetupCode): Promise<string> {
  return administratorSession(server);
}

/** Makes an account through the API, as an administrator would in the users screen. */
export async function createUser(
  server: ServerWithSetupCode,
  user: { username: string; name: string; role: UserRole; pin: string },
): Promise<TestUser> {
  const body: CreateUser = { username: user.username, name: user.name, role: user.role, password: TEST_PASSWORD };
  const response = await fetch(`${server.url}/api/v1/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...bearer(await adminToken(server)) },
    body: JSON.stringify(body),
  });
  if (response.status !== 201)
    throw new Error(`creating ${user.username} failed: ${response.status} ${await response.text()}`);
  const account: UserAccount = userAccountSchema.parse(await response.json());
  return { ...user, id: account.id, password: TEST_PASSWORD };
}

/**
 * A one-time enrollment code and the link its QR code holds, made by the administrator (or by the
 * holder of `sessionToken`, e.g. an administrator who set the server up through the app).
 */
export async function enrollmentCode(
  server: ServerWithSetupCode,
  label = 'E2E-platta',
  sessionToken?: string,
): Promise<{ code: string; enrollUrl: string }> {
  const response = await fetch(`${server.url}/api/v1/devices/enrollment-codes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...bearer(sessionToken ?? (await adminToken(server))) },
    body: JSON.stringify({ label }),
  });
  if (response.status !== 201) throw new Error(`no enrollment code: ${response.status} ${await response.text()}`);
  return enrollmentCodeSchema.parse(await response.json());
}

/** Signs in over the API (not on a device): a session token. */
export async function sessionOf(server: ServerWithSetupCode, username: string, password: string): Promise<string> {
  const response = await fetch(`${server.url}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${username}: ${response.status} ${await response.text()}`);
  return sessionSchema.parse(await response.json()).token;
}

/** Loads the demo data set as the administrator (POST /demo needs one now). */
export async function loadDemo(server: ServerWithSetupCode): Promise<void> {
  const response = await fetch(`${server.url}/api/v1/demo`, {
    method: 'POST',
    headers: bearer(await adminToken(server)),
  });
  if (response.status !== 200) throw new Error(`demo data: ${response.status} ${await response.text()}`);
}

/** Opens the link of an enrollment QR code on the page's device and enrolls it; ends on the user picker. */
export async function enrollByLink(
  page: Page,
  server: ServerWithSetupCode,
  lang: Lang = 'en',
  label?: string,
): Promise<void> {
  const t = ACCESS_STRINGS[lang];
  const { enrollUrl } = await enrollmentCode(server, label);
  await page.goto(enrollUrl);
  const field = page.getByRole('textbox', { name: t.welcome.code });
  await expect.poll(() => field.inputValue()).not.toBe('');
  await page.getByRole('button', { name: t.welcome.enroll }).click();
  await expect.poll(() => page.getByTestId('user-picker').count(), { timeout: 15_000 }).toBe(1);
}

/**
 * A user's first sign-in on the enrolled device (online, with the password), then the PIN they
 * choose; ends signed in, on the start screen.
 */
export async function firstSignIn(page: Page, user: TestUser, lang: Lang = 'en'): Promise<void> {
  const t = ACCESS_STRINGS[lang];
  await page.getByRole('button', { name: t.picker.firstTime }).click();
  await page.getByRole('textbox', { name: t.signIn.username }).fill(user.username);
  await page.getByLabel(t.signIn.password, { exact: true }).fill(user.password);
  await page.getByRole('button', { name: t.signIn.submit, exact: true }).click();
  await page.getByLabel(t.choosePin.pin, { exact: true }).fill(user.pin);
  await page.getByLabel(t.choosePin.again, { exact: true }).fill(user.pin);
  await page.getByRole('button', { name: t.choosePin.save }).click();
  await expectSignedIn(page, user, lang);
}

/** Signs in on the user picker with a PIN (no network needed). */
export async function signInWithPin(
  page: Page,
  user: Pick<TestUser, 'name' | 'pin'>,
  lang: Lang = 'en',
): Promise<void> {
  const t = ACCESS_STRINGS[lang];
  await page.getByTestId('known-user').filter({ hasText: user.name }).click();
  await page.getByLabel(t.pin.label(user.name)).fill(user.pin);
  await page.getByRole('button', { name: t.pin.open, exact: true }).click();
  await expectSignedIn(page, user, lang);
}

/** "Switch user" in the nav: back to the user picker, the user's PIN kept for next time. */
export async function switchUser(page: Page, lang: Lang = 'en'): Promise<void> {
  await page.getByRole('button', { name: MENU_STRINGS[lang].switchUser }).click();
  await expect.poll(() => page.getByTestId('user-picker').count()).toBe(1);
}

export async function expectSignedIn(page: Page, user: Pick<TestUser, 'name'>, lang: Lang = 'en'): Promise<void> {
  await expect
    .poll(() => page.getByTestId('signed-in-user').textContent(), { timeout: 15_000 })
    .toContain(MENU_STRINGS[lang].signedIn(user.name));
}

let provisioned = 0;

/**
 * A counting device in one go, for tests about something else: the server set up, a counter made,
 * the page's device enrolled by its link, the counter signed in with a PIN chosen. Ends on the start
 * screen, signed in. The origin's service worker is installed by then, as after any first visit.
 */
export async function provisionCountingDevice(
  page: Page,
  server: ServerWithSetupCode,
  { lang = 'en', role = 'counter' }: { lang?: Lang; role?: UserRole } = {},
): Promise<TestUser> {
  // One server may serve several devices in a test file: each gets its own person.
  const username = `anna.${++provisioned}`;
  const user = await createUser(server, { username, name: 'Anna Berg', role, pin: '482913' });
  await enrollByLink(page, server, lang);
  await firstSignIn(page, user, lang);
  return user;
}

/** Polls `check` every 50 ms until it holds, as `expect.poll` would; throws naming `what` after `timeoutMs`. */
async function until(what: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * `provisionCountingDevice` for scripts that run outside vitest — the benchmarks (`npm run bench`
 * runs them with tsx), where vitest's `expect.poll` fails for want of a test runner. The same steps
 * on the same screens: a counter made through the API, the page's device enrolled by its link, the
 * first sign-in with the password and the PIN chosen; it waits with Playwright and plain polling
 * instead. Ends on the start screen, signed in, the origin's service worker installed.
 */
export async function provisionCountingDeviceOutsideVitest(
  page: Page,
  server: ServerWithSetupCode,
  { lang = 'en', role = 'counter' }: { lang?: Lang; role?: UserRole } = {},
): Promise<TestUser> {
  const t = ACCESS_STRINGS[lang];
  const username = `anna.${++provisioned}`;
  const user = await createUser(server, { username, name: 'Anna Berg', role, pin: '482913' });

  const { enrollUrl } = await enrollmentCode(server);
  await page.goto(enrollUrl);
  const field = page.getByRole('textbox', { name: t.welcome.code });
  await until('the enrollment code to be filled in from the link', async () => (await field.inputValue()) !== '');
  await page.getByRole('button', { name: t.welcome.enroll }).click();
  await until('the user picker after enrolling', async () => (await page.getByTestId('user-picker').count()) === 1);

  await page.getByRole('button', { name: t.picker.firstTime }).click();
  await page.getByRole('textbox', { name: t.signIn.username }).fill(user.username);
  await page.getByLabel(t.signIn.password, { exact: true }).fill(user.password);
  await page.getByRole('button', { name: t.signIn.submit, exact: true }).click();
  await page.getByLabel(t.choosePin.pin, { exact: true }).fill(user.pin);
  await page.getByLabel(t.choosePin.again, { exact: true }).fill(user.pin);
  await page.getByRole('button', { name: t.choosePin.save }).click();
  const signedIn = MENU_STRINGS[lang].signedIn(user.name);
  const nav = page.getByTestId('signed-in-user');
  await until(`"${signedIn}" in the nav`, async () =>
    (await nav.allTextContents()).some((text) => text.includes(signedIn)),
  );
  return user;
}
