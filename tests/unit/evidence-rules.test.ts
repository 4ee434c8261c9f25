import { describe, expect, it } from 'vitest';
import { detectEvidenceMime } from '@/lib/evidence/detect';
import { attachmentDisposition, safeFileName, textMime } from '@/lib/evidence/rules';
import { mayReadUpdateEvidence } from '@/lib/auth/policy';
import { csvBytes, elfBytes, exeBytes, htmlBytes, pdfBytes, pngBytes, xlsxBytes, zipBytes } from '../support/evidence-samples';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('evidence types, by content', () => {
  it('finds the type in the content, whatever the name says', async () => {
    expect(await detectEvidenceMime(pdfBytes(), 'photo.png')).toBe('application/pdf');
    expect(await detectEvidenceMime(pngBytes(), 'report.pdf')).toBe('image/png');
    expect(await detectEvidenceMime(await xlsxBytes(), 'x.bin')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(await detectEvidenceMime(exeBytes(), 'report.pdf')).toBeUndefined();
    expect(await detectEvidenceMime(elfBytes(), 'notes.txt')).toBeUndefined();
    expect(await detectEvidenceMime(zipBytes(), 'a.docx')).toBeUndefined();
  });

  it('takes signature-less content as text only when it is clean UTF-8 and not markup; then the name picks CSV', () => {
    expect(textMime(csvBytes(), 'a.CSV')).toBe('text/csv');
    expect(textMime(csvBytes(), 'a.txt')).toBe('text/plain');
    expect(textMime(utf8('\uFEFF城市,人数\n西安,8\n'), 'b.csv')).toBe('text/csv');
    expect(textMime(htmlBytes(), 'a.txt')).toBeUndefined();
    expect(textMime(utf8('  \n<?xml version="1.0"?><a/>'), 'a.csv')).toBeUndefined();
    expect(textMime(Uint8Array.from([0x61, 0x00, 0x62]), 'a.csv')).toBeUndefined();
    expect(textMime(Uint8Array.from([0xc3, 0x28]), 'a.csv')).toBeUndefined();
  });
});

describe('stored names and the download header', () => {
  it.each([
    ['report.pdf', 'application/pdf', 'report.pdf'],
    ['REPORT.PDF', 'application/pdf', 'REPORT.PDF'],
    ['invoice.exe', 'application/pdf', 'invoice.exe.pdf'],
    ['../../etc/passwd', 'text/plain', 'passwd.txt'],
    ['C:\\Users\\me\\photo.jpeg', 'image/jpeg', 'photo.jpeg'],
    ['a\u202Egpj.exe', 'image/png', 'a_gpj.exe.png'],
    ['line\r\nbreak.csv', 'text/csv', 'line__break.csv'],
    ['...', 'application/pdf', 'evidence.pdf'],
    ['', 'image/png', 'evidence.png'],
  ])('%j stored as a %s is %j', (raw, mime, expected) => {
    expect(safeFileName(raw, mime)).toBe(expected);
  });

  it('keeps a long name within 150 characters and its extension', () => {
    const name = safeFileName(`${'长'.repeat(400)}.pdf`, 'application/pdf');
    expect([...name].length).toBe(150);
    expect(name.endsWith('.pdf')).toBe(true);
  });

  it('names the attachment in ASCII and in UTF-8, with nothing that can end the header', () => {
    expect(attachmentDisposition('西安 报告.pdf')).toBe(`attachment; filename="__ __.pdf"; filename*=UTF-8''%E8%A5%BF%E5%AE%89%20%E6%8A%A5%E5%91%8A.pdf`);
    expect(attachmentDisposition("it's (1).pdf")).toBe(`attachment; filename="it's (1).pdf"; filename*=UTF-8''it%27s%20%281%29.pdf`);
  });
});

describe('who sees an update’s evidence', () => {
  it('everyone who reads the dashboards, but a draft’s only staff and admins', () => {
    for (const role of ['admin', 'staff', 'committee']) expect(mayReadUpdateEvidence({ role }, { status: 'submitted' })).toBe(true);
    expect(mayReadUpdateEvidence({ role: 'committee' }, { status: 'draft' })).toBe(false);
    expect(mayReadUpdateEvidence({ role: 'staff' }, { status: 'draft' })).toBe(true);
    expect(mayReadUpdateEvidence({ role: 'stranger' }, { status: 'approved' })).toBe(false);
  });
});
