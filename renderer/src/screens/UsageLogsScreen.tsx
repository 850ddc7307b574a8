// Usage logs: add Bedrock invocation logs or gateway logs to split the report's Bedrock cost by end
// user; which sources are loaded, how much of the Bedrock cost they split, and how their tokens
// and estimates reconcile with the bill, by day and model, with billed against estimated by day.
import QueryStatsOutlined from '@mui/icons-material/QueryStatsOutlined'
import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Stack from '@mui/material/Stack'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import FolderOpenOutlined from '@mui/icons-material/FolderOpenOutlined'
import InsertDriveFileOutlined from '@mui/icons-material/InsertDriveFileOutlined'
import { useRef, useState, type DragEvent } from 'react'
import type { Filter, ProgressEvent, UsageLogSourceInfo } from '../../../core/api.js'
import { formatNumber, formatPercent } from '../../../core/format/number.js'
import { useApi, useApiEvent, useDesktop, usePathForFile } from '../api/ApiProvider.js'
import { useRequest } from '../api/use-request.js'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { KpiCard } from '../components/KpiCard.js'
import { PageHeader } from '../components/PageHeader.js'
import { PathField } from '../components/PathField.js'
import { SectionCard } from '../components/SectionCard.js'
import { describeError, type ErrorInfo } from '../model/errors.js'
import { newId } from '../model/ids.js'
import { useFormats } from '../state/FormatProvider.js'
import { useSession } from '../state/SessionProvider.js'
import { BilledEstimatedChart } from './usage-logs/BilledEstimatedChart.js'
import { LoadProgress } from './usage-logs/LoadProgress.js'
import { ReconcileTable } from './usage-logs/ReconcileTable.js'

