'use server';

import { AuthError } from 'next-auth';
import { signIn } from '@/auth';
import { SignInThrottled } from '@/lib/auth/credentials';
import { safeCallbackUrl } from '@/lib/auth/callback-url';
import { OIDC_PROVIDER_ID } from '@/lib/auth/oidc';
import { signInErrorMessage, throttledMessage } from './messages';

// These actions are public on purpose: they are how a signed-out visitor becomes signed in.

export interface SignInState {
  error?: string;
  username?: string;
}

export async function signInWithPassword(_previous: SignInState, form: FormData): Promise<SignInState> {
  const username = String(form.get('username') ?? '');
  try {
    // On success this throws Next's redirect, which must propagate untouched.
    await signIn('credentials', {
      username,
      password: String(form.get('password') ?? ''),
      redirectTo: safeCallbackUrl(form.get('callbackUrl')),
    });
  } catch (error) {
    if (error instanceof SignInThrottled) return { error: throttledMessage(error.retryAfterSeconds), username };
    if (error instanceof AuthError) return { error: signInErrorMessage(error.type), username };
    throw error;
  }
  return {};
}

export async function signInWithOidc(form: FormData): Promise<void> {
  await signIn(OIDC_PROVIDER_ID, { redirectTo: safeCallbackUrl(form.get('callbackUrl')) });
}
