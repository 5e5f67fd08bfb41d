/**
 * Which client a CloudTrail `userAgent` comes from. Raw agents vary per call (the CLI and the v2
 * SDKs append the command or API they ran), so "a new agent" alone is noisy; its family says
 * whether the *kind* of client is new too (a first-ever aws-cli v1 on a console-only role is the
 * signal, a new CLI subcommand is not).
 */
export const USER_AGENT_FAMILIES = [
  'aws-console',
  'terraform',
  'aws-cli-v1',
  'aws-cli-v2',
  'boto3',
  'botocore',
  'aws-powershell',
  'aws-sdk-go-v2',
  'aws-sdk-go',
  'aws-sdk-java',
  'aws-sdk-js',
  'aws-sdk-dotnet',
  'aws-sdk-ruby',
  'aws-sdk-php',
  'aws-sdk-rust',
  'aws-sdk-cpp',
  'aws-internal',
  'aws-service',
  'browser',
  'unknown',
] as const;
export type UserAgentFamily = (typeof USER_AGENT_FAMILIES)[number];

export const USER_AGENT_FAMILY_LABELS: Record<UserAgentFamily, string> = {
  'aws-console': 'AWS Management Console',
  terraform: 'Terraform',
  'aws-cli-v1': 'AWS CLI v1',
  'aws-cli-v2': 'AWS CLI v2',
  boto3: 'Boto3 (Python SDK)',
  botocore: 'botocore (Python)',
  'aws-powershell': 'AWS Tools for PowerShell',
  'aws-sdk-go-v2': 'AWS SDK for Go v2',
  'aws-sdk-go': 'AWS SDK for Go v1',
  'aws-sdk-java': 'AWS SDK for Java',
  'aws-sdk-js': 'AWS SDK for JavaScript',
  'aws-sdk-dotnet': 'AWS SDK for .NET',
  'aws-sdk-ruby': 'AWS SDK for Ruby',
  'aws-sdk-php': 'AWS SDK for PHP',
  'aws-sdk-rust': 'AWS SDK for Rust',
  'aws-sdk-cpp': 'AWS SDK for C++',
  'aws-internal': 'AWS Internal',
  'aws-service': 'AWS service',
  browser: 'Web browser',
  unknown: 'Other or unknown',
};

/**
 * First match wins, so the order matters: tools that embed an SDK (Terraform, the S3 console's
 * backend, the CLI on botocore) come before the SDK they embed, and console hosts before the
 * generic `*.amazonaws.com` service pattern.
 */
const RULES: readonly (readonly [UserAgentFamily, RegExp])[] = [
  ['aws-internal', /^AWS Internal$/i],
  // console.amazonaws.com, console.ec2.amazonaws.com, signin.amazonaws.com, [S3Console/0.4, …]
  ['aws-console', /^(console\.([a-z0-9-]+\.)*amazonaws\.com|signin\.amazonaws\.com)$|^\[?[A-Za-z0-9]*Console\//i],
  ['terraform', /\bTerraform\/|terraform-provider-aws\//i],
  ['aws-cli-v1', /^aws-cli\/1\./i],
  ['aws-cli-v2', /^aws-cli\/2\./i],
  ['boto3', /^Boto3\//i],
  ['botocore', /^Botocore\//i],
  ['aws-powershell', /AWSPowerShell/i],
  ['aws-sdk-go-v2', /\baws-sdk-go-v2\//i],
  ['aws-sdk-go', /\baws-sdk-go\//i],
  ['aws-sdk-java', /\baws-sdk-java\//i],
  ['aws-sdk-js', /\baws-sdk-(js|nodejs)\//i],
  ['aws-sdk-dotnet', /\baws-sdk-dotnet/i],
  ['aws-sdk-ruby', /\baws-sdk-ruby\d*\//i],
  ['aws-sdk-php', /\baws-sdk-php\//i],
  ['aws-sdk-rust', /\baws-sdk-rust\//i],
  ['aws-sdk-cpp', /\baws-sdk-cpp\//i],
  ['aws-service', /^[a-z0-9-]+(\.[a-z0-9-]+)*\.amazonaws\.com(\.cn)?$/i],
  ['browser', /^Mozilla\/\d/i],
];

/** The family of a raw user agent; a missing or empty agent is `unknown`. */
export function userAgentFamily(userAgent: string | null | undefined): UserAgentFamily {
  const ua = userAgent?.trim() ?? '';
  if (ua === '') return 'unknown';
  return RULES.find(([, pattern]) => pattern.test(ua))?.[0] ?? 'unknown';
}
