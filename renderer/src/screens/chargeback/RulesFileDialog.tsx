// Saves the mapping rules in a workspace file (with the sources they were written for), or loads
// the rules of a saved workspace or of a plain rules file (the CLI's --rules format, as a colleague
// may send it), so the same rules apply month after month. A file to save is named by a typed
// path (the API has no save dialog); a file to load is typed in the desktop app and uploaded
// through the browser's file picker in web mode.
import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import Dialog from '@mui/material/Dialog'
import DialogActions from '@mui/material/DialogActions'
import DialogContent from '@mui/material/DialogContent'
import DialogTitle from '@mui/material/DialogTitle'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import { useState } from 'react'
import type { LoadedRules, MappingRule } from '../../../../core/api.js'
import { useApi, useDesktop } from '../../api/ApiProvider.js'
import { ErrorAlert } from '../../components/ErrorAlert.js'
import { describeError, type ErrorInfo } from '../../model/errors.js'
import { exportName } from '../../model/export-name.js'
import { toMappingRules } from '../../model/rules-editor.js'

interface RulesFileDialogProps {
  mode: 'save' | 'load' | null
  rules: MappingRule[]
  sources: string[]
  onLoaded(rules: MappingRule[]): void
  onClose(): void
}

export function RulesFileDialog({ mode, rules, sources, onLoaded, onClose }: RulesFileDialogProps) {
  const api = useApi()
  const upload = useDesktop() === null && mode === 'load'
  const [path, setPath] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ErrorInfo | null>(null)
  const [done, setDone] = useState<string | null>(null)

  const close = () => {
    setError(null)
    setDone(null)
    onClose()
  }

  const loaded = ({ rules: { rules: loaded }, savedFor }: LoadedRules) => {
    if (loaded.length === 0) {
      setDone('That file has no mapping rules; nothing was changed.')
      return
    }
    onLoaded(loaded)
    setDone(
      savedFor
        ? `Loaded ${loaded.length} rules, saved for ${exportName(savedFor)}.`
        : `Loaded ${loaded.length} rules.`,
    )
  }

  const settle = (work: Promise<void>) => {
    setBusy(true)
    setError(null)
    setDone(null)
    work.catch((e: unknown) => setError(describeError(e))).finally(() => setBusy(false))
  }

  const run = () => {
    const file = path.trim()
    if (!file || !mode) return
    settle(
      mode === 'save'
        ? api
            .saveWorkspace(file, { version: 1, sources, rules: toMappingRules(rules) })
            .then(() => setDone(`Saved ${rules.length} rules to ${file}.`))
        : api.loadRules(file).then(loaded),
    )
  }

  const uploadFile = (file: File | undefined) => {
    if (file) settle(file.text().then((text) => api.parseRules(text, file.name).then(loaded)))
  }

  return (
    <Dialog
      open={mode !== null}
      onClose={close}
      fullWidth
      maxWidth="sm"
      aria-labelledby="rules-file-title"
    >
      <DialogTitle id="rules-file-title">
        {mode === 'save' ? 'Save rules in a workspace' : 'Load rules from a file'}
      </DialogTitle>
      <DialogContent sx={{ display: 'grid', gap: 2 }}>
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          {mode === 'save'
            ? 'A workspace file keeps these rules with the sources they were written for. Saving replaces the file safely if it exists.'
            : 'The rules of a workspace or of a rules file (the format cur-lens export --rules reads) replace the rules in the table.'}
        </Typography>
        {upload ? (
          <Button variant="outlined" component="label" disabled={busy}>
            Choose a file…
            <input
              hidden
              type="file"
              accept=".json,application/json"
              data-testid="rules-file-upload"
              onChange={(e) => {
                uploadFile(e.target.files?.[0])
                e.target.value = ''
              }}
            />
          </Button>
        ) : (
          <TextField
            autoFocus
            size="small"
            label={mode === 'save' ? 'Workspace file' : 'Workspace or rules file'}
            placeholder="/home/you/cur/chargeback.curlens.json"
            value={path}
            onChange={(e) => setPath(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && run()}
            slotProps={{ htmlInput: { 'data-testid': 'rules-file-input', spellCheck: false } }}
          />
        )}
        {error && <ErrorAlert error={error} onClose={() => setError(null)} />}
        {done && (
          <Alert severity="success" variant="outlined">
            {done}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>{done ? 'Close' : 'Cancel'}</Button>
        {!upload && (
          <Button
            variant="contained"
            onClick={run}
            disabled={busy || !path.trim()}
            data-testid="rules-file-confirm"
          >
            {mode === 'save' ? 'Save' : 'Load'}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  )
}
