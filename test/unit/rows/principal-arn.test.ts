import { describe, expect, it } from 'vitest'
import { parsePrincipalArn } from '../../../core/rows/principal-arn.js'

describe('parsePrincipalArn', () => {
  it('reads an IAM user as its own person, with role "user/<name>"', () => {
    const p = parsePrincipalArn('arn:aws:iam::111122223333:user/alice')
    expect(p).toMatchObject({
      kind: 'iam-user',
      partition: 'aws',
      account: '111122223333',
      user: 'alice',
      person: 'alice',
      role: 'user/alice',
      session: null,
    })
  })

  it('recognises a Bedrock API key user', () => {
    const p = parsePrincipalArn('arn:aws:iam::111122223333:user/BedrockAPIKey-ab12')
    expect(p).toMatchObject({
      kind: 'api-key',
      user: 'BedrockAPIKey-ab12',
      person: 'BedrockAPIKey-ab12',
    })
    expect(p.display).toContain('API key')
  })

  it('splits an assumed role into role and session', () => {
    const p = parsePrincipalArn('arn:aws:sts::111122223333:assumed-role/AppRole/i-0abc123')
    expect(p).toMatchObject({
      kind: 'assumed-role',
      role: 'AppRole',
      session: 'i-0abc123',
      person: 'i-0abc123',
      account: '111122223333',
    })
  })

  it('reads an SSO session as the person, keeping the role name as in the ARN and the permission set apart', () => {
    const p = parsePrincipalArn(
      'arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_DataScience_1a2b3c4d5e6f7a8b/maria@example.com',
    )
    expect(p).toMatchObject({
      kind: 'sso',
      permissionSet: 'DataScience',
      person: 'maria@example.com',
      role: 'AWSReservedSSO_DataScience_1a2b3c4d5e6f7a8b',
    })
    expect(p.display).toBe('maria@example.com (SSO DataScience)')
  })

  it('keeps underscores inside an SSO permission set name', () => {
    const p = parsePrincipalArn(
      'arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_Data_Science_Admins_0123456789abcdef/luis',
    )
    expect(p.permissionSet).toBe('Data_Science_Admins')
  })

  it('flags a gateway role as not splittable by end user', () => {
    const p = parsePrincipalArn('arn:aws:sts::444455556666:assumed-role/llm-gateway-role/gw-17')
    expect(p).toMatchObject({
      kind: 'assumed-role',
      role: 'llm-gateway-role',
      session: 'gw-17',
      account: '444455556666',
    })
    expect(p.note).toMatch(/gateway/i)
  })

  it('rolls AgentCore runs up to their role', () => {
    const p = parsePrincipalArn(
      'arn:aws:sts::111122223333:assumed-role/AgentRuntimeRole/BedrockAgentCore-7f1c2d3e-aaaa-bbbb-cccc-0123456789ab',
    )
    expect(p).toMatchObject({
      kind: 'agentcore',
      role: 'AgentRuntimeRole',
      person: 'AgentRuntimeRole',
    })
    expect(p.session).toMatch(/^BedrockAgentCore-/)
  })

  it('reads the China and GovCloud partitions', () => {
    expect(parsePrincipalArn('arn:aws-cn:iam::111122223333:user/li')).toMatchObject({
      partition: 'aws-cn',
      kind: 'iam-user',
      person: 'li',
    })
    expect(
      parsePrincipalArn('arn:aws-us-gov:sts::111122223333:assumed-role/GovRole/jane'),
    ).toMatchObject({ partition: 'aws-us-gov', role: 'GovRole', person: 'jane' })
  })

  it('drops the path of an IAM role ARN so it rolls up with its sessions', () => {
    const p = parsePrincipalArn('arn:aws:iam::111122223333:role/teams/data/ReportRole')
    expect(p).toMatchObject({
      kind: 'assumed-role',
      role: 'ReportRole',
      session: null,
      person: 'ReportRole',
    })
  })

  it('drops the path of an IAM user ARN', () => {
    expect(parsePrincipalArn('arn:aws:iam::111122223333:user/division/bob')).toMatchObject({
      user: 'bob',
      role: 'user/bob',
    })
  })

  it('reads an SSO role ARN with its reserved path', () => {
    const p = parsePrincipalArn(
      'arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Admin_0123456789abcdef',
    )
    expect(p).toMatchObject({ kind: 'sso', permissionSet: 'Admin' })
  })

  it('reads the account root and federated users', () => {
    expect(parsePrincipalArn('arn:aws:iam::111122223333:root')).toMatchObject({
      kind: 'root',
      role: 'root',
      account: '111122223333',
    })
    expect(parsePrincipalArn('arn:aws:sts::111122223333:federated-user/Bob')).toMatchObject({
      kind: 'federated',
      person: 'Bob',
    })
  })

  it('trims surrounding whitespace', () => {
    expect(parsePrincipalArn('  arn:aws:iam::111122223333:user/alice \n').person).toBe('alice')
  })

  it.each([
    ['', null],
    ['   ', null],
    ['not an arn', 'not an arn'],
    ['arn:aws:iam::12345:user/short-account', 'arn:aws:iam::12345:user/short-account'],
    ['arn:aws:s3:::bucket', 'arn:aws:s3:::bucket'],
    [
      'arn:aws:sts::111122223333:assumed-role/OnlyRole',
      'arn:aws:sts::111122223333:assumed-role/OnlyRole',
    ],
    [
      'arn:aws:sts::111122223333:assumed-role/Role/',
      'arn:aws:sts::111122223333:assumed-role/Role/',
    ],
    ['arn:aws:iam::111122223333:user/', 'arn:aws:iam::111122223333:user/'],
    ['bedrock.amazonaws.com', 'bedrock.amazonaws.com'],
  ])('reads %j as unknown without throwing', (value, person) => {
    const p = parsePrincipalArn(value)
    expect(p.kind).toBe('unknown')
    expect(p.person).toBe(person)
  })

  it('keeps the account of an ARN it cannot read further', () => {
    expect(parsePrincipalArn('arn:aws:sts::111122223333:weird/x')).toMatchObject({
      kind: 'unknown',
      account: '111122223333',
    })
  })

  it('accepts null and undefined', () => {
    expect(parsePrincipalArn(null).kind).toBe('unknown')
    expect(parsePrincipalArn(undefined).display).toBe('(empty)')
  })
})
