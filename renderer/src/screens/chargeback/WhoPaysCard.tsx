// "Who pays": mapping rules in order of precedence, with how much each matches (checked live as
// they are edited), loaded from or saved to a file; or, in quick mode, every value of one dimension
// as a recipient.
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import TextField from '@mui/material/TextField'
import ToggleButton from '@mui/material/ToggleButton'
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup'
import Typography from '@mui/material/Typography'
import { useState } from 'react'
import type { Dimension } from '../../../../core/api.js'
import { useApi } from '../../api/ApiProvider.js'
import { useDebouncedRequest } from '../../api/use-debounced-request.js'
import { ErrorAlert } from '../../components/ErrorAlert.js'
import { SectionCard } from '../../components/SectionCard.js'
import type { ChargebackSettings } from '../../model/chargeback-request.js'
import { dimensionOptionGroups, proposedRecipientKey } from '../../model/dimension-options.js'
import { tagDimension } from '../../model/dimensions.js'
import { newId } from '../../model/ids.js'
import { completeRules, rulesReducer, type RulesAction } from '../../model/rules-editor.js'
import { INITIAL_BY, useSession } from '../../state/SessionProvider.js'
import { RulesEditor } from './RulesEditor.js'
import { RulesFileDialog } from './RulesFileDialog.js'

export function WhoPaysCard() {
  const api = useApi()
  const { chargeback: settings, setChargeback, tagKeys, state } = useSession()
  const keys = tagKeys.data?.keys ?? []
  const [rulesFile, setRulesFile] = useState<'save' | 'load' | null>(null)
  const update = (patch: Partial<ChargebackSettings>) => setChargeback((s) => ({ ...s, ...patch }))
  const changeRules = (action: RulesAction) =>
    setChargeback((s) => ({ ...s, rules: rulesReducer(s.rules, action) }))
  const coverage = useDebouncedRequest(
    `rules:${state.generation}`,
    settings.mode === 'rules'
      ? { rules: completeRules(settings.rules), basis: settings.basis, period: settings.period }
      : null,
    300,
    ({ rules, basis, period }) =>
      // An absent period must not be sent as null: JSON carries undefined arguments as null.
      period ? api.checkRules(rules, basis, period) : api.checkRules(rules, basis),
  )

  const quickGroups = dimensionOptionGroups(keys)
  const chooseMode = (mode: ChargebackSettings['mode']) => {
    const proposed = proposedRecipientKey(keys)
    const untouched = settings.by === INITIAL_BY
    update(mode === 'by' && untouched && proposed ? { mode, by: tagDimension(proposed) } : { mode })
  }

  return (
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
  )
}
