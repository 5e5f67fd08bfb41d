'use client';

import { useActionState, type ReactNode } from 'react';
import { useFormStatus } from 'react-dom';
import { signInWithOidc, signInWithPassword, type SignInState } from './actions';

interface SignInFormProps {
  callbackUrl: string;
  oidcName: string | null;
  initialError?: string;
}

export function SignInForm({ callbackUrl, oidcName, initialError }: SignInFormProps) {
  const [state, action] = useActionState<SignInState, FormData>(signInWithPassword, { error: initialError });

  return (
    <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <form action={action} className="space-y-4">
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <Field label="Username" name="username" autoComplete="username" defaultValue={state.username ?? 'admin'} />
        <Field label="Password" name="password" type="password" autoComplete="current-password" autoFocus />
        {state.error ? (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
            {state.error}
          </p>
        ) : null}
        <SubmitButton pendingLabel="Signing in…">Sign in</SubmitButton>
      </form>

      {oidcName ? (
        <>
          <div className="my-5 flex items-center gap-3 text-xs uppercase tracking-wide text-slate-400">
            <span className="h-px flex-1 bg-slate-200" />
            or
            <span className="h-px flex-1 bg-slate-200" />
          </div>
          <form action={signInWithOidc}>
            <input type="hidden" name="callbackUrl" value={callbackUrl} />
            <SubmitButton variant="secondary" pendingLabel="Redirecting…">
              Sign in with {oidcName}
            </SubmitButton>
          </form>
        </>
      ) : null}
    </div>
  );
}

interface FieldProps {
  label: string;
  name: string;
  type?: 'text' | 'password';
  autoComplete: string;
  defaultValue?: string;
  autoFocus?: boolean;
}

function Field({ label, name, type = 'text', autoComplete, defaultValue, autoFocus }: FieldProps) {
  return (
    <label className="block">
      <span className="mb-1 block text-sm font-medium text-slate-700">{label}</span>
      <input
        name={name}
        type={type}
        required
        autoComplete={autoComplete}
        defaultValue={defaultValue}
        autoFocus={autoFocus}
        className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm text-slate-900 shadow-xs outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30"
      />
    </label>
  );
}

function SubmitButton({
  children,
  pendingLabel,
  variant = 'primary',
}: {
  children: ReactNode;
  pendingLabel: string;
  variant?: 'primary' | 'secondary';
}) {
  // Reads the status of the enclosing form, so each form's button reflects only its own submission.
  const { pending } = useFormStatus();
  const look =
    variant === 'primary'
      ? 'bg-slate-900 text-white hover:bg-slate-800'
      : 'border border-slate-300 bg-white text-slate-800 hover:bg-slate-50';
  return (
    <button
      type="submit"
      disabled={pending}
      className={`w-full rounded-md px-3 py-2 text-sm font-medium transition-colors focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 disabled:cursor-wait disabled:opacity-70 ${look}`}
    >
      {pending ? pendingLabel : children}
    </button>
  );
}
