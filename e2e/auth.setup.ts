import { expect, test as setup } from '@playwright/test';
import { ADMIN_STORAGE_STATE, e2eEnv } from '../playwright.config';

setup('sign in as admin through the form', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('Username').fill('admin');
  await page.getByLabel('Password').fill(e2eEnv('TRAILSCOPE_E2E_ADMIN_PASSWORD'));
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
  await page.context().storageState({ path: ADMIN_STORAGE_STATE });
});
