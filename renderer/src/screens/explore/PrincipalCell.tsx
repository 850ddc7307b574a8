// A principal or role group as a list shows it: its readable label ("SSO: DataScience · maria@…")
// with the short ARN beside it, the full ARN in the tooltip and a button that copies it, so the
// exact value an auditor looks up in IAM stays one click away.
import ContentCopyOutlined from '@mui/icons-material/ContentCopyOutlined'
import Box from '@mui/material/Box'
import IconButton from '@mui/material/IconButton'
import Tooltip from '@mui/material/Tooltip'
import Typography from '@mui/material/Typography'
import { useState, type MouseEvent } from 'react'

interface PrincipalCellProps {
  /** The group's value: a full ARN or a role name. */
  value: string
  /** How the value reads on its own (the ARN without its prefix). */
  shown: string
  label: string | undefined
  lineHeight: number
}

export function PrincipalCell({ value, shown, label, lineHeight }: PrincipalCellProps) {
  const [copied, setCopied] = useState(false)
  const copy = (event: MouseEvent) => {
    // The row opens its line items on click; copying must not.
    event.stopPropagation()
    void navigator.clipboard?.writeText(value).then(() => setCopied(true))
  }
  return (
    <Box
      data-value={value}
      sx={{ display: 'flex', alignItems: 'center', gap: 1, minWidth: 0, height: lineHeight }}
      onMouseLeave={() => setCopied(false)}
    >
      <Tooltip title={value}>
        <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 1, minWidth: 0 }}>
          <Typography variant="body2" noWrap data-testid="principal-label">
            {label ?? shown}
          </Typography>
          {label && (
            <Typography variant="caption" noWrap sx={{ color: 'text.secondary', minWidth: 0 }}>
              {shown}
            </Typography>
          )}
        </Box>
      </Tooltip>
      <Tooltip title={copied ? 'Copied' : 'Copy the ARN'}>
        <IconButton size="small" aria-label={`Copy ${value}`} onClick={copy} sx={{ ml: 'auto' }}>
          <ContentCopyOutlined sx={{ fontSize: 14 }} />
        </IconButton>
      </Tooltip>
    </Box>
  )
}
