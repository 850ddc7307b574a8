import { describe, expect, it } from 'vitest'
import { createApiClient } from '../../../core/bridge/client.js'
import { serveApi } from '../../../core/bridge/server.js'
import { CurLensError } from '../../../core/errors/curlens-error.js'

interface EchoApi {
  echo(value: { n: number }): Promise<{ n: number }>
  fail(file: string): Promise<void>
}

function makeClient() {
  const api: EchoApi = {
    echo: async (value) => ({ n: value.n + 1 }),
    fail: async (file) => {
      throw new CurLensError('FILE_CORRUPT', `${file} is not a Parquet file.`, { file })
    },
  }
  const handle = serveApi(api)
  // A JSON round trip stands in for IPC or HTTP: only plain data crosses.
  return createApiClient<EchoApi>(async (inv) => JSON.parse(JSON.stringify(await handle(inv))))
}

describe('the API bridge', () => {
  it('carries a call and its plain result across a serializing transport', async () => {
    expect(await makeClient().echo({ n: 41 })).toEqual({ n: 42 })
  })

  it('rebuilds a CurLensError with its code, message and file on the client side', async () => {
    const error = await makeClient()
      .fail('/data/x.parquet')
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CurLensError)
    expect(error).toMatchObject({
      code: 'FILE_CORRUPT',
      message: '/data/x.parquet is not a Parquet file.',
      file: '/data/x.parquet',
    })
  })

  it('refuses a method the implementation does not have', async () => {
    const handle = serveApi({ echo: async () => 1 })
    for (const method of ['constructor', '__proto__', 'toString', 'missing']) {
      const result = await handle({ method, args: [] })
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_QUERY' } })
    }
  })
})
