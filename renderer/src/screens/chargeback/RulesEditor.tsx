// The mapping rules as an editable table in precedence order (the first matching rule wins), with
// the cost each rule matches right now. Incomplete fields are marked with what to fill in.
import Add from '@mui/icons-material/Add'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import Typography from '@mui/material/Typography'
import type { MappingRule, RulesCoverage, TagKeyInfo } from '../../../../core/api.js'
import type { ReactNode } from 'react'
import { formatNumber } from '../../../../core/format/number.js'
import { proposedRecipientKey } from '../../model/dimension-options.js'
import { validateRules, type RulesAction } from '../../model/rules-editor.js'
import { useFormats } from '../../state/FormatProvider.js'
import { RuleRow } from './RuleRow.js'

interface RulesEditorProps {
  rules: MappingRule[]
  coverage: RulesCoverage | undefined
  tagKeys: readonly TagKeyInfo[]
  onChange(action: RulesAction): void
  newId(): string
  /** More buttons beside "Add rule" (saving and loading rules). */
  actions?: ReactNode
}

export function RulesEditor({
  rules,
  coverage,
  tagKeys,
  onChange,
  newId,
  actions,
}: RulesEditorProps) {
  const formats = useFormats()
  const problems = validateRules(rules)
  const covered = new Map((coverage?.rules ?? []).map((c) => [c.ruleId, c]))
  const defaultKey = proposedRecipientKey(tagKeys) ?? ''

  return (
    <Box>
      <Box sx={{ overflowX: 'auto' }}>
        <Table size="small" aria-label="Mapping rules" data-testid="rules-table">
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: 40 }}>#</TableCell>
              <TableCell sx={{ minWidth: 170 }}>Match</TableCell>
              <TableCell sx={{ minWidth: 260 }}>Value or pattern</TableCell>
              <TableCell sx={{ minWidth: 170 }}>Recipient</TableCell>
              <TableCell align="right" sx={{ minWidth: 130 }}>
                Matched now
              </TableCell>
              <TableCell sx={{ width: 120 }} />
            </TableRow>
          </TableHead>
          <TableBody>
            {rules.map((rule, index) => (
              <RuleRow
                key={rule.id}
                rule={rule}
                index={index}
                last={index === rules.length - 1}
                coverage={covered.get(rule.id)}
                problems={problems.filter((p) => p.id === rule.id)}
                tagKeys={tagKeys}
                defaultKey={defaultKey}
                onChange={onChange}
              />
            ))}
            {rules.length === 0 && (
              <TableRow>
                <TableCell colSpan={6} sx={{ py: 4, textAlign: 'center', color: 'text.secondary' }}>
                  No rules yet. Add one: for example, tag <code>team</code> = <code>backend</code> →
                  Backend.
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </Box>
      <Box
        sx={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          flexWrap: 'wrap',
          gap: 2,
          mt: 2,
        }}
      >
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
          <Button
            variant="outlined"
            startIcon={<Add />}
            onClick={() =>
              onChange({
                type: 'add',
                id: newId(),
                kind: defaultKey ? 'tag' : 'role',
                key: defaultKey,
              })
            }
            data-testid="add-rule-button"
          >
            Add rule
          </Button>
          {actions}
        </Box>
        {coverage && (
          <Typography
            variant="body2"
            sx={{ color: 'text.secondary' }}
            data-testid="rules-unmatched"
          >
            Not matched by any rule:{' '}
            <Box component="strong" sx={{ color: 'text.primary' }}>
              {formats.money.format(coverage.unmatched)}
            </Box>{' '}
            of {formats.money.format(coverage.total)} (
            {formatNumber(coverage.unmatchedRows ?? 0, formats.locale, 0)} rows)
          </Typography>
        )}
      </Box>
    </Box>
  )
}
