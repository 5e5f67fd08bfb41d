import type { Metadata } from 'next';
import { safeCallbackUrl } from '@/lib/auth/callback-url';
import { oidcProvider } from '@/lib/auth/oidc';
import { env } from '@/lib/env';
import { signInErrorMessage } from './messages';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in · Trailscope' };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { callbackUrl, error } = await searchParams;
  // Only the provider's display name crosses to the client, never its id or secret.
  const oidcName = oidcProvider(env())?.name ?? null;

  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-100 px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <p className="text-2xl font-semibold tracking-tight text-slate-900">
            Trail<span className="text-indigo-600">scope</span>
          </p>
          <p className="mt-1 text-sm text-slate-500">IAM role activity from your CloudTrail logs</p>
        </div>
        <SignInForm
          callbackUrl={safeCallbackUrl(typeof callbackUrl === 'string' ? callbackUrl : undefined)}
          oidcName={oidcName}
          initialError={typeof error === 'string' ? signInErrorMessage(error) : undefined}
        />
      </div>
    </main>
  );
}
