import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { formatDate, formatVietnamTime, type Lang } from '@ledger/labels';

export interface NarrativeDocument {
  lang: Lang;
  from: string;
  to: string;
  /** The filters in words ("Ban Quản lý: …; Nguồn vốn: FDI"), or empty for every zone. */
  scope: string;
  text: string;
  generatedAt: string;
}

const TITLE = { vi: 'Báo cáo tình hình thu hút đầu tư vào các KCN, KCX, KKT', en: 'Investment attracted to industrial and economic zones' };

/**
 * The narrative as a Word document (the boards publish their reports in Word): a title, the period
 * and filters, then one paragraph per blank-line-separated paragraph of the text, unchanged.
 */
export async function narrativeDocx(doc: NarrativeDocument): Promise<Buffer> {
  const vi = doc.lang === 'vi';
  const period = vi ? `Từ ngày ${formatDate(doc.from)} đến ngày ${formatDate(doc.to)}` : `From ${formatDate(doc.from)} to ${formatDate(doc.to)}`;
  const font = { font: 'Times New Roman', size: 26 };
  const document = new Document({
    creator: 'Investment Registration Ledger',
    title: TITLE[doc.lang],
    styles: { default: { document: { run: font } } },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, alignment: AlignmentType.CENTER, children: [new TextRun({ text: TITLE[doc.lang], bold: true })] }),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: period, italics: true })] }),
          ...(doc.scope ? [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: doc.scope, italics: true })] })] : []),
          ...doc.text.split(/\n\s*\n/).map((p) => new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: { before: 120, after: 120 }, indent: { firstLine: 567 }, children: [new TextRun(p.trim())] })),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: `${vi ? 'Lập lúc' : 'Generated at'} ${formatVietnamTime(doc.generatedAt)} (${vi ? 'giờ Việt Nam' : 'Vietnam time'})`, size: 20, italics: true })] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
