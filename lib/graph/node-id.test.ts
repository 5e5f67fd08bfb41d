import { describe, expect, it } from 'vitest';
import { assumer } from '@/test/fixtures/attribution';
import { nodeIdOfAssumer, nodeIdParam, parseNodeId } from './node-id';

describe('graph node ids', () => {
  it.each([
    ['session:AROAEXAMPLEID12345:sara@example.com', { kind: 'session', sessionId: 'AROAEXAMPLEID12345:sara@example.com' }],
    ['role:arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_1', { kind: 'role', roleArn: 'arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_1', accountId: '111122223333' }],
    ['user:arn:aws:iam::111122223333:user/alice', { kind: 'iam-user', arn: 'arn:aws:iam::111122223333:user/alice', principalId: null, accountId: '111122223333' }],
    ['user:AIDAEXAMPLEID12345', { kind: 'iam-user', arn: null, principalId: 'AIDAEXAMPLEID12345', accountId: null }],
    ['root:111122223333', { kind: 'root', accountId: '111122223333' }],
    ['sso:arn:aws:iam::111122223333:saml-provider/AWSSSO_abc_DO_NOT_DELETE:sara', { kind: 'sso-user', key: 'sso:arn:aws:iam::111122223333:saml-provider/AWSSSO_abc_DO_NOT_DELETE:sara' }],
    ['web:token.actions.githubusercontent.com:repo:acme/app:ref:refs/heads/main', { kind: 'web-identity-user', key: 'web:token.actions.githubusercontent.com:repo:acme/app:ref:refs/heads/main' }],
    ['service:ec2.amazonaws.com', { kind: 'aws-service', service: 'ec2.amazonaws.com' }],
    ['account:444455556666:AIDAEXAMPLEID12345', { kind: 'aws-account', accountId: '444455556666', principalId: 'AIDAEXAMPLEID12345' }],
    ['account:444455556666', { kind: 'aws-account', accountId: '444455556666', principalId: null }],
  ])('parses %s', (id, parsed) => {
    expect(parseNodeId(id)).toEqual(parsed);
  });

  it.each([
    '',
    'session:sara',
    "session:AROAEXAMPLEID12345:x' OR 1=1 --",
    'role:arn:aws:iam::1111:role/x',
    'user:arn:aws:iam::111122223333:role/x',
    'root:abc',
    'sso:new\nline',
    'service:ec2.amazonaws.com; DROP TABLE x',
    'account:111122223333:lower',
    'unknown:assumer-of:AROAEXAMPLEID12345:x',
    'arn:aws:iam::111122223333:role/NoPrefix',
  ])('rejects %j', (id) => {
    expect(parseNodeId(id)).toBeNull();
    expect(nodeIdParam.safeParse(id).success).toBe(false);
  });

  it('draws a calling role session as its session, even from the role account’s copy', () => {
    expect(nodeIdOfAssumer(assumer({ type: 'role-session', key: 'AROAEXAMPLEID12345:ci', name: 'Ops/ci', principalId: 'AROAEXAMPLEID12345:ci' }))).toBe(
      'session:AROAEXAMPLEID12345:ci',
    );
    expect(nodeIdOfAssumer(assumer({ type: 'aws-account', key: 'account:111122223333:AROAEXAMPLEID12345:ci', name: 'x', principalId: 'AROAEXAMPLEID12345:ci', accountId: '111122223333' }))).toBe(
      'session:AROAEXAMPLEID12345:ci',
    );
    expect(nodeIdOfAssumer(assumer({ type: 'iam-user', key: 'arn:aws:iam::111122223333:user/alice', name: 'alice', arn: 'arn:aws:iam::111122223333:user/alice' }))).toBe(
      'user:arn:aws:iam::111122223333:user/alice',
    );
    expect(nodeIdOfAssumer(assumer({ type: 'root', key: 'arn:aws:iam::111122223333:root', name: 'root', accountId: '111122223333' }))).toBe('root:111122223333');
    expect(nodeIdOfAssumer(assumer({ type: 'aws-service', key: 'service:ec2.amazonaws.com', name: 'ec2.amazonaws.com' }))).toBe('service:ec2.amazonaws.com');
  });

  it('every id it makes for a drawable assumer parses back', () => {
    const ids = [
      nodeIdOfAssumer(assumer({ type: 'sso-user', key: 'sso:arn:aws:iam::111122223333:saml-provider/AWSSSO_x:sara', name: 'sara' })),
      nodeIdOfAssumer(assumer({ type: 'web-identity-user', key: 'web:token.actions.githubusercontent.com:repo:acme/app', name: 'repo:acme/app' })),
      nodeIdOfAssumer(assumer({ type: 'aws-account', key: 'account:111122223333:AIDAEXAMPLEID12345', name: 'x', principalId: 'AIDAEXAMPLEID12345', accountId: '111122223333' })),
    ];
    for (const id of ids) expect(parseNodeId(id)).not.toBeNull();
  });
});
