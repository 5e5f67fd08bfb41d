/**
 * The ATT&CK techniques each of Trailscope's detection rules evidences, ready to be written on its
 * findings. Chosen against the ATT&CK pages (the quoted wording) and, where one exists, the same
 * event's mapping in the bundled sources; README.md has the table with the reasons.
 * `sensitive-api-first-use` has no fixed technique: it takes the techniques of the API it saw
 * (techniquesForEvent), with Valid Accounts: Cloud Accounts as the floor.
 */
export const DETECTION_RULE_TECHNIQUES: Record<string, readonly string[]> = {
  // T1562.008: "disable or modify cloud logging capabilities and integrations to limit what data is collected".
  'cloudtrail-logging-stopped': ['T1562.008'],
  'cloudtrail-trail-deleted': ['T1562.008'],
  // T1562.008: "tamper with logging functionality – for example, by removing any associated SNS topics, disabling multi-region logging…".
  'cloudtrail-trail-modified': ['T1562.008'],
  // T1098.003: "update IAM policies… use the AttachUserPolicy API to attach an IAM policy with additional or distinct permissions".
  'iam-policy-changed-by-role-session': ['T1098.003'],
  // T1098.001: "use the CreateAccessKey API in AWS… to add access keys to an account".
  'iam-access-key-for-other-user': ['T1098.001'],
  // T1078.004: valid cloud accounts used for Initial Access; SigmaHQ tags a console login without MFA T1078.004.
  'console-login-without-mfa': ['T1078.004'],
  // T1078.001: default accounts "including the root user account in AWS"; SigmaHQ tags root usage T1078.004.
  'root-console-login': ['T1078.001', 'T1078.004'],
  // T1580/T1526: discovering what infrastructure and services stolen credentials reach; denials are the misses of that probing.
  'access-denied-burst': ['T1580', 'T1526'],
  // T1199: "leverage organizations who have access to intended victims… [their] Valid Accounts"; the role is used through a cloud account.
  'role-assumed-from-external-account': ['T1199', 'T1078.004'],
  // T1078.004: a cloud account used from where its owner never was.
  'new-country-for-principal': ['T1078.004'],
  // T1552.005: credentials taken from the instance metadata service, used elsewhere; CTID maps GuardDuty's InstanceCredentialExfiltration to it and T1078.004.
  'ec2-instance-credentials-outside-aws': ['T1552.005', 'T1078.004'],
  // T1548.005: "gain short-term access to a set of privileges… request just-in-time access to roles"; role chaining renews it.
  'role-juggling': ['T1548.005', 'T1078.004'],
  // T1078.004: one cloud account used from places no one could travel between.
  'impossible-travel': ['T1078.004'],
  'sensitive-api-first-use': ['T1078.004'],
};
