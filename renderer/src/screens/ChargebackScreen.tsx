// Chargeback: decide who pays (mapping rules with live coverage, or quickly by one dimension), how
// shared cost is treated, preview the statements with their reconciliation, and export CSVs.
import ReceiptLongOutlined from '@mui/icons-material/ReceiptLongOutlined'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Skeleton from '@mui/material/Skeleton'
import TextField from '@mui/material/TextField'
import ToggleButton from '@mui/material/ToggleButton'
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup'
import Typography from '@mui/material/Typography'
import { useEffect, useState } from 'react'
import type { Basis, Dimension, MappingRules } from '../../../core/api.js'
import { useApi } from '../api/ApiProvider.js'
import { useRequest } from '../api/use-request.js'
import { EmptyState } from '../components/EmptyState.js'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { PageHeader } from '../components/PageHeader.js'
import { SectionCard } from '../components/SectionCard.js'
import {
  buildChargebackRequest,
  PREVIEW_LINES_PER_STATEMENT,
  type ChargebackSettings,
} from '../model/chargeback-request.js'
import { dimensionOptionGroups, proposedRecipientKey } from '../model/dimension-options.js'
import { tagDimension } from '../model/dimensions.js'
import { newId } from '../model/ids.js'
import {
  completeRules,
  rulesReducer,
  validateRules,
  type RulesAction,
} from '../model/rules-editor.js'
import { INITIAL_BY, useSession } from '../state/SessionProvider.js'
import { useDebounced } from '../state/use-debounced.js'
import { ExportCard } from './chargeback/ExportCard.js'
import { RulesEditor } from './chargeback/RulesEditor.js'
import { RulesFileDialog } from './chargeback/RulesFileDialog.js'
import { SettingsCard } from './chargeback/SettingsCard.js'
import { StatementsView } from './chargeback/StatementsView.js'

interface CoverageArgs {
  rules: MappingRules
  basis: Basis
  period: string | null
}

function blockedReason(settings: ChargebackSettings): string | null {
  if (settings.mode === 'by') return null
  if (settings.rules.length === 0) return 'Add at least one rule, or use “One dimension”.'
  if (validateRules(settings.rules).length > 0) return 'Complete the rules marked in the table.'
  return null
}

