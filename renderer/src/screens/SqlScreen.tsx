// SQL: the auditor's own questions, as one read-only SELECT over the documented views. An editor
// with completion beside the schema panel, Run (Ctrl/Cmd+Enter) and Cancel, then the result a
// page at a time with Export CSV. The engine decides what may run; refusals read as such.
import LockOutlined from '@mui/icons-material/LockOutlined'
import PlayArrowOutlined from '@mui/icons-material/PlayArrowOutlined'
import StopOutlined from '@mui/icons-material/StopOutlined'
import TerminalOutlined from '@mui/icons-material/TerminalOutlined'
import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Chip from '@mui/material/Chip'
import MenuItem from '@mui/material/MenuItem'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import { useRef, useState } from 'react'
import { useApi } from '../api/ApiProvider.js'
import { useRequest } from '../api/use-request.js'
import { EmptyState } from '../components/EmptyState.js'
import { PageHeader } from '../components/PageHeader.js'
import { SectionCard } from '../components/SectionCard.js'
import type { ErrorInfo } from '../model/errors.js'
import { newId } from '../model/ids.js'
import { describeSqlError, EXAMPLE_QUERIES } from '../model/sql-console.js'
import { useSession } from '../state/SessionProvider.js'
import { ExportCsvButton } from './sql/ExportCsvButton.js'
import { SchemaPanel } from './sql/SchemaPanel.js'
import { SqlEditor, type SqlEditorHandle } from './sql/SqlEditor.js'
import { SqlErrorAlert } from './sql/SqlErrorAlert.js'
import { SqlResults } from './sql/SqlResults.js'

/** The editor and the schema panel side by side, as tall as each other (wide windows). */
const PANEL_HEIGHT = 420
const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

export function SqlScreen() {
  const api = useApi()
  const { sql, setSql, state } = useSession()
  const editor = useRef<SqlEditorHandle>(null)
  const job = useRef<string | null>(null)
  const [exported, setExported] = useState<{ text: string } | { error: ErrorInfo } | null>(null)
  const schema = useRequest(`sql-schema:${state.generation}`, () => api.sqlSchema())
  const run = sql.run
  const result = useRequest(
    run ? `sql:${state.generation}:${run.id}:${run.page}:${run.pageSize}` : null,
    (jobId) => {
      job.current = jobId
      if (!run) return Promise.reject(new Error('No query to run'))
      return api.runSql({ sql: run.sql, page: run.page, pageSize: run.pageSize, jobId })
    },
    (jobId) => void api.cancel(jobId).catch(() => undefined),
  )
  const error = result.error ? describeSqlError(result.error) : null
  const cancelled = error?.code === 'CANCELLED'

  const runQuery = () => {
    setExported(null)
    setSql((s) => ({ ...s, run: { id: newId(), sql: s.text, page: 0, pageSize: s.pageSize } }))
  }
  const cancel = () => {
    if (job.current) api.cancel(job.current).catch(() => undefined)
  }
  const page = (next: number) =>
    setSql((s) => (s.run ? { ...s, run: { ...s.run, page: next } } : s))
  const pageSize = (size: number) =>
    setSql((s) => ({
      ...s,
      pageSize: size,
      run: s.run ? { ...s.run, page: 0, pageSize: size } : s.run,
    }))

  return (
    <>
      <PageHeader
        title="SQL"
        subtitle="Ask your own questions of the export: one SELECT at a time over the views listed on the right. Nothing can be changed, and nothing leaves this computer."
        actions={
          <TextField
            select
            size="small"
            label="Examples"
            value=""
            onChange={(e) => setSql((s) => ({ ...s, text: e.target.value }))}
            sx={{ minWidth: 240 }}
            data-testid="sql-examples"
          >
            {EXAMPLE_QUERIES.map((example) => (
              <MenuItem key={example.label} value={example.sql}>
                {example.label}
              </MenuItem>
            ))}
          </TextField>
        }
      />
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'minmax(0, 1fr) 360px' },
          gap: 2,
          mb: 2,
        }}
      >
        <SectionCard
          title="Query"
          subheader="DuckDB SQL. Table functions are limited to range, generate_series and unnest."
          action={
            <Chip
              size="small"
              variant="outlined"
              icon={<LockOutlined />}
              label="Read-only"
              sx={{ mr: 1 }}
            />
          }
          busy={result.loading}
          sx={{ height: { lg: PANEL_HEIGHT } }}
          contentSx={{ display: 'flex', flexDirection: 'column' }}
        >
          <SqlEditor
            ref={editor}
            value={sql.text}
            onChange={(text) => setSql((s) => ({ ...s, text }))}
            onRun={runQuery}
            schema={schema.data}
          />
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, mt: 2, flexWrap: 'wrap' }}>
            <Button
              variant="contained"
              startIcon={<PlayArrowOutlined />}
              onClick={runQuery}
              data-testid="sql-run-button"
            >
              Run
            </Button>
            {result.loading && (
              <Button
                variant="outlined"
                color="inherit"
                startIcon={<StopOutlined />}
                onClick={cancel}
                data-testid="sql-cancel-button"
              >
                Cancel
              </Button>
            )}
            <Typography variant="caption" sx={{ color: 'text.secondary' }}>
              {result.loading ? 'Running…' : `${IS_MAC ? '⌘' : 'Ctrl'}+Enter runs the query`}
            </Typography>
          </Box>
        </SectionCard>
        <SchemaPanel
          schema={schema.data}
          onInsert={(name) => editor.current?.insert(name)}
          sx={{ height: { lg: PANEL_HEIGHT } }}
        />
      </Box>
      {error && !cancelled && <SqlErrorAlert error={error} sx={{ mb: 2 }} />}
      {cancelled && (
        <Alert severity="info" variant="outlined" sx={{ mb: 2 }} data-testid="sql-cancelled">
          The query was cancelled. The engine is ready for the next one.
        </Alert>
      )}
      <SectionCard
        title="Result"
        subheader={run ? 'A page at a time; Export CSV writes the whole result.' : undefined}
        action={
          run && result.data && !error ? (
            <ExportCsvButton sql={run.sql} onDone={setExported} />
          ) : undefined
        }
        busy={result.loading && result.data !== undefined}
      >
        {exported && 'text' in exported && (
          <Alert
            severity="success"
            variant="outlined"
            sx={{ mb: 1.5 }}
            onClose={() => setExported(null)}
            data-testid="sql-export-note"
          >
            {exported.text}
          </Alert>
        )}
        {exported && 'error' in exported && (
          <SqlErrorAlert error={exported.error} sx={{ mb: 1.5 }} />
        )}
        {result.data && !error ? (
          <SqlResults result={result.data} onPage={page} onPageSize={pageSize} />
        ) : (
          <EmptyState
            icon={<TerminalOutlined />}
            title={result.loading ? 'Running the query…' : 'No result yet'}
            body={
              result.loading
                ? 'Rows appear here as soon as the first page is ready.'
                : 'Write a SELECT, or pick an example, and press Run.'
            }
          />
        )}
      </SectionCard>
    </>
  )
}
