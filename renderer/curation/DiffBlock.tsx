/** A unified diff, line by line, coloured by kind. */
export function DiffBlock({ diff }: { diff: string }) {
  const lines = diff.endsWith('\n') ? diff.slice(0, -1).split('\n') : diff.split('\n');
  return (
    <pre className="diff" data-testid="diff">
      {lines.map((line, i) => (
        <span
          key={i}
          className={
            line.startsWith('+++') || line.startsWith('---') ? 'diff-file' : line.startsWith('+') ? 'diff-add' : line.startsWith('-') ? 'diff-del' : line.startsWith('@@') ? 'diff-hunk' : undefined
          }
        >
          {line || ' '}
        </span>
      ))}
    </pre>
  );
}
