/**
 * Plain text written by an editor, shown as paragraphs: a blank line starts a new paragraph, a
 * single line break stays a line break. Always text, never HTML, so "<script>" in an article is
 * shown as those characters and nothing runs.
 */
export function Paragraphs({ text, className }: { text: string; className?: string }) {
  const paragraphs = text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n+/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  return (
    <div className={className}>
      {paragraphs.map((p, i) => (
        <p key={i} className="mt-4 whitespace-pre-line leading-relaxed first:mt-0">
          {p}
        </p>
      ))}
    </div>
  );
}