export function UsageLogsScreen() {
  const api = useApi()
  const desktop = useDesktop()
  const pathForFile = usePathForFile()
  const formats = useFormats()
  const { state, usageLogs, actions } = useSession()
  // The key the loaded logs were read with, so a reload keeps it.
  const [userKey, setUserKey] = useState(usageLogs.data?.userKey ?? 'end_user')
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState<ErrorInfo | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  // The load's job, to match its progress and to cancel it.
  const job = useRef<string | null>(null)
  const [progress, setProgress] = useState<ProgressEvent | null>(null)
  const [cancelling, setCancelling] = useState(false)
  useApiEvent('onDidProgress', (event) => {
    if (event.jobId === job.current) setProgress(event)
  })
  const logs = usageLogs.data
  const version = logs ? `${state.generation}.${state.logsVersion}` : null
  // The cost the logs can explain: that of the principals they name (a gateway's role).
  const filters: Filter[] = logs?.principals.length
    ? [{ dimension: 'principal', values: logs.principals }]
    : []
  const byDayModel = useRequest(version && `reconcile:${version}`, () =>
    api.reconcile({ by: ['day', 'model'], filters }),
  )
  const byDay = useRequest(version && `reconcile-day:${version}`, () =>
    api.reconcile({ by: ['day'], filters }),
  )

  const add = (paths: string[]) => {
    const jobId = newId()
    job.current = jobId
    setProgress(null)
    setCancelling(false)
    setLoading(true)
    setError(null)
    api
      .openUsageLogs({ paths, userKey: userKey.trim() || undefined, jobId })
      .then(actions.logsLoaded, (e: unknown) => {
        const error = describeError(e)
        if (error.code === 'CANCELLED')
          setNotice('Loading cancelled: the logs loaded before are kept.')
        else setError(error)
        // A load that fails or is cancelled keeps the logs loaded before: ask what they are.
        actions.logsLoaded()
      })
      .finally(() => {
        job.current = null
        setLoading(false)
      })
  }
  const cancel = () => {
    setCancelling(true)
    if (job.current) api.cancel(job.current).catch(() => undefined)
  }

  const choose = (kind: 'files' | 'folder') =>
    void desktop?.chooseSources(kind).then((paths) => paths.length > 0 && add(paths))
  // Logs dropped on this card load as logs, not as an export (the window's drop target opens those).
  const onDrop = (event: DragEvent) => {
    if (!Array.from(event.dataTransfer.types).includes('Files')) return
    event.preventDefault()
    event.stopPropagation()
    if (!pathForFile) {
      setNotice('In the browser, type the path of the log files or folder in the field instead.')
      return
    }
    const paths = Array.from(event.dataTransfer.files).map(pathForFile).filter(Boolean)
    if (paths.length > 0 && !loading) add(paths)
  }

  return (
    <>
      <PageHeader
        title="Usage logs"
        subtitle="Bedrock invocation logs or gateway logs split the Bedrock cost of a shared role among the end users they name (the User dimension), and show how far their tokens and estimates drift from the bill."
      />
      <Stack spacing={2}>
        <Box onDragOver={(e) => e.preventDefault()} onDrop={onDrop} data-testid="logs-drop">
          <SectionCard title="Add usage logs…" busy={loading}>
            <Stack spacing={2}>
              {desktop ? (
                <Stack direction="row" spacing={1.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
                  <Button
                    variant="contained"
                    startIcon={<FolderOpenOutlined />}
                    disabled={loading}
                    onClick={() => choose('folder')}
                  >
                    Choose a log folder…
                  </Button>
                  <Button
                    variant="outlined"
                    startIcon={<InsertDriveFileOutlined />}
                    disabled={loading}
                    onClick={() => choose('files')}
                  >
                    Choose log files…
                  </Button>
                </Stack>
              ) : (
                <PathField
                  label="Log file or folder"
                  helperText="Bedrock model invocation logs (.json.gz, NDJSON) or a gateway's usage export; loading replaces the logs loaded before."
                  buttonLabel="Load logs"
                  onSubmit={(path) => add([path])}
                  disabled={loading}
                  inputTestId="logs-path"
                  buttonTestId="logs-load"
                />
              )}
              <TextField
                label="End user key in request metadata"
                size="small"
                value={userKey}
                onChange={(e) => setUserKey(e.target.value)}
                sx={{ maxWidth: 320 }}
                slotProps={{ htmlInput: { 'data-testid': 'logs-user-key', spellCheck: false } }}
              />
              {loading && (
                <LoadProgress progress={progress} cancelling={cancelling} onCancel={cancel} />
              )}
              {notice && (
                <Alert severity="info" onClose={() => setNotice(null)}>
                  {notice}
                </Alert>
              )}
              {error && <ErrorAlert error={error} onClose={() => setError(null)} />}
            </Stack>
          </SectionCard>
        </Box>
        {usageLogs.error && <ErrorAlert error={usageLogs.error} onRetry={usageLogs.reload} />}
        {logs && (
          <>
            <Box
              sx={{
                display: 'grid',
                gap: 2,
                gridTemplateColumns: { xs: '1fr', md: '1fr 1fr 1fr' },
              }}
            >
              <KpiCard
                label="Bedrock cost split by the logs"
                value={formatPercent(logs.coverage, formats.locale)}
                valueTestId="logs-coverage"
                footer={`${formats.money.format(logs.splitCost)} of ${formats.money.format(logs.bedrockCost)}`}
              />
              <KpiCard
                label="Calls loaded"
                value={formatNumber(
                  logs.sources.reduce((n, s) => n + s.records, 0),
                  formats.locale,
                  0,
                )}
                footer={`from ${logs.paths.join(', ')} · end user key ${logs.userKey}`}
              />
              <KpiCard
                label="Groups drifting over 5 %"
                value={
                  byDayModel.data
                    ? formatNumber(
                        byDayModel.data.rows.filter((r) => r.flagged).length,
                        formats.locale,
                        0,
                      )
                    : undefined
                }
                footer="by day and model"
              />
            </Box>
            <SectionCard
              title="Sources"
              subheader="The logs loaded by format, and the records left out"
              action={
                <Button
                  startIcon={<QueryStatsOutlined />}
                  onClick={() => actions.exploreBy('user', filters)}
                  data-testid="logs-explore-users"
                >
                  Explore by user
                </Button>
              }
            >
              <Table size="small" aria-label="Usage log sources" data-testid="logs-sources">
                <TableHead>
                  <TableRow>
                    <TableCell>Format</TableCell>
                    <TableCell align="right">Files</TableCell>
                    <TableCell align="right">Calls</TableCell>
                    <TableCell align="right">Failed</TableCell>
                    <TableCell align="right">Repeated</TableCell>
                    <TableCell align="right">Other account</TableCell>
                    <TableCell align="right">Unreadable</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {byFormat(logs.sources).map((s) => (
                    <TableRow key={s.format}>
                      <TableCell>{s.format}</TableCell>
                      <TableCell align="right">{s.files}</TableCell>
                      <TableCell align="right">{s.records}</TableCell>
                      <TableCell align="right">{s.skipped.failed}</TableCell>
                      <TableCell align="right">{s.skipped.duplicates}</TableCell>
                      <TableCell align="right">{s.skipped.otherAccount}</TableCell>
                      <TableCell align="right">{s.skipped.unreadable}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              {logs.problems.length > 0 && (
                <Alert severity="warning" variant="outlined" sx={{ mt: 2 }}>
                  {logs.problems.slice(0, 5).map((p, i) => (
                    <Typography key={i} variant="body2">
                      {p.message}
                    </Typography>
                  ))}
                  {logs.problems.length > 5 && (
                    <Typography variant="body2">…and {logs.problems.length - 5} more</Typography>
                  )}
                </Alert>
              )}
            </SectionCard>
            <SectionCard
              title="Billed against estimated, by day"
              subheader="The logs' own cost estimate, where their source has one (Bedrock's logs have none)"
              busy={byDay.loading}
            >
              {byDay.error && <ErrorAlert error={byDay.error} onRetry={byDay.reload} />}
              {byDay.data && <BilledEstimatedChart byDay={byDay.data.rows} />}
            </SectionCard>
            <SectionCard
              title="Reconciliation by day and model"
              subheader="Logged tokens against billed tokens (usage × pricing unit); a negative drift is calls the logs lack"
              busy={byDayModel.loading}
            >
              {byDayModel.error && (
                <ErrorAlert error={byDayModel.error} onRetry={byDayModel.reload} />
              )}
              {byDayModel.data && <ReconcileTable result={byDayModel.data} />}
            </SectionCard>
          </>
        )}
      </Stack>
    </>
  )
}

/** The sources summed by format: a day of invocation logs is hundreds of small files. */
function byFormat(sources: readonly UsageLogSourceInfo[]) {
  const formats = new Map<string, UsageLogSourceInfo & { files: number }>()
  for (const s of sources) {
    const sum = formats.get(s.format) ?? {
      ...s,
      files: 0,
      records: 0,
      skipped: { failed: 0, duplicates: 0, otherAccount: 0, unreadable: 0 },
    }
    sum.files += 1
    sum.records += s.records
    for (const k of Object.keys(sum.skipped) as (keyof UsageLogSourceInfo['skipped'])[]) {
      sum.skipped[k] += s.skipped[k]
    }
    formats.set(s.format, sum)
  }
  return [...formats.values()]
}
