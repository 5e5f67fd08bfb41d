/**
 * The principals the user profile is for: IAM users, an account's root, and federated users
 * (GetFederationToken). Each has its own ARN shape; the profile reads the account and the name
 * from it.
 */
export const USER_ARN_KINDS = ['iam-user', 'root', 'federated-user'] as const;
export type UserArnKind = (typeof USER_ARN_KINDS)[number];

export interface UserArn {
  kind: UserArnKind;
  accountId: string;
  /** The user name (path dropped), `root`, or the federated user's name. */
  name: string;
}

const PATTERNS: [UserArnKind, RegExp][] = [
  ['iam-user', /^arn:aws[a-z-]*:iam::(\d{12}):user\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]+)$/],
  ['root', /^arn:aws[a-z-]*:iam::(\d{12}):root$/],
  ['federated-user', /^arn:aws[a-z-]*:sts::(\d{12}):federated-user\/([\w+=,.@-]+)$/],
];

export const USER_ARN_LABELS: Record<UserArnKind, string> = {
  'iam-user': 'IAM user',
  root: 'Root user',
  'federated-user': 'Federated user',
};

/** Pure: the kind, account and name of a user ARN, or null for any other ARN. */
export function parseUserArn(arn: string): UserArn | null {
  for (const [kind, pattern] of PATTERNS) {
    const m = pattern.exec(arn);
    if (m) return { kind, accountId: m[1] as string, name: kind === 'root' ? 'root' : (m[2] as string) };
  }
  return null;
}
