/**
 * Trailscope's own reading of GuardDuty's threat purposes (the part of a finding type before the
 * colon, listed in the GuardDuty User Guide's "Finding format") as ATT&CK tactics. It is used for
 * the tactic of every finding, and is all a type the CTID mapping does not name gets: a purpose
 * says what a finding is for, never which technique it saw.
 *
 * Purposes AWS defines as ATT&CK tactics map to that tactic. Of the others, only those whose AWS
 * definition is one tactic's goal map; Behavior (a baseline deviation), Pentest (a tool's
 * fingerprint), Policy (a best-practice breach), Trojan (a kind of malware),
 * UnauthorizedAccess (any suspicious actor) and AttackSequence (several stages) name none.
 */
export const GUARDDUTY_PURPOSE_TACTICS: Readonly<Record<string, readonly string[]>> = {
  CredentialAccess: ['credential-access'],
  DefenseEvasion: ['defense-evasion'],
  Discovery: ['discovery'],
  Execution: ['execution'],
  Exfiltration: ['exfiltration'],
  Impact: ['impact'],
  InitialAccess: ['initial-access'],
  Persistence: ['persistence'],
  PrivilegeEscalation: ['privilege-escalation'],
  // "An adversary is actively trying to hide their actions": ATT&CK's Defense Evasion ("trying to avoid being detected").
  Stealth: ['defense-evasion'],
  // "Capable of contacting its home command and control (C&C) server".
  Backdoor: ['command-and-control'],
  // Hosting cryptocurrency software: what ATT&CK files as Resource Hijacking, an Impact technique.
  CryptoCurrency: ['impact'],
  // Probing ports from outside is Reconnaissance; "listing users, database tables" with a foothold is Discovery.
  Recon: ['reconnaissance', 'discovery'],
};
