import type PDFKit from 'pdfkit';
import { certificateDate } from '@ledger/labels';
import type { CertificateDocument } from './certificate-document';

/** DejaVu Sans covers every Vietnamese letter with its diacritics; shipped by the dejavu-fonts-ttf package. */
const FONT = { regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'), bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'), italic: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf') };

/** pdfkit, loaded with the first certificate printed: loading it added 0.1 s to every start. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfkit = (): typeof PDFKit => require('pdfkit') as typeof PDFKit;

/** Renders the certificate on A4 as the boards print it; resolves with the PDF bytes. */
export function renderCertificatePdf(doc: CertificateDocument): Promise<Buffer> {
  const pdf = new (pdfkit())({ size: 'A4', margins: { top: 56, bottom: 56, left: 70, right: 60 }, info: { Title: `Giấy chứng nhận đăng ký đầu tư ${doc.projectCode}`, Author: doc.issuingBoard } });
  pdf.registerFont('regular', FONT.regular).registerFont('bold', FONT.bold).registerFont('italic', FONT.italic);
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const width = pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;
  const top = pdf.y;
  pdf.font('bold').fontSize(10).text(doc.issuingBoard.toLocaleUpperCase('vi-VN'), pdf.page.margins.left, top, { width: width * 0.42, align: 'center' });
  pdf.font('bold').fontSize(10).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', pdf.page.margins.left + width * 0.44, top, { width: width * 0.56, align: 'center' });
  pdf.font('bold').fontSize(10).text('Độc lập - Tự do - Hạnh phúc', { width: width * 0.56, align: 'center' });
  pdf.moveDown(2.5);
  pdf.x = pdf.page.margins.left;
  pdf.font('bold').fontSize(15).text('GIẤY CHỨNG NHẬN ĐĂNG KÝ ĐẦU TƯ', { width, align: 'center' });
  pdf.moveDown(0.4);
  pdf.font('bold').fontSize(11).text(`Mã số dự án: ${doc.projectCode}`, { width, align: 'center' });
  pdf.font('regular').fontSize(10.5).text(`Chứng nhận lần đầu: ${certificateDate(doc.firstIssuedOn)}`, { width, align: 'center' });
  if (doc.latestChange) pdf.text(`Chứng nhận thay đổi lần thứ ${doc.latestChange.number}: ${certificateDate(doc.latestChange.on)}`, { width, align: 'center' });
  pdf.moveDown(1.2);
  pdf.font('italic').fontSize(10);
  for (const basis of [
    'Căn cứ Luật Đầu tư số 61/2020/QH14 ngày 17 tháng 6 năm 2020;',
    'Căn cứ Nghị định số 31/2021/NĐ-CP ngày 26 tháng 3 năm 2021 của Chính phủ quy định chi tiết và hướng dẫn thi hành một số điều của Luật Đầu tư;',
    'Căn cứ Thông tư số 03/2021/TT-BKHĐT ngày 09 tháng 4 năm 2021 của Bộ Kế hoạch và Đầu tư quy định mẫu văn bản, báo cáo liên quan đến hoạt động đầu tư;',
  ])
    pdf.text(basis, { width, align: 'justify' });
  pdf.moveDown(0.8);
  pdf.font('bold').fontSize(11).text(`${doc.issuingBoard.toLocaleUpperCase('vi-VN')}`, { width, align: 'center' });
  pdf.font('regular').fontSize(11).text('Chứng nhận nhà đầu tư:', { width });
  doc.investors.forEach((investor, i) => pdf.text(`${i + 1}. ${investor.name}; quốc tịch: ${investor.country}.`, { width, indent: 14 }));
  pdf.moveDown(0.5);
  pdf.text('Đăng ký thực hiện dự án đầu tư với nội dung như sau:', { width });
  pdf.moveDown(0.5);
  pdf.font('bold').text('Điều 1. Nội dung dự án đầu tư', { width });
  for (const article of doc.articles) {
    pdf.font('bold').text(`${article.heading}: `, { width, continued: true, indent: 14 }).font('regular').text(article.value, { width, align: 'justify' });
    pdf.moveDown(0.2);
  }
  pdf.moveDown(0.5);
  pdf.font('bold').text('Điều 2. ', { width, continued: true }).font('regular').text(`Giấy chứng nhận này thể hiện nội dung dự án đầu tư có hiệu lực đến ${certificateDate(doc.asOf)}, theo sổ ghi nhận của Ban Quản lý.`, { width });
  pdf.end();
  return done;
}
