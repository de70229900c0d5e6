import type { LocalizedText } from '../../shared/schemas/text.js';
import { usePageLang } from '../i18n/hooks.js';
import { langAttr } from './LocalizedText.js';

type Block = { kind: 'p'; text: string } | { kind: 'ul'; items: string[] };

/**
 * The API's plain-text bodies: paragraphs separated by a blank line, lines starting "- " are
 * list items. Parsed into elements, never injected as HTML.
 */
export function parseBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  for (const paragraph of text.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/)) {
    let lines: string[] = [];
    let items: string[] = [];
    const flushLines = () => {
      if (lines.length > 0) blocks.push({ kind: 'p', text: lines.join(' ') });
      lines = [];
    };
    const flushItems = () => {
      if (items.length > 0) blocks.push({ kind: 'ul', items });
      items = [];
    };
    for (const raw of paragraph.split('\n')) {
      const line = raw.trim();
      if (line === '') continue;
      if (line.startsWith('- ')) {
        flushLines();
        items.push(line.slice(2).trim());
      } else {
        flushItems();
        lines.push(line);
      }
    }
    flushLines();
    flushItems();
  }
  return blocks;
}

export function PlainText({ value }: { value: LocalizedText }) {
  const pageLang = usePageLang();
  return (
    <div className="prose" lang={langAttr(value, pageLang)}>
      {parseBlocks(value.text).map((block, i) =>
        block.kind === 'p' ? (
          <p key={i}>{block.text}</p>
        ) : (
          <ul key={i}>
            {block.items.map((item, j) => (
              <li key={j}>{item}</li>
            ))}
          </ul>
        ),
      )}
    </div>
  );
}
