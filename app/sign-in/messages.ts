/**
 * What the sign-in page says for an Auth.js error type, from the form's action or from the
 * `?error=` Auth.js adds when an OIDC round trip fails. Never echoes provider detail.
 */
export function signInErrorMessage(type: string): string {
  switch (type) {
    case 'CredentialsSignin':
      return 'Wrong username or password.';
    case 'AccessDenied':
      return 'Your account is not allowed to sign in to Trailscope.';
    default:
      return 'Sign-in failed. Try again, or ask whoever runs Trailscope to check the server log.';
  }
}

/** Said instead of checking the password while the user or the address has to wait. */
export function throttledMessage(retryAfterSeconds: number): string {
  const wait = retryAfterSeconds < 90 ? `${retryAfterSeconds} seconds` : `${Math.ceil(retryAfterSeconds / 60)} minutes`;
  return `Too many failed sign-ins. Try again in ${wait}.`;
}
