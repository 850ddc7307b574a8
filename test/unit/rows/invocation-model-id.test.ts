import { describe, expect, it } from 'vitest'
import { crossRegionOf, invocationModel } from '../../../core/rows/invocation-model-id.js'

describe('the model of an invocation-log model id', () => {
  it.each([
    ['anthropic.claude-haiku-4-5-20251001-v1:0', 'anthropic.claude-haiku-4-5'],
    ['us.anthropic.claude-haiku-4-5-20251001-v1:0', 'anthropic.claude-haiku-4-5'],
    ['global.anthropic.claude-opus-4-7-v1', 'anthropic.claude-opus-4-7'],
    ['eu.amazon.nova-pro-v1:0', 'amazon.nova-pro-v1'],
    ['apac.amazon.nova-lite-v1:0', 'amazon.nova-lite-v1'],
    ['jp.anthropic.claude-sonnet-4-6', 'anthropic.claude-sonnet-4-6'],
    ['au.anthropic.claude-sonnet-4-5-20250929-v1:0', 'anthropic.claude-sonnet-4-5'],
    ['ca.meta.llama3-3-70b-instruct-v1:0', 'meta.llama3-3-70b-instruct-v1'],
    ['us-gov.anthropic.claude-3-haiku-20240307-v1:0', 'anthropic.claude-3-haiku'],
    ['meta.llama3-1-70b-instruct-v1:0:128k', 'meta.llama3-1-70b-instruct-v1'],
    ['us.deepseek.r1-v1:0', 'deepseek.r1-v1'],
    ['openai.gpt-oss-120b-1:0', 'openai.gpt-oss-120b'],
    ['mistral.mistral-large-2407-v1:0', 'mistral.mistral-large-2407-v1'],
    ['amazon.titan-embed-text-v2:0', 'amazon.titan-embed-text-v2'],
    [
      'arn:aws:bedrock:us-west-2:123456789012:inference-profile/us.anthropic.claude-sonnet-4-6',
      'anthropic.claude-sonnet-4-6',
    ],
    ['arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0', 'amazon.nova-pro-v1'],
    [
      'arn:aws-us-gov:bedrock:us-gov-west-1:123456789012:inference-profile/us-gov.anthropic.claude-3-haiku-20240307-v1:0',
      'anthropic.claude-3-haiku',
    ],
  ])('reads %s as %s', (modelId, key) => {
    expect(invocationModel(modelId)).toMatchObject({ kind: 'known', key })
  })

  it('names the model as the bill does', () => {
    expect(invocationModel('us.amazon.nova-pro-v1:0')).toEqual({
      kind: 'known',
      key: 'amazon.nova-pro-v1',
      name: 'Amazon Nova Pro',
      provider: 'Amazon',
    })
  })

  it('keeps an application inference profile visible as such: its model is not in the ARN', () => {
    const arn = 'arn:aws:bedrock:us-west-2:219119460318:application-inference-profile/j0ggr3tc0ycx'
    expect(invocationModel(arn)).toEqual({
      kind: 'opaque',
      resourceType: 'application-inference-profile',
      arn,
    })
  })

  it('keeps provisioned and custom models opaque too', () => {
    expect(
      invocationModel('arn:aws:bedrock:us-east-1:123456789012:provisioned-model/abcd1234efgh'),
    ).toMatchObject({ kind: 'opaque', resourceType: 'provisioned-model' })
    expect(
      invocationModel(
        'arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.nova-lite-v1:0/x1',
      ),
    ).toMatchObject({ kind: 'opaque', resourceType: 'custom-model' })
  })

  it('keeps a model the catalog does not know as its id, without geo prefix and revision', () => {
    expect(invocationModel('us.acme.brand-new-model-v1:0')).toEqual({
      kind: 'unknown',
      modelId: 'acme.brand-new-model-v1',
    })
  })
})

describe('the routing an invocation-log model id names', () => {
  it.each([
    ['anthropic.claude-haiku-4-5-20251001-v1:0', 'none'],
    ['global.anthropic.claude-opus-4-7-v1', 'global'],
    ['us.amazon.nova-pro-v1:0', 'geo'],
    ['apac.amazon.nova-lite-v1:0', 'geo'],
    [
      'arn:aws:bedrock:us-east-1:123456789012:inference-profile/global.anthropic.claude-sonnet-4-6',
      'global',
    ],
    ['arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0', 'none'],
    ['arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abcd1234efgh', null],
  ])('reads %s as %s', (modelId, routing) => {
    expect(crossRegionOf(modelId)).toBe(routing)
  })
})
