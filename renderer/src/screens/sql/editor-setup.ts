// What the SQL editor knows: DuckDB's SQL (PostgreSQL's keywords plus DuckDB's own), completion of
// the documented views and their columns with types and meanings, and a look taken from the app's
// theme (light or dark) with tabular monospace text.
import { sql, PostgreSQL, SQLDialect, type SQLNamespace } from '@codemirror/lang-sql'
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language'
import type { Extension } from '@codemirror/state'
import { EditorView } from '@codemirror/view'
import { tags } from '@lezer/highlight'
import type { Theme } from '@mui/material/styles'
import type { SqlSchema } from '../../../../core/api.js'
import { MONOSPACE_STACK } from '../../theme/theme.js'

const DUCKDB = SQLDialect.define({
  ...PostgreSQL.spec,
  keywords: `${PostgreSQL.spec.keywords} qualify pivot unpivot summarize describe exclude replace`,
})

/** Column names complete at the top level from the widest view, and after `view.` from each. */
const DEFAULT_TABLE = 'cur_attributed'

export function sqlLanguage(schema: SqlSchema | undefined): Extension {
  const views = schema?.views ?? []
  const namespace: SQLNamespace = Object.fromEntries(
    views.map((view) => [
      view.name,
      {
        self: { label: view.name, type: 'type', detail: 'view', info: view.description },
        children: view.columns.map((column) => ({
          label: column.name,
          type: 'property',
          detail: column.type,
          info: column.meaning || undefined,
        })),
      },
    ]),
  )
  return sql({
    dialect: DUCKDB,
    schema: namespace,
    defaultTable: views.some((v) => v.name === DEFAULT_TABLE) ? DEFAULT_TABLE : undefined,
    upperCaseKeywords: true,
  })
}

/**
 * Text typed over a selection is put in by CodeMirror instead of the browser: Chrome's own editing
 * merges the selected lines and copies their computed style into a style attribute, which the CSP
 * blocks (a violation each time, though CodeMirror redraws the line anyway).
 */
export const typeOverSelection = EditorView.domEventHandlers({
  beforeinput(event, view) {
    const { selection } = view.state
    if (event.inputType !== 'insertText' || event.data === null || view.composing) return false
    if (selection.ranges.every((range) => range.empty)) return false
    event.preventDefault()
    view.dispatch(view.state.replaceSelection(event.data), {
      userEvent: 'input.type',
      scrollIntoView: true,
    })
    return true
  },
})

export function editorLook(theme: Theme): Extension {
  const { palette } = theme
  const dark = palette.mode === 'dark'
  const view = EditorView.theme(
    {
      '&': {
        fontSize: '13.5px',
        color: palette.text.primary,
        backgroundColor: palette.background.paper,
        borderRadius: `${theme.shape.borderRadius}px`,
        border: `1px solid ${palette.divider}`,
      },
      '&.cm-focused': { outline: `2px solid ${palette.primary.main}`, outlineOffset: '-1px' },
      '.cm-scroller': { fontFamily: MONOSPACE_STACK, lineHeight: '1.6' },
      '.cm-content': { padding: '10px 0', caretColor: palette.primary.main },
      '.cm-gutters': {
        backgroundColor: palette.background.default,
        color: palette.text.secondary,
        border: 'none',
        borderRight: `1px solid ${palette.divider}`,
        borderTopLeftRadius: `${theme.shape.borderRadius}px`,
        borderBottomLeftRadius: `${theme.shape.borderRadius}px`,
      },
      '.cm-activeLine': {
        backgroundColor: dark ? 'rgba(126,162,255,0.06)' : 'rgba(47,91,211,0.05)',
      },
      '.cm-activeLineGutter': { backgroundColor: 'transparent', color: palette.text.primary },
      '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': {
        backgroundColor: dark ? 'rgba(126,162,255,0.28)' : 'rgba(47,91,211,0.18)',
      },
      '.cm-placeholder': { color: palette.text.secondary },
      '.cm-tooltip': {
        backgroundColor: palette.background.paper,
        border: `1px solid ${palette.divider}`,
        borderRadius: '8px',
        boxShadow: theme.shadows[4],
        overflow: 'hidden',
      },
      '.cm-tooltip-autocomplete > ul': { fontFamily: MONOSPACE_STACK, fontSize: '12.5px' },
      '.cm-tooltip-autocomplete > ul > li[aria-selected]': {
        backgroundColor: palette.primary.main,
        color: palette.primary.contrastText,
      },
      '.cm-completionDetail': { color: 'inherit', opacity: 0.7, marginLeft: '1em' },
      '.cm-completionInfo': {
        fontFamily: theme.typography.fontFamily ?? 'inherit',
        maxWidth: '320px',
        padding: '8px 10px',
      },
      '.cm-matchingBracket': {
        backgroundColor: dark ? 'rgba(79,209,197,0.25)' : 'rgba(20,143,138,0.18)',
      },
    },
    { dark },
  )
  const colors = dark
    ? {
        keyword: '#9db8ff',
        string: '#7fd8a8',
        number: '#f3b27a',
        name: '#e6eaf2',
        comment: '#8390a8',
        type: '#d7a6ff',
        fn: '#6fd3e0',
      }
    : {
        keyword: '#2f5bd3',
        string: '#1d7a4a',
        number: '#b45a12',
        name: '#172033',
        comment: '#6b7489',
        type: '#7b3fc4',
        fn: '#0f7d86',
      }
  const highlight = HighlightStyle.define([
    { tag: tags.keyword, color: colors.keyword, fontWeight: '600' },
    { tag: [tags.string, tags.special(tags.string)], color: colors.string },
    { tag: [tags.number, tags.bool, tags.null], color: colors.number },
    {
      tag: [tags.comment, tags.lineComment, tags.blockComment],
      color: colors.comment,
      fontStyle: 'italic',
    },
    { tag: [tags.typeName, tags.standard(tags.name)], color: colors.type },
    { tag: tags.function(tags.variableName), color: colors.fn },
    { tag: [tags.name, tags.propertyName, tags.special(tags.name)], color: colors.name },
    { tag: [tags.operator, tags.punctuation, tags.bracket], color: palette.text.secondary },
  ])
  return [view, syntaxHighlighting(highlight)]
}
