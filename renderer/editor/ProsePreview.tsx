import { useMemo, type MouseEvent } from 'react';
import { renderMarkdown } from '../../shared/editor/markdown-preview';
import { useWorkspace } from './workspace-context';
import { useBodyText } from './use-body-text';

/**
 * The prose rendered, callouts styled. The HTML comes from `renderMarkdown`,
 * which escapes every character of the file and keeps only safe links, so it
 * can be set as is. Links open outside the app; in-page anchors scroll.
 */
export function ProsePreview() {
  const ws = useWorkspace();
  const { text } = useBodyText(ws);
  const html = useMemo(() => renderMarkdown(text), [text]);
  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const a = (e.target as HTMLElement).closest('a');
    if (!a) return;
    e.preventDefault();
    const href = a.getAttribute('href') ?? '';
    if (href.startsWith('#')) return;
    window.open(href, '_blank', 'noopener,noreferrer');
  };
  // Safe as HTML: renderMarkdown escapes everything it is given and keeps only http(s), mailto and anchor links.
  return <div className="prose-preview" data-testid="prose-preview" onClick={onClick} dangerouslySetInnerHTML={{ __html: html }} />;
}
