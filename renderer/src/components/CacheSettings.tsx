// The About box's account of the persistent cache: what is kept where, its size, a switch for
// users who must not keep copies of billing data, and Clear cached data.
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import FormControlLabel from '@mui/material/FormControlLabel'
import Switch from '@mui/material/Switch'
import Typography from '@mui/material/Typography'
import { useCallback, useEffect, useState } from 'react'
import type { CacheStatus } from '../../../core/api.js'
import { formatBytes, formatNumber } from '../../../core/format/number.js'
import { useApi } from '../api/ApiProvider.js'
import { describeError } from '../model/errors.js'
import { useFormats } from '../state/FormatProvider.js'

export function CacheSettings() {
  const api = useApi()
  const { locale } = useFormats()
  const [status, setStatus] = useState<CacheStatus | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const refresh = useCallback(
    () =>
      api.cacheStatus().then(setStatus, (error: unknown) => {
        setMessage(describeError(error).message)
      }),
    [api],
  )
  useEffect(() => {
    void refresh()
  }, [refresh])

  /** Runs an action, then shows its message with the status it left, together. */
  async function act(body: () => Promise<string | null>) {
    setBusy(true)
    let text: string | null
    try {
      text = await body()
    } catch (error) {
      text = describeError(error).message
    }
    await refresh()
    setBusy(false)
    setMessage(text)
  }

  const entries = status?.entries.length ?? 0
  return (
    <Box sx={{ mt: 2.5 }} data-testid="cache-settings">
      <Typography variant="subtitle2" component="h2">
        Cache on this computer
      </Typography>
      <Typography variant="body2" sx={{ color: 'text.secondary', mt: 0.5 }}>
        To reopen an export fast, CUR Lens keeps what it works out from the files (totals, converted
        CSV, the attributed rows): copies of billing data, kept only here, in
      </Typography>
      <Typography
        variant="body2"
        component="code"
        sx={{ display: 'block', wordBreak: 'break-all', my: 0.5, fontFamily: 'monospace' }}
        data-testid="cache-location"
      >
        {status?.location ?? '…'}
      </Typography>
      {status && (
        <Typography variant="body2" data-testid="cache-size">
          {entries === 0
            ? 'Nothing is kept.'
            : `${formatNumber(entries, locale, 0)} ${entries === 1 ? 'entry' : 'entries'} · ${formatBytes(status.bytes, locale)}`}
        </Typography>
      )}
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mt: 1, flexWrap: 'wrap' }}>
        <FormControlLabel
          control={
            <Switch
              checked={status?.enabled ?? true}
              disabled={!status || busy}
              onChange={(_, enabled) =>
                act(async () => {
                  await api.setCacheEnabled(enabled)
                  return enabled
                    ? 'Exports opened from now on are kept.'
                    : 'Exports opened from now on keep nothing here.'
                })
              }
              slotProps={{ input: { 'data-testid': 'cache-enabled' } as object }}
            />
          }
          label="Keep a cache of opened exports"
        />
        <Button
          variant="outlined"
          color="inherit"
          size="small"
          disabled={!status || busy || entries === 0}
          onClick={() => act(async () => `Freed ${formatBytes(await api.clearCache(), locale)}.`)}
          data-testid="clear-cache"
        >
          Clear cached data
        </Button>
      </Box>
      {message && (
        <Typography variant="body2" role="status" sx={{ mt: 1 }}>
          {message}
        </Typography>
      )}
    </Box>
  )
}
