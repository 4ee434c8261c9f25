import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';

/**
 * A server-drawn part of a chart (its picture, its table) as markup, every text and attribute escaped, for pages to
 * insert as it is: drawn once on the server and never changed in the browser, it gives React nothing to hydrate.
 * Single quotes: the markup also travels in the page's React payload as a JSON string inside a script, where every
 * double quote is escaped twice over, and a page of charts carries thousands. For the same reason HTML leaves out
 * the end tags the HTML parser implies (a table's `</td>`, `</tr>`…), as the HTML standard allows.
 */
export function chartMarkup(tree: Element, space: 'html' | 'svg'): string {
  return space === 'svg' ? toHtml(tree, { space, quote: "'", closeEmptyElements: true, tightSelfClosing: true }) : toHtml(tree, { quote: "'", omitOptionalTags: true });
}
