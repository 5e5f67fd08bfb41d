import { describe, expect, it } from 'vitest';
import {
  ACME_POLLER_SDK,
  ATTACKER_CLI,
  awsCli,
  boto3,
  BROWSER_CHROME_MAC,
  BROWSER_EDGE_WINDOWS,
  BROWSER_FIREFOX_LINUX,
  CLI_LINUX,
  consoleAgent,
  ECR_CREDENTIAL_HELPER,
  GITHUB_ACTIONS_CREDENTIALS,
  githubCli,
  GITLAB_RUNNER_SDK,
  goSdkV2,
  javaSdk,
  SSM_AGENT,
  SSO_SERVICE_AGENT,
  terraform,
} from '@/lib/generator/user-agents';
import { USER_AGENT_FAMILIES, USER_AGENT_FAMILY_LABELS, userAgentFamily, type UserAgentFamily } from './user-agent-family';

/** Real user agents as CloudTrail records them, and the generator's. */
const TABLE: [string | null, UserAgentFamily][] = [
  ['aws-cli/1.18.147 Python/2.7.18 Linux/4.14.193-149.317.amzn2.x86_64 botocore/1.18.6', 'aws-cli-v1'],
  [ATTACKER_CLI, 'aws-cli-v1'],
  ['aws-cli/2.15.30 Python/3.11.8 Darwin/23.3.0 exe/x86_64 prompt/off command/s3.ls', 'aws-cli-v2'],
  [awsCli(CLI_LINUX, 'ec2', 'DescribeInstances'), 'aws-cli-v2'],
  [githubCli('s3', 'PutObject'), 'aws-cli-v2'],
  ['aws-cli/2.13.5 Python/3.11.4 Linux/4.14.255-314-253.539.amzn2.x86_64 exec-env/CloudShell exe/x86_64.amzn.2 prompt/off command/iam.list-users', 'aws-cli-v2'],
  ['Boto3/1.26.137 Python/3.9.16 Linux/5.10.178-162.673.amzn2.x86_64 exec-env/AWS_Lambda_python3.9 Botocore/1.29.137', 'boto3'],
  [boto3('AWS_ECS_FARGATE'), 'boto3'],
  ['Botocore/1.31.17 ua/2.0 os/linux#5.15.0 md/arch#x86_64 lang/python#3.10.12 md/pyimpl#CPython cfg/retry-mode#legacy', 'botocore'],
  ['console.amazonaws.com', 'aws-console'],
  [consoleAgent('ec2.amazonaws.com'), 'aws-console'],
  [consoleAgent('s3.amazonaws.com'), 'aws-console'],
  ['signin.amazonaws.com', 'aws-console'],
  ['AWS Internal', 'aws-internal'],
  [consoleAgent('iam.amazonaws.com'), 'aws-internal'],
  [terraform('ec2#1.187.0'), 'terraform'],
  ['APN/1.0 HashiCorp/1.0 Terraform/1.5.7 (+https://www.terraform.io) terraform-provider-aws/4.67.0 (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go/1.44.261 (go1.19.9; linux; amd64)', 'terraform'],
  [goSdkV2('sts#1.30.3'), 'aws-sdk-go-v2'],
  [ECR_CREDENTIAL_HELPER, 'aws-sdk-go-v2'],
  [ACME_POLLER_SDK('iam#1.34.3'), 'aws-sdk-go-v2'],
  [GITLAB_RUNNER_SDK, 'aws-sdk-go'],
  [SSM_AGENT, 'aws-sdk-go'],
  [javaSdk('AWS_ECS_EC2'), 'aws-sdk-java'],
  [SSO_SERVICE_AGENT, 'aws-sdk-java'],
  ['aws-sdk-java/1.12.470 Linux/5.10.178-162.673.amzn2.x86_64 OpenJDK_64-Bit_Server_VM/11.0.19+7-LTS java/11.0.19 vendor/Amazon.com_Inc.', 'aws-sdk-java'],
  [GITHUB_ACTIONS_CREDENTIALS, 'aws-sdk-js'],
  ['aws-sdk-nodejs/2.1386.0 linux/v18.16.0 exec-env/AWS_Lambda_nodejs18.x promise', 'aws-sdk-js'],
  ['aws-sdk-dotnet-coreclr/3.7.201.2 aws-sdk-dotnet-core/3.7.200.3 .NET_Core/6.0.21 OS/Microsoft_Windows_10.0.20348 ClientAsync', 'aws-sdk-dotnet'],
  ['AWSPowerShell.Common/4.1.414.0 .NET_Core/6.0.21 PowerShellCore/7.3.6 OS/Microsoft_Windows_10.0.22621 ClientSync', 'aws-powershell'],
  ['aws-sdk-ruby3/3.181.1 ruby/3.2.2 x86_64-linux aws-sdk-s3/1.132.1', 'aws-sdk-ruby'],
  ['aws-sdk-php/3.281.0 OS/Linux/5.15.0-1041-aws lang/php/8.2.10 GuzzleHttp/7', 'aws-sdk-php'],
  ['aws-sdk-rust/1.1.2 os/linux lang/rust/1.74.1', 'aws-sdk-rust'],
  ['aws-sdk-cpp/1.11.130 Linux/5.15.0 x86_64 GCC/11.4.0', 'aws-sdk-cpp'],
  ['cloudformation.amazonaws.com', 'aws-service'],
  ['lambda.amazonaws.com', 'aws-service'],
  ['autoscaling.amazonaws.com', 'aws-service'],
  [BROWSER_CHROME_MAC, 'browser'],
  [BROWSER_EDGE_WINDOWS, 'browser'],
  [BROWSER_FIREFOX_LINUX, 'browser'],
  ['curl/8.4.0', 'unknown'],
  ['', 'unknown'],
  [null, 'unknown'],
];

describe('userAgentFamily', () => {
  it.each(TABLE)('%s → %s', (ua, family) => {
    expect(userAgentFamily(ua)).toBe(family);
  });

  it('every family has a label', () => {
    for (const f of USER_AGENT_FAMILIES) expect(USER_AGENT_FAMILY_LABELS[f]).toBeTruthy();
  });
});
