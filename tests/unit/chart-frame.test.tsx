import { NextIntlClientProvider } from 'next-intl';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BreakdownChart } from '@/components/charts/breakdown-chart';
import en from '@/lib/i18n/messages/en';

// A chart's toolbar and table are drawn on the server: the CSV is a link, the table a disclosure, and both must
// carry the reader's data safely without any script.

function render(bars: { label: string; value: number | null; others: boolean }[]): string {
  return renderToStaticMarkup(
    <NextIntlClientProvider locale="en" messages={en} timeZone="UTC">
      <BreakdownChart code="G1.1" title="By city" unit="cities" valueKind="count" bars={bars} />
    </NextIntlClientProvider>,
  );
}

const bars = [
  { label: 'Almaty', value: 12, others: false },
  { label: '=HYPERLINK("https://evil.example")', value: 3, others: false },
  { label: '<img src=x onerror=alert(1)>', value: null, others: false },
];

/** The markup between a tag's opening and its closing, e.g. the <details> element's content. */
function inner(html: string, tag: string): string {
  const start = html.indexOf(`<${tag}`);
  const end = html.indexOf(`</${tag}>`, start);
  expect(start, `<${tag}> drawn`).toBeGreaterThanOrEqual(0);
  return html.slice(start, end);
}

describe('a chart drawn on the server', () => {
  it('offers its data as a CSV link written by the shared writer: byte-order mark, formulas defused', () => {
    const link = /<a [^>]*href="data:text\/csv;charset=utf-8;base64,([A-Za-z0-9+/=]+)"[^>]*>/.exec(render(bars));
    expect(link?.[0]).toContain('download="G1.1-breakdown.csv"');
    const csv = Buffer.from(link?.[1] ?? '', 'base64').toString('utf8');
    expect(csv).toBe('\uFEFFName,Actual to date\r\nAlmaty,12\r\n"\'=HYPERLINK(""https://evil.example"")",3\r\n<img src=x onerror=alert(1)>,\r\n');
  });

  it('puts its table, escaped, behind a closed disclosure under the picture', () => {
    const html = render(bars);
    expect(html.indexOf('<details')).toBeGreaterThan(html.indexOf('<svg'));
    const details = inner(html, 'details');
    expect(details).toMatch(/^<details class="chart-table"><summary>Data table<\/summary>/);
    // The end tags the HTML parser implies are left out (a browser reads the same table: tests/e2e/dashboards.spec.ts).
    expect(details.slice(details.indexOf('<tbody>'), details.indexOf('</table>'))).toBe(
      "<tbody><tr><th scope='row'>Almaty<td class='num'>12" +
        "<tr><th scope='row'>=HYPERLINK(\"https://evil.example\")<td class='num'>3" +
        "<tr><th scope='row'>&#x3C;img src=x onerror=alert(1)><td class='num'>—",
    );
  });

  it("names the first five bars in the picture's description and leaves the rest to the table, which lists all", () => {
    const many = ['Almaty', 'Bishkek', 'Dushanbe', 'Kashgar', 'Osh', 'Samarkand', 'Tashkent'].map((label, k) => ({ label, value: 7 - k, others: false }));
    const html = render(many);
    expect(inner(html, 'desc')).toMatch(/>Almaty: 7; Bishkek: 6; Dushanbe: 5; Kashgar: 4; Osh: 3; and 2 more, each in the data table\.$/);
    expect(inner(html, 'tbody').match(/<tr>/g)).toHaveLength(7);
    // Five bars or fewer are all named.
    expect(inner(render(many.slice(0, 5)), 'desc')).toMatch(/>Almaty: 7; Bishkek: 6; Dushanbe: 5; Kashgar: 4; Osh: 3$/);
  });

  it('leaves the picture downloads to the page script, naming each file', () => {
    const buttons = [...render(bars).matchAll(/<button ([^>]*)>/g)].map((m) => m[1]);
    expect(buttons).toEqual([
      'type="button" class="button-secondary" data-chart-download="svg" data-file="G1.1-breakdown.svg"',
      'type="button" class="button-secondary" data-chart-download="png" data-file="G1.1-breakdown.png"',
    ]);
  });
});
