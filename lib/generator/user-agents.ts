/**
 * User agents as CloudTrail records them. The CLI and the v2 SDKs append the
 * command or API they ran, so the strings vary per call the way real ones do;
 * each persona keeps its own OS and version so "newly observed user agent"
 * has a stable baseline to differ from.
 */

export const AWS_INTERNAL = 'AWS Internal';

/** `DescribeInstances` → `describe-instances`, as the CLI names commands. */
export function kebab(eventName: string): string {
  return eventName.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

export interface CliPersona {
  readonly version: string;
  readonly os: string;
  readonly arch: string;
  readonly python: string;
  readonly installer: string;
}

export const CLI_MAC: CliPersona = { version: '2.22.35', os: 'macos#24.1.0', arch: 'arm64', python: '3.12.6', installer: 'source' };
export const CLI_LINUX: CliPersona = {
  version: '2.17.32',
  os: 'linux#6.8.0-49-generic',
  arch: 'x86_64',
  python: '3.11.9',
  installer: 'exe',
};
export const CLI_WINDOWS: CliPersona = { version: '2.19.1', os: 'windows#10', arch: 'amd64', python: '3.12.6', installer: 'msi' };
/** Clients of the new scenarios' attackers: a Kali box and a rented Ubuntu VPS, unlike any baseline. */
export const CLI_KALI: CliPersona = { version: '2.15.30', os: 'linux#6.6.9-amd64', arch: 'x86_64', python: '3.11.8', installer: 'exe' };
export const CLI_UBUNTU_VPS: CliPersona = { version: '2.13.5', os: 'linux#5.15.0-91-generic', arch: 'x86_64', python: '3.11.4', installer: 'exe' };

export function awsCli(persona: CliPersona, cliService: string, eventName: string): string {
  return (
    `aws-cli/${persona.version} md/awscrt#0.22.0 ua/2.0 os/${persona.os} md/arch#${persona.arch} ` +
    `lang/python#${persona.python} md/pyimpl#CPython cfg/retry-mode#standard md/installer#${persona.installer} ` +
    `md/prompt#off md/command#${cliService}.${kebab(eventName)}`
  );
}

export function boto3(execEnv?: string): string {
  const env = execEnv ? ` exec-env/${execEnv}` : '';
  return (
    'Boto3/1.35.36 md/Botocore#1.35.36 ua/2.0 os/linux#5.10.227-219.884.amzn2.x86_64 md/arch#x86_64 ' +
    `lang/python#3.12.7 md/pyimpl#CPython${env} cfg/retry-mode#legacy Botocore/1.35.36`
  );
}

export function goSdkV2(api: string, extra = ''): string {
  return `aws-sdk-go-v2/1.32.3 ua/2.1 os/linux lang/go#1.23.2 md/GOOS#linux md/GOARCH#amd64 api/${api}${extra}`;
}

export const SSM_AGENT = 'aws-sdk-go/1.55.5 (go1.22.12; linux; amd64) amazon-ssm-agent/3.3.1802.0';

export function javaSdk(execEnv: string): string {
  return (
    'aws-sdk-java/2.28.16 Linux/5.10.227-219.884.amzn2.x86_64 OpenJDK_64-Bit_Server_VM/17.0.13+11-LTS Java/17.0.13 ' +
    `vendor/Amazon.com_Inc. md/internal exec-env/${execEnv} io/sync http/Apache cfg/retry-mode/standard`
  );
}

export function terraform(api: string): string {
  return (
    'APN/1.0 HashiCorp/1.0 Terraform/1.9.8 (+https://www.terraform.io) terraform-provider-aws/5.74.0 ' +
    '(+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.32.3 ua/2.1 os/linux lang/go#1.23.2 ' +
    `md/GOOS#linux md/GOARCH#amd64 api/${api}`
  );
}

export const BROWSER_CHROME_MAC =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
export const BROWSER_EDGE_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0';
export const BROWSER_FIREFOX_LINUX = 'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0';

/** The agent a console page's own backend call shows, which differs by service. */
export function consoleAgent(eventSource: string): string {
  switch (eventSource) {
    case 's3.amazonaws.com':
      return '[S3Console/0.4, aws-internal/3 aws-sdk-java/1.12.750 Linux/5.10.227-198.884.amzn2int.x86_64 OpenJDK_64-Bit_Server_VM/25.412-b09 java/1.8.0_412 vendor/Oracle_Corporation cfg/retry-mode/standard]';
    case 'ec2.amazonaws.com':
      return 'console.ec2.amazonaws.com';
    case 'iam.amazonaws.com':
    case 'cloudtrail.amazonaws.com':
      return AWS_INTERNAL;
    default:
      return 'console.amazonaws.com';
  }
}

export const GITHUB_ACTIONS_CREDENTIALS =
  'aws-sdk-js/3.687.0 ua/2.1 os/linux#6.5.0-1025-azure lang/js md/nodejs#20.18.0 api/sts#3.687.0 configure-aws-credentials-for-github-actions';

export function githubCli(cliService: string, eventName: string): string {
  return (
    'aws-cli/2.22.35 md/awscrt#0.22.0 ua/2.0 os/linux#6.5.0-1025-azure md/arch#x86_64 lang/python#3.12.6 ' +
    `md/pyimpl#CPython exec-env/GitHubActions cfg/retry-mode#standard md/installer#exe md/prompt#off md/command#${cliService}.${kebab(eventName)}`
  );
}

export const DOCKER_PULL =
  'docker/24.0.7 go/go1.20.10 git-commit/311b9ff kernel/6.1.115-126.197.amzn2023.x86_64 os/linux arch/amd64 UpstreamClient(Docker-Client/24.0.7 \\(linux\\))';

export const GITLAB_RUNNER_SDK = 'aws-sdk-go/1.44.298 (go1.21.5; linux; amd64)';
/** The CloudWatch agent on the storefront instances, which looks up its own tags. */
export const CLOUDWATCH_AGENT = 'aws-sdk-go/1.55.5 (go1.22.7; linux; amd64) CWAgent/1.300049.1 (go1.22.7; linux; amd64)';
/** The attacker's session juggler: boto3 on a VPS. */
export const JUGGLER_BOTO3 =
  'Boto3/1.34.84 md/Botocore#1.34.84 ua/2.0 os/linux#6.1.0-18-cloud-amd64 md/arch#x86_64 lang/python#3.11.2 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.84';
export const ECR_CREDENTIAL_HELPER = 'amazon-ecr-credential-helper/0.7.1 aws-sdk-go-v2/1.24.1 os/linux lang/go#1.21.5 api/ecr#1.24.7';

/** Identity Center calls AssumeRoleWithSAML from its own fleet. */
export const SSO_SERVICE_AGENT =
  'aws-sdk-java/2.29.6 md/io#sync md/http#Apache md/internal ua/2.1 api/STS#2.29.x os/Linux#4.14.355-284.735.amzn2.x86_64 lang/java#17.0.13 md/OpenJDK_64-Bit_Server_VM#17.0.13+11-LTS md/vendor#Amazon.com_Inc. md/en_US m/E,N';

export const ACME_POLLER_SDK = (api: string): string =>
  `aws-sdk-go-v2/1.30.3 ua/2.1 os/linux lang/go#1.22.5 md/GOOS#linux md/GOARCH#amd64 api/${api} acme-monitoring-collector/4.12.1`;

/** An exfiltrated-credentials client, deliberately unlike anything in the baselines. */
export const ATTACKER_CLI =
  'aws-cli/1.33.9 md/Botocore#1.34.127 ua/2.0 os/linux#6.8.11-amd64 md/arch#x86_64 lang/python#3.11.9 md/pyimpl#CPython cfg/retry-mode#legacy botocore/1.34.127';

/** Chooses the agent string for one call; the CLI and v2 SDKs name the call they make. */
export type AgentFn = (eventSource: string, eventName: string, cliService: string, sdkApi: string) => string;

export const agentOf = {
  cli:
    (persona: CliPersona): AgentFn =>
    (_source, eventName, cliService) =>
      awsCli(persona, cliService, eventName),
  fixed:
    (agent: string): AgentFn =>
    () =>
      agent,
  console: (): AgentFn => (eventSource) => consoleAgent(eventSource),
  goSdk:
    (extra = ''): AgentFn =>
    (_source, _name, _cli, sdkApi) =>
      goSdkV2(sdkApi, extra),
  terraform: (): AgentFn => (_source, _name, _cli, sdkApi) => terraform(sdkApi),
  boto3:
    (execEnv?: string): AgentFn =>
    () =>
      boto3(execEnv),
  acmePoller: (): AgentFn => (_source, _name, _cli, sdkApi) => ACME_POLLER_SDK(sdkApi),
  githubCli: (): AgentFn => (_source, eventName, cliService) => githubCli(cliService, eventName),
} as const;
