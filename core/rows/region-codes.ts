// AWS billing region codes, the prefix of a usage type (`USE1-…`, `EU-…`, `APS3-…`), mapped to
// region codes. Source: AWS "Region billing codes" (BEDROCK-USAGE-TYPES.md §7). A prefix missing
// from the table stays unknown (null); it is never defaulted to us-east-1.

export const BILLING_REGION_CODES: Readonly<Record<string, string>> = {
  USE1: 'us-east-1',
  USE2: 'us-east-2',
  USW1: 'us-west-1',
  USW2: 'us-west-2',
  CAN1: 'ca-central-1',
  CAN2: 'ca-west-1',
  MXC1: 'mx-central-1',
  AFS1: 'af-south-1',
  APE1: 'ap-east-1',
  APE2: 'ap-east-2',
  APN1: 'ap-northeast-1',
  APN2: 'ap-northeast-2',
  APN3: 'ap-northeast-3',
  APS1: 'ap-southeast-1',
  APS2: 'ap-southeast-2',
  APS3: 'ap-south-1',
  APS4: 'ap-southeast-3',
  APS5: 'ap-south-2',
  APS6: 'ap-southeast-4',
  APS7: 'ap-southeast-5',
  APS8: 'ap-southeast-6',
  APS9: 'ap-southeast-7',
  EU: 'eu-west-1',
  // Not an AWS code, but seen in public parsers; accepted defensively.
  EUW1: 'eu-west-1',
  EUC1: 'eu-central-1',
  EUC2: 'eu-central-2',
  EUW2: 'eu-west-2',
  EUW3: 'eu-west-3',
  EUN1: 'eu-north-1',
  EUS1: 'eu-south-1',
  EUS2: 'eu-south-2',
  ILC1: 'il-central-1',
  MEC1: 'me-central-1',
  MES1: 'me-south-1',
  SAE1: 'sa-east-1',
  UGW1: 'us-gov-west-1',
  UGE1: 'us-gov-east-1',
}

/** Shape of a billing region code, known or not: `USE1`, `EU`, `APS10`. */
const REGION_CODE_SHAPE = /^[A-Z]{2,4}\d{0,2}$/

export interface RegionPrefix {
  /** The prefix as written, or null when the usage type has none. */
  code: string | null
  /** The region it stands for, or null when the code is not in the table. */
  region: string | null
  /** The usage type without the prefix. */
  rest: string
}

export function splitRegionPrefix(usageType: string): RegionPrefix {
  const dash = usageType.indexOf('-')
  const head = dash > 0 ? usageType.slice(0, dash) : ''
  if (!REGION_CODE_SHAPE.test(head)) return { code: null, region: null, rest: usageType }
  const region = Object.hasOwn(BILLING_REGION_CODES, head) ? BILLING_REGION_CODES[head] : null
  return { code: head, region, rest: usageType.slice(dash + 1) }
}
