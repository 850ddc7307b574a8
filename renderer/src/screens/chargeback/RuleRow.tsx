// One mapping rule as a table row: what it matches (kind, tag key, pattern), who pays, the cost it
// matches now, and buttons to change its precedence or delete it.
import ArrowDownward from '@mui/icons-material/ArrowDownward'
import ArrowUpward from '@mui/icons-material/ArrowUpward'
import DeleteOutline from '@mui/icons-material/DeleteOutlineOutlined'
import Box from '@mui/material/Box'
import IconButton from '@mui/material/IconButton'
import TableCell from '@mui/material/TableCell'
import TableRow from '@mui/material/TableRow'
import TextField from '@mui/material/TextField'
import Tooltip from '@mui/material/Tooltip'
import Typography from '@mui/material/Typography'
import type { MappingRule, RuleCoverage, TagKeyInfo } from '../../../../core/api.js'
import { formatNumber } from '../../../../core/format/number.js'
import { TAG_SOURCE_LABELS } from '../../model/dimensions.js'
import {
  RULE_KINDS,
  RULE_KIND_LABELS,
  isKeyedKind,
  type RuleKind,
  type RulePatch,
  type RuleProblem,
  type RulesAction,
} from '../../model/rules-editor.js'
import { useFormats } from '../../state/FormatProvider.js'

const PATTERN_HINTS: Record<RuleKind, string> = {
  tag: 'e.g. backend, or data-*',
  role: 'e.g. BackendDev, or AWSReservedSSO_Data*',
  person: 'e.g. maria@example.com',
  principal: 'e.g. arn:aws:sts::*:assumed-role/App*',
  account: 'e.g. 111122223333',
  user: 'e.g. alice',
  'log-tag': 'e.g. search',
}

interface RuleRowProps {
  rule: MappingRule
  index: number
  last: boolean
  coverage: RuleCoverage | undefined
  problems: RuleProblem[]
  tagKeys: readonly TagKeyInfo[]
  defaultKey: string
  onChange(action: RulesAction): void
}

export function RuleRow(props: RuleRowProps) {
  const { rule, index, coverage: cover, tagKeys, defaultKey, onChange } = props
  const formats = useFormats()
  const problemOf = (field: RuleProblem['field']) => props.problems.find((p) => p.field === field)
  const update = (patch: RulePatch) => onChange({ type: 'update', id: rule.id, patch })
  const tagKey = rule.match.kind === 'tag' ? rule.match.key : ''
  return (
    <TableRow key={rule.id} data-testid="rule-row">
      <TableCell sx={{ color: 'text.secondary' }}>{index + 1}</TableCell>
      <TableCell>
        <TextField
          select
          size="small"
          fullWidth
          value={rule.match.kind}
          onChange={(e) => {
            const kind = e.target.value as RuleKind
            const key = kind === 'tag' ? defaultKey : ''
            update(kind !== rule.match.kind && isKeyedKind(kind) ? { kind, key } : { kind })
          }}
          slotProps={{
            select: { native: true },
            htmlInput: { 'aria-label': `Rule ${index + 1} match kind` },
          }}
        >
          {RULE_KINDS.map((k) => (
            <option key={k} value={k}>
              {RULE_KIND_LABELS[k]}
            </option>
          ))}
        </TextField>
      </TableCell>
      <TableCell>
        <Box sx={{ display: 'flex', gap: 1 }}>
          {rule.match.kind === 'log-tag' && (
            <TextField
              size="small"
              value={rule.match.key}
              placeholder="Log tag key, e.g. team"
              onChange={(e) => update({ key: e.target.value })}
              error={Boolean(problemOf('key'))}
              sx={{ minWidth: 200 }}
              slotProps={{ htmlInput: { 'aria-label': `Rule ${index + 1} log tag key` } }}
            />
          )}
          {rule.match.kind === 'tag' && (
            <TextField
              select
              size="small"
              value={tagKey}
              onChange={(e) => update({ key: e.target.value })}
              error={Boolean(problemOf('key'))}
              sx={{ minWidth: 200 }}
              slotProps={{
                select: { native: true },
                htmlInput: { 'aria-label': `Rule ${index + 1} tag key` },
              }}
            >
              <option value="">Tag key…</option>
              {tagKeys.map((k) => (
                <option key={k.key} value={k.key}>
                  {k.label} · {TAG_SOURCE_LABELS[k.source]}
                </option>
              ))}
              {tagKey && !tagKeys.some((k) => k.key === tagKey) && (
                <option value={tagKey}>{tagKey}</option>
              )}
            </TextField>
          )}
          <TextField
            size="small"
            fullWidth
            value={rule.match.pattern}
            placeholder={PATTERN_HINTS[rule.match.kind]}
            onChange={(e) => update({ pattern: e.target.value })}
            error={Boolean(problemOf('pattern')) && rule.match.pattern.length > 0}
            slotProps={{
              htmlInput: {
                'aria-label': `Rule ${index + 1} pattern`,
                spellCheck: false,
              },
            }}
          />
        </Box>
      </TableCell>
      <TableCell>
        <TextField
          size="small"
          fullWidth
          value={rule.recipient}
          placeholder="Team or cost centre"
          onChange={(e) => update({ recipient: e.target.value })}
          slotProps={{ htmlInput: { 'aria-label': `Rule ${index + 1} recipient` } }}
        />
      </TableCell>
      <TableCell align="right">
        {cover ? (
          <>
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {formats.money.format(cover.matchedCost)}
            </Typography>
            <Typography variant="caption" sx={{ color: 'text.secondary' }}>
              {formatNumber(cover.rows, formats.locale, 0)} rows
            </Typography>
          </>
        ) : (
          <Typography variant="caption" sx={{ color: 'text.secondary' }}>
            {props.problems.length > 0 ? 'Incomplete' : '…'}
          </Typography>
        )}
      </TableCell>
      <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
        <Tooltip title="Move up (higher precedence)">
          <span>
            <IconButton
              size="small"
              aria-label={`Move rule ${index + 1} up`}
              disabled={index === 0}
              onClick={() => onChange({ type: 'move', id: rule.id, offset: -1 })}
            >
              <ArrowUpward fontSize="small" />
            </IconButton>
          </span>
        </Tooltip>
        <Tooltip title="Move down">
          <span>
            <IconButton
              size="small"
              aria-label={`Move rule ${index + 1} down`}
              disabled={props.last}
              onClick={() => onChange({ type: 'move', id: rule.id, offset: 1 })}
            >
              <ArrowDownward fontSize="small" />
            </IconButton>
          </span>
        </Tooltip>
        <Tooltip title="Delete rule">
          <IconButton
            size="small"
            aria-label={`Delete rule ${index + 1}`}
            onClick={() => onChange({ type: 'remove', id: rule.id })}
          >
            <DeleteOutline fontSize="small" />
          </IconButton>
        </Tooltip>
      </TableCell>
    </TableRow>
  )
}
