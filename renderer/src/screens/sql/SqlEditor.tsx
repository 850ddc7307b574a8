// The SQL editor: CodeMirror 6 (not a text area) with DuckDB's SQL highlighted, completion of the
// views and their columns, Ctrl/Cmd+Enter to run, and the app's look. CodeMirror writes its styles
// at run time, so they carry the CSP nonce (EditorView.cspNonce). The text lives in the session:
// the editor reports each change and takes text set from outside (an example query).
import {
  autocompletion,
  closeBrackets,
  closeBracketsKeymap,
  closeCompletion,
  completionKeymap,
} from '@codemirror/autocomplete'
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands'
import { bracketMatching } from '@codemirror/language'
import { Compartment, EditorState, Prec } from '@codemirror/state'
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
  placeholder,
} from '@codemirror/view'
import Box from '@mui/material/Box'
import { useTheme } from '@mui/material/styles'
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react'
import type { SqlSchema } from '../../../../core/api.js'
import { useStyleNonce } from '../../theme/StyleNonce.js'
import { editorLook, sqlLanguage, typeOverSelection } from './editor-setup.js'

export interface SqlEditorHandle {
  /** Puts text at the cursor (a column name from the schema panel) and focuses the editor. */
  insert(text: string): void
}

interface SqlEditorProps {
  value: string
  onChange(text: string): void
  onRun(): void
  schema: SqlSchema | undefined
  ref?: Ref<SqlEditorHandle>
}

export function SqlEditor({ value, onChange, onRun, schema, ref }: SqlEditorProps) {
  const host = useRef<HTMLDivElement>(null)
  const view = useRef<EditorView | null>(null)
  const compartments = useRef({ language: new Compartment(), look: new Compartment() })
  const latest = useRef({ onChange, onRun, value, schema })
  const nonce = useStyleNonce()
  const theme = useTheme()

  useEffect(() => {
    latest.current = { onChange, onRun, value, schema }
  })

  useEffect(() => {
    const { language, look } = compartments.current
    const editor = new EditorView({
      parent: host.current ?? undefined,
      state: EditorState.create({
        doc: latest.current.value,
        extensions: [
          EditorView.cspNonce.of(nonce ?? ''),
          lineNumbers(),
          highlightActiveLineGutter(),
          history(),
          drawSelection(),
          highlightActiveLine(),
          bracketMatching(),
          closeBrackets(),
          autocompletion({ icons: false }),
          typeOverSelection,
          placeholder('SELECT … FROM cur'),
          Prec.highest(
            keymap.of([
              {
                key: 'Mod-Enter',
                run: (target) => {
                  closeCompletion(target)
                  latest.current.onRun()
                  return true
                },
              },
            ]),
          ),
          keymap.of([
            ...closeBracketsKeymap,
            ...defaultKeymap,
            ...historyKeymap,
            ...completionKeymap,
          ]),
          language.of(sqlLanguage(latest.current.schema)),
          look.of(editorLook(theme)),
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({
            'aria-label': 'SQL query',
            'data-testid': 'sql-input',
          }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) latest.current.onChange(update.state.doc.toString())
          }),
        ],
      }),
    })
    view.current = editor
    return () => {
      editor.destroy()
      view.current = null
    }
    // Made once (per nonce); the effects below keep it in step with its other props.
  }, [nonce])

  useEffect(() => {
    const editor = view.current
    if (!editor || editor.state.doc.toString() === value) return
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } })
  }, [value])

  useEffect(() => {
    view.current?.dispatch({
      effects: compartments.current.language.reconfigure(sqlLanguage(schema)),
    })
  }, [schema])

  useEffect(() => {
    view.current?.dispatch({ effects: compartments.current.look.reconfigure(editorLook(theme)) })
  }, [theme])

  useImperativeHandle(ref, () => ({
    insert(text) {
      const editor = view.current
      if (!editor) return
      editor.dispatch(editor.state.replaceSelection(text))
      editor.focus()
    },
  }))

  return (
    <Box
      ref={host}
      data-testid="sql-editor"
      sx={{
        flex: 1,
        minHeight: 0,
        '& .cm-editor': { height: '100%', minHeight: 180 },
        '& .cm-scroller': { overflow: 'auto' },
      }}
    />
  )
}