export function ChargebackScreen() {
  const api = useApi()
  const { chargeback: settings, setChargeback, tagKeys, state } = useSession()
  const keys = tagKeys.data?.keys ?? []
  const [rulesFile, setRulesFile] = useState<'save' | 'load' | null>(null)
  const periods = state.dataset?.info.billingPeriods ?? []
  const update = (patch: Partial<ChargebackSettings>) => setChargeback((s) => ({ ...s, ...patch }))
  const changeRules = (action: RulesAction) =>
    setChargeback((s) => ({ ...s, rules: rulesReducer(s.rules, action) }))

  const coverageArgs = useDebounced(
    settings.mode === 'rules'
      ? JSON.stringify({
          rules: completeRules(settings.rules),
          basis: settings.basis,
          period: settings.period,
        })
      : null,
    300,
  )
  const coverage = useRequest(coverageArgs && `${state.generation}:${coverageArgs}`, () => {
    const { rules, basis, period } = JSON.parse(coverageArgs ?? '{}') as CoverageArgs
    // An absent period must not be sent as null: JSON carries undefined arguments as null.
    return period ? api.checkRules(rules, basis, period) : api.checkRules(rules, basis)
  })

  const blocked = blockedReason(settings)
  const request = blocked ? null : buildChargebackRequest(settings)
  const previewArgs = useDebounced(
    request ? JSON.stringify({ ...request, linesPerStatement: PREVIEW_LINES_PER_STATEMENT }) : null,
    400,
  )
  const preview = useRequest(previewArgs && `${state.generation}:${previewArgs}`, () =>
    api.chargeback(JSON.parse(previewArgs ?? '{}')),
  )
  // Kept from the last statements computed, so that fixed percentages can be typed while the
  // request they are part of is still incomplete.
  const [recipients, setRecipients] = useState<string[]>([])
  useEffect(() => {
    if (!preview.data) return
    setRecipients(
      preview.data.statements.filter((s) => s.kind === 'recipient').map((s) => s.recipient),
    )
  }, [preview.data])
  const quickGroups = dimensionOptionGroups(keys)
  const chooseMode = (mode: ChargebackSettings['mode']) => {
    const proposed = proposedRecipientKey(keys)
    const untouched = settings.by === INITIAL_BY
    update(mode === 'by' && untouched && proposed ? { mode, by: tagDimension(proposed) } : { mode })
  }

  return (
    <>
      <PageHeader
        title="Chargeback"
        subtitle="Decide who pays, how shared cost is spread, and export statements for finance. Everything reconciles to the bill."
      />
      <SectionCard
        sx={{ mb: 2 }}
        title="Who pays"
        subheader={
          settings.mode === 'rules'
            ? 'Rules in order of precedence: the first rule that matches a line item wins'
            : 'Every value of one dimension becomes a recipient'
        }
        busy={coverage.loading}
        action={
          <ToggleButtonGroup
            size="small"
            exclusive
            value={settings.mode}
            onChange={(_, mode: ChargebackSettings['mode'] | null) => mode && chooseMode(mode)}
            aria-label="How recipients are chosen"
          >
            <ToggleButton value="rules">Mapping rules</ToggleButton>
            <ToggleButton value="by" data-testid="chargeback-quick-mode">
              One dimension
            </ToggleButton>
          </ToggleButtonGroup>
        }
      >
        {settings.mode === 'rules' ? (
          <>
            {coverage.error && (
              <ErrorAlert error={coverage.error} onRetry={coverage.reload} sx={{ mb: 2 }} />
            )}
            <RulesEditor
              rules={settings.rules}
              coverage={coverage.data}
              tagKeys={keys}
              onChange={changeRules}
              newId={newId}
              actions={
                <>
                  <Button onClick={() => setRulesFile('load')} data-testid="load-rules-button">
                    Load rules…
                  </Button>
                  <Button
                    onClick={() => setRulesFile('save')}
                    disabled={settings.rules.length === 0}
                    data-testid="save-rules-button"
                  >
                    Save rules…
                  </Button>
                </>
              }
            />
            <RulesFileDialog
              mode={rulesFile}
              rules={settings.rules}
              sources={state.dataset?.paths ?? []}
              onLoaded={(rules) => changeRules({ type: 'replace', rules })}
              onClose={() => setRulesFile(null)}
            />
          </>
        ) : (
          <Box sx={{ display: 'grid', gap: 1.5, maxWidth: 480 }}>
            <TextField
              select
              size="small"
              label="Recipients are the values of"
              value={settings.by}
              onChange={(e) => update({ by: e.target.value as Dimension })}
              slotProps={{
                select: { native: true },
                inputLabel: { shrink: true },
                htmlInput: { 'data-testid': 'chargeback-by' },
              }}
            >
              {quickGroups.map((group) => (
                <optgroup key={group.label} label={group.label}>
                  {group.options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </optgroup>
              ))}
            </TextField>
            <Typography variant="body2" sx={{ color: 'text.secondary' }}>
              Line items without a value (untagged, no principal) form the “unattributed” bucket,
              treated as set on the right.
            </Typography>
          </Box>
        )}
      </SectionCard>
      <Box
        sx={{
          display: 'grid',
          gap: 2,
          gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 3fr) minmax(340px, 2fr)' },
          alignItems: 'start',
        }}
      >
        <SectionCard
          title="Statements"
          subheader="Preview of what will be exported"
          busy={preview.loading && Boolean(preview.data)}
        >
          {blocked ? (
            <EmptyState icon={<ReceiptLongOutlined />} title="No statements yet" body={blocked} />
          ) : preview.error ? (
            <ErrorAlert error={preview.error} onRetry={preview.reload} />
          ) : !preview.data ? (
            <Skeleton variant="rounded" height={200} />
          ) : (
            <StatementsView result={preview.data} />
          )}
        </SectionCard>
        <Box sx={{ display: 'grid', gap: 2 }}>
          <SettingsCard
            settings={settings}
            periods={periods}
            recipients={recipients}
            onChange={update}
          />
          <ExportCard request={request} blockedReason={blocked} />
        </Box>
      </Box>
    </>
  )
}
