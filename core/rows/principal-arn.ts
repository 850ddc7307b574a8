// Parses the IAM principal ARN of a CUR line (`line_item_iam_principal`) into the roll-up levels a
// user groups by: full ARN → person (session or user) → role → account. Pure and total: any input,
// empty or malformed included, yields a result (kind 'unknown'), never an exception.
// Role roll-up choice: the role name exactly as in the ARN (SSO roles keep `AWSReservedSSO_…_<hash>`,
// which an auditor can find verbatim in IAM); the permission set is kept apart in `permissionSet`.

export type PrincipalKind =
  'iam-user' | 'api-key' | 'assumed-role' | 'sso' | 'agentcore' | 'root' | 'federated' | 'unknown'

export interface Principal {
  kind: PrincipalKind
  /** `aws`, `aws-cn`, `aws-us-gov`, …; null when the value is not an ARN. */
  partition: string | null
  account: string | null
  /** Role name (no path) for role sessions; `user/<name>` for IAM users and API keys. */
  role: string | null
  /** IAM user name (users and Bedrock API keys). */
  user: string | null
  /** Role session name (the part after the role in an assumed-role ARN). */
  session: string | null
  /** IAM Identity Center permission set, for `AWSReservedSSO_<set>_<hash>` roles. */
  permissionSet: string | null
  /** The person or session the cost is attributed to; AgentCore runs roll up to their role. */
  person: string | null
  /** Short text for people, e.g. `maria@example.com (SSO DataScience)`. */
  display: string
  /** Why this principal cannot be split further, when that is the case (gateway roles). */
  note: string | null
}

const ARN = /^arn:(aws[a-z0-9-]*):(iam|sts)::(\d{12}):(.+)$/
const SSO_ROLE = /^AWSReservedSSO_(.+)_[0-9a-f]{16}$/
const AGENTCORE_SESSION = /^BedrockAgentCore-/
const API_KEY_USER = /^BedrockAPIKey-/
// A naming heuristic only: CUR cannot tell a gateway role from any other shared role.
const GATEWAY_ROLE = /gateway|litellm|llm-proxy/i
const GATEWAY_NOTE =
  'Shared gateway role: CUR cannot split it by end user; only the gateway logs can.'

export function parsePrincipalArn(value: string | null | undefined): Principal {
  const text = (value ?? '').trim()
  const match = ARN.exec(text)
  if (!match) return unknown(text, null, null)
  const [, partition, service, account, resource] = match
  const parts = resource.split('/')
  const head = parts[0]

  if (resource === 'root') {
    return principal('root', partition, account, {
      role: 'root',
      person: 'root',
      display: `root (${account})`,
    })
  }
  if (service === 'iam' && head === 'user' && parts.length >= 2 && last(parts)) {
    const user = last(parts)
    const apiKey = API_KEY_USER.test(user)
    return principal(apiKey ? 'api-key' : 'iam-user', partition, account, {
      role: `user/${user}`,
      user,
      person: user,
      display: apiKey ? `Bedrock API key ${user}` : `${user} (IAM user)`,
    })
  }
  if (service === 'iam' && head === 'role' && parts.length >= 2 && last(parts)) {
    return roleSession(partition, account, last(parts), null)
  }
  if (service === 'sts' && head === 'assumed-role' && parts.length >= 3 && parts[1]) {
    const session = parts.slice(2).join('/')
    if (session) return roleSession(partition, account, parts[1], session)
  }
  if (service === 'sts' && head === 'federated-user' && parts.length === 2 && parts[1]) {
    return principal('federated', partition, account, {
      role: 'federated-user',
      user: parts[1],
      person: parts[1],
      display: `${parts[1]} (federated user)`,
    })
  }
  return unknown(text, partition, account)
}

function roleSession(
  partition: string,
  account: string,
  role: string,
  session: string | null,
): Principal {
  const sso = SSO_ROLE.exec(role)
  if (sso) {
    const permissionSet = sso[1]
    const person = session ?? role
    return principal('sso', partition, account, {
      role,
      session,
      permissionSet,
      person,
      display: `${person} (SSO ${permissionSet})`,
    })
  }
  if (session && AGENTCORE_SESSION.test(session)) {
    return principal('agentcore', partition, account, {
      role,
      session,
      person: role,
      display: `${role} (AgentCore runs)`,
    })
  }
  const gateway = GATEWAY_ROLE.test(role)
  return principal('assumed-role', partition, account, {
    role,
    session,
    person: session ?? role,
    display: session ? `${role} / ${session}` : role,
    note: gateway ? GATEWAY_NOTE : null,
  })
}

function principal(
  kind: PrincipalKind,
  partition: string,
  account: string,
  fields: Partial<Principal> & { display: string },
): Principal {
  return {
    kind,
    partition,
    account,
    role: null,
    user: null,
    session: null,
    permissionSet: null,
    person: null,
    note: null,
    ...fields,
  }
}

function unknown(text: string, partition: string | null, account: string | null): Principal {
  // A value we cannot read still forms its own visible group instead of joining "(no principal)".
  const raw = text === '' ? null : text
  return {
    kind: 'unknown',
    partition,
    account,
    role: raw,
    user: null,
    session: null,
    permissionSet: null,
    person: raw,
    display: raw ?? '(empty)',
    note: null,
  }
}

function last(parts: string[]): string {
  return parts[parts.length - 1]
}
