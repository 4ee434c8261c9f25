import Markdown from 'react-markdown';

/**
 * Minutes and agendas written in Markdown, rendered as React elements: raw HTML in the text is dropped
 * (skipHtml) and never injected, and react-markdown's default URL filter drops javascript: and other unsafe
 * link targets.
 */
export function MarkdownText({ text }: { text: string }) {
  return (
    <div className="minutes">
      <Markdown skipHtml>{text}</Markdown>
    </div>
  );
}
