import { parseDocument } from 'htmlparser2';

interface HtmlNode {
  type: string;
  name?: string;
  data?: string;
  children?: HtmlNode[];
}

const LINE_BREAKING = new Set(['p', 'div', 'br', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'ul', 'ol', 'blockquote']);

/** Visible text of an HTML e-mail body, one line per block element; scripts and styles dropped. */
export function htmlText(html: string): string {
  const root = parseDocument(html) as unknown as HtmlNode;
  const parts: string[] = [];
  const walk = (node: HtmlNode) => {
    if (node.type === 'script' || node.type === 'style' || node.name === 'head' || node.name === 'blockquote') return;
    if (node.type === 'text') parts.push((node.data ?? '').replace(/\s+/g, ' '));
    if (node.name === 'li') parts.push('\n- ');
    else if (node.name && LINE_BREAKING.has(node.name)) parts.push('\n');
    if (node.name === 'td' || node.name === 'th') parts.push('\t');
    for (const child of node.children ?? []) walk(child);
  };
  walk(root);
  return parts.join('');
}
