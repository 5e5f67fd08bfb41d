import type { Assumer, AssumeRoleEventRow } from './types';

const SSO_ROLE = /(^|\/)AWSReservedSSO_[^/]+$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/;

/** The role's name from its ARN (paths such as `aws-reserved/sso.amazonaws.com/` dropped). */
export function roleNameOf(roleArn: string): string {
  return ROLE_ARN.exec(roleArn)?.[2] ?? roleArn;
}

export function isIdentityCenterRole(roleArn: string | null): boolean {
  return roleArn !== null && SSO_ROLE.test(roleArn.replace(/^arn:[^:]*:iam::\d{12}:role/, ''));
}

function base(partial: Partial<Assumer> & Pick<Assumer, 'type' | 'key' | 'name'>): Assumer {
  return { arn: null, principalId: null, accountId: null, roleArn: null, provider: null, ...partial };
}

/**
 * Who called AssumeRole*, from the event's userIdentity and request. The fullest identity wins:
 * the role account's copy of a cross-account call knows only the caller's account (`AWSAccount`),
 * which `mergeCopies` replaces with the caller account's copy when both are in the data.
 */
export function assumerOf(row: AssumeRoleEventRow): Assumer {
  const type = row.callerType;
  if (row.eventName === 'AssumeRoleWithSAML' || type === 'SAMLUser') {
    const name = row.callerUserName ?? row.samlSubject ?? row.callerPrincipalId?.split(':').pop() ?? row.sessionName ?? 'unknown';
    const sso = isIdentityCenterRole(row.roleArn) || (row.samlProviderArn?.includes(':saml-provider/AWSSSO_') ?? false);
    return base({
      type: sso ? 'sso-user' : 'saml-user',
      key: `${sso ? 'sso' : 'saml'}:${row.samlProviderArn ?? row.samlIssuer ?? ''}:${name}`,
      name,
      principalId: row.callerPrincipalId,
      accountId: row.recipientAccountId,
      provider: row.samlProviderArn ?? row.samlIssuer,
    });
  }
  if (row.eventName === 'AssumeRoleWithWebIdentity' || type === 'WebIdentityUser') {
    const name = row.webIdentitySubject ?? row.callerUserName ?? row.callerPrincipalId ?? 'unknown';
    const provider = row.webIdentityProvider ?? null;
    return base({ type: 'web-identity-user', key: `web:${provider ?? ''}:${name}`, name, principalId: row.callerPrincipalId, provider });
  }
  if (type === 'AssumedRole') {
    const session = row.callerPrincipalId ?? row.callerArn ?? 'unknown';
    const roleArn = row.callerIssuerArn;
    const sessionName = session.includes(':') ? session.slice(session.indexOf(':') + 1) : session;
    return base({
      type: 'role-session',
      key: session,
      name: roleArn ? `${roleNameOf(roleArn)}/${sessionName}` : session,
      arn: row.callerArn,
      principalId: row.callerPrincipalId,
      accountId: row.callerAccountId,
      roleArn,
    });
  }
  if (type === 'IAMUser') {
    return base({
      type: 'iam-user',
      key: row.callerArn ?? row.callerPrincipalId ?? 'unknown',
      name: row.callerUserName ?? row.callerArn?.split('/').pop() ?? 'unknown',
      arn: row.callerArn,
      principalId: row.callerPrincipalId,
      accountId: row.callerAccountId,
    });
  }
  if (type === 'Root') {
    const account = row.callerAccountId ?? 'unknown';
    return base({ type: 'root', key: row.callerArn ?? `root:${account}`, name: `root (${account})`, arn: row.callerArn, accountId: account });
  }
  if (type === 'AWSService' || row.callerInvokedBy) {
    const service = row.callerInvokedBy ?? row.sourceIp ?? 'unknown service';
    return base({ type: 'aws-service', key: `service:${service}`, name: service });
  }
  if (type === 'AWSAccount') {
    // The role account's copy: the caller's principal id (AIDA… or AROA…:session) and account only.
    const account = row.callerAccountId ?? 'unknown';
    const pid = row.callerPrincipalId;
    return base({
      type: 'aws-account',
      key: pid ? `account:${account}:${pid}` : `account:${account}`,
      name: pid ? `${pid} in ${account}` : `account ${account}`,
      principalId: pid,
      accountId: account,
    });
  }
  return base({ type: 'unknown', key: `unknown:${type ?? ''}:${row.callerPrincipalId ?? ''}`, name: type ?? 'unknown caller', principalId: row.callerPrincipalId });
}

const FULLNESS: Record<Assumer['type'], number> = {
  'iam-user': 3,
  root: 3,
  'role-session': 3,
  'sso-user': 3,
  'saml-user': 3,
  'web-identity-user': 3,
  'aws-service': 3,
  'aws-account': 1,
  unknown: 0,
};

/** Of two views of the same caller, the one that names it most precisely. */
export function fuller(a: Assumer, b: Assumer): Assumer {
  return FULLNESS[b.type] > FULLNESS[a.type] ? b : a;
}
