// A headline figure: label, the amount large, and one line of context underneath.
import Card from '@mui/material/Card'
import CardContent from '@mui/material/CardContent'
import Skeleton from '@mui/material/Skeleton'
import Typography from '@mui/material/Typography'
import type { ReactNode } from 'react'

interface KpiCardProps {
  label: string
  value: string | undefined
  footer?: ReactNode
  icon?: ReactNode
  valueTestId?: string
}

export function KpiCard({ label, value, footer, icon, valueTestId }: KpiCardProps) {
  return (
    <Card sx={{ height: '100%' }}>
      <CardContent sx={{ p: 2.5, '&:last-child': { pb: 2.5 } }}>
        <Typography
          variant="body2"
          component="h2"
          sx={{
            color: 'text.secondary',
            fontWeight: 600,
            display: 'flex',
            alignItems: 'center',
            gap: 1,
          }}
        >
          {icon}
          {label}
        </Typography>
        {value === undefined ? (
          <Skeleton variant="text" sx={{ fontSize: '2rem', width: '70%' }} />
        ) : (
          <Typography
            variant="h4"
            component="p"
            sx={{ mt: 1, fontSize: { xs: '1.6rem', lg: '1.9rem' }, wordBreak: 'break-word' }}
            data-testid={valueTestId}
          >
            {value}
          </Typography>
        )}
        {footer && <div>{footer}</div>}
      </CardContent>
    </Card>
  )
}
