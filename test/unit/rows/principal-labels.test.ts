import { describe, expect, it } from 'vitest'
import { parsePrincipalArn } from '../../../core/rows/principal-arn.js'
import { GATEWAY_MIN_SESSIONS, principalLabel } from '../../../core/rows/principal-labels.js'

const label = (arn: string, sessions = 1, level: 'principal' | 'role' = 'principal') =>
  principalLabel(parsePrincipalArn(arn), sessions, level)

describe('principal labels', () => {
  it('names each kind of principal as people say it, with the session beside a full ARN', () => {
    const sso =
      'arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_DataScience_1a2b3c4d5e6f7a8b/maria@example.com'
    expect(label(sso)).toBe('SSO: DataScience · maria@example.com')
    expect(label(sso, 1, 'role')).toBe('SSO: DataScience')
    expect(label('arn:aws:iam::111122223333:user/alice')).toBe('IAM user alice')
    expect(label('arn:aws:iam::111122223333:user/BedrockAPIKey-ab12')).toBe(
      'API key BedrockAPIKey-ab12',
    )
    expect(label('arn:aws:sts::111122223333:assumed-role/AppRole/i-0abc123')).toBe(
      'service role AppRole · i-0abc123',
    )
    expect(label('arn:aws:iam::012345678901:role/teams/ml/BatchInferenceRole')).toBe(
      'service role BatchInferenceRole',
    )
    expect(
      label(
        'arn:aws:sts::111122223333:assumed-role/AgentRuntimeRole/BedrockAgentCore-1',
        1,
        'role',
      ),
    ).toBe('AgentCore role AgentRuntimeRole')
    expect(label('arn:aws:iam::111122223333:root')).toBe('root user 111122223333')
    expect(label('arn:aws:sts::111122223333:federated-user/bob')).toBe('federated user bob')
    expect(label('not an arn')).toBe('not an arn')
  })

  it(`calls an assumed role with ${GATEWAY_MIN_SESSIONS} sessions or a gateway name a gateway role`, () => {
    const arn = 'arn:aws:sts::111122223333:assumed-role/ProxyRole/u-01'
    expect(label(arn, GATEWAY_MIN_SESSIONS - 1)).toBe('service role ProxyRole · u-01')
    expect(label(arn, GATEWAY_MIN_SESSIONS)).toBe('gateway role ProxyRole · u-01')
    expect(label('arn:aws:sts::444455556666:assumed-role/llm-gateway-role/gw-17', 1, 'role')).toBe(
      'gateway role llm-gateway-role',
    )
    // Many people under one SSO permission set do not make it a gateway.
    const sso = 'arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_Dev_1a2b3c4d5e6f7a8b/x'
    expect(principalLabel(parsePrincipalArn(sso), 50, 'role')).toBe('SSO: Dev')
  })
})
