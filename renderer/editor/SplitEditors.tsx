import { useEffect, useRef, useState, type RefObject } from 'react';
import { monaco } from './monaco-setup';
import { useEditorStore } from './editor-store';
import { useWorkspace } from './workspace-context';
import { Splitter } from './Splitter';
import { ProsePreview } from './ProsePreview';
import { BodyOutline } from './BodyOutline';

const STACK_BELOW_PX = 760;
const OUTLINE_FROM_PX = 560;

/** The element's width, following resizes (0 until measured). */
function usePaneWidth(ref: RefObject<HTMLDivElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver((entries) => setWidth(Math.round(entries[0]?.contentRect.width ?? 0)));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/**
 * The two Monaco editors (front-matter and prose), created once and kept in
 * refs; the workspace puts the active tab's models into them. The prose side
 * switches between the editor and the rendered preview.
 */
export function SplitEditors() {
  const ws = useWorkspace();
  const yamlHost = useRef<HTMLDivElement>(null);
  const bodyHost = useRef<HTMLDivElement>(null);
  const container = useRef<HTMLDivElement>(null);
  const tab = useEditorStore((s) => s.tabs.find((t) => t.path === s.activePath));
  const settings = useEditorStore((s) => s.settings);
  const setSettings = useEditorStore((s) => s.setSettings);
  const width = usePaneWidth(container);

  useEffect(() => {
    if (!yamlHost.current || !bodyHost.current) return;
    const common = {
      model: null,
      automaticLayout: true,
      theme: 'trellis',
      minimap: { enabled: false },
      fontSize: 13,
      scrollBeyondLastLine: false,
      fixedOverflowWidgets: true,
      // Never rewrite the file behind the curator's back (U+2028 and friends stay as they are).
      unusualLineTerminators: 'off' as const,
      renderWhitespace: 'selection' as const,
      lightbulb: { enabled: monaco.editor.ShowLightbulbIconMode.On },
    };
    const yaml = monaco.editor.create(yamlHost.current, {
      ...common,
      ariaLabel: 'Front-matter (YAML)',
      wordWrap: 'off',
      quickSuggestions: { other: true, strings: true, comments: false },
      suggestOnTriggerCharacters: true,
    });
    const body = monaco.editor.create(bodyHost.current, { ...common, ariaLabel: 'Prose (Markdown)', wordWrap: 'on', quickSuggestions: false, wordBasedSuggestions: 'off' });
    for (const editor of [yaml, body]) {
      editor.addAction({
        id: 'trellis.save',
        label: 'Save',
        keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS],
        run: () => {
          const path = ws.activePath;
          if (path) void ws.sync.save(path);
        },
      });
    }
    const unbind = ws.bindEditors({ yaml, body });
    return () => {
      unbind();
      yaml.dispose();
      body.dispose();
    };
  }, [ws]);

  const split = tab?.mode === 'whole' ? 0 : settings.split;
  const preview = settings.prose === 'preview';
  // In a narrow column (beside the graph) the editors stack, and the outline waits for more room.
  const stacked = width > 0 && width < STACK_BELOW_PX;
  const outline = settings.outline && (width === 0 || width >= OUTLINE_FROM_PX);
  return (
    <div className={`editor-split${stacked ? ' stacked' : ''}`} ref={container} hidden={!tab} data-testid="editor-split">
      <div className="editor-side editor-side-yaml" style={{ flexBasis: `${split * 100}%` }} hidden={tab?.mode === 'whole'}>
        <div className="pane-label">Front-matter</div>
        <div className="monaco-host" ref={yamlHost} data-testid="yaml-editor" />
      </div>
      {tab?.mode !== 'whole' && <Splitter container={container} value={settings.split} vertical={stacked} onChange={(v) => setSettings({ split: v })} />}
      <div className="editor-side editor-side-prose">
        <div className="pane-label">{tab?.mode === 'whole' ? 'File (no front-matter found)' : 'Prose'}</div>
        <div className="monaco-host" ref={bodyHost} data-testid="body-editor" hidden={preview} />
        {preview && <ProsePreview />}
      </div>
      {outline && <BodyOutline />}
    </div>
  );
}
