/**
 * Word documents (`generate <kind> --format docx`). A document kind's Markdown template is
 * rendered with the same data as the other formats (doc.format is "docx", and the report's
 * pictures are present), its blocks are read with markdown-it, and each becomes the Word element
 * it stands for: headings with Word's Heading N styles (so the navigation pane and screen readers
 * see the structure), tables with a repeating header row, lists, bold and code. Pictures are
 * written in the template as `![text alternative](costar:<name>)` and become images with that
 * text alternative. Every page has its number in the footer. The docx package builds every part of
 * the package; documents without pictures then take a fast path (generate/docx-xml.ts) that keeps
 * the package's fixed parts and writes only the body, element for element the same.
 *
 * Same portfolio, same date, same bytes: the package's creation dates and the dates inside the
 * zip are the document's "as at" date, never the clock.
 *
 * This module is bundled on its own (dist/cli/docx.cjs) and loaded only for --format docx.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import MarkdownIt from 'markdown-it';
import { bodyXml, redate, zipParts, type Skeleton } from './docx-xml.js';
import { svgAlt } from '../core/star-svg.js';

const md = new MarkdownIt('commonmark', { html: false }).enable('table');
type Token = ReturnType<typeof md.parse>[number];

export interface DocxPicture {
  svg: string;
  alt: string;
  width: number;
  height: number;
}

export interface DocxInput {
  /** The Markdown the kind's template gave for this document. */
  markdown: string;
  title: string;
  /** The "as at" date, YYYY-MM-DD. */
  asOf: string;
  /** Pictures the template names as costar:<name>. */
  pictures: Record<string, DocxPicture | null | undefined>;
  /** Where the template came from, for errors. */
  template: string;
}


const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];

/** A plain grey 1×1 PNG: the fallback Word asks for beside an SVG picture (Word 2016 and later draws the SVG). */
const FALLBACK_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGP4DwABAQEAWzXoLAAAAABJRU5ErkJggg==', 'base64');

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: 'B1B4B6' };
const CELL_BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };

export class DocxTemplateError extends Error {}

/** The id of the last picture of the document being built (blocks() is synchronous, one document at a time). */
let pictureNumber = 0;

interface Style {
  bold: boolean;
  italics: boolean;
}

/** The runs of one inline token (a paragraph, heading, list item or table cell). */
function runs(inline: Token | undefined, input: DocxInput, bold = false): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  const style: Style = { bold, italics: false };
  for (const t of inline?.children ?? []) {
    switch (t.type) {
      case 'text':
        if (t.content) out.push(new TextRun({ text: t.content, bold: style.bold || undefined, italics: style.italics || undefined }));
        break;
      case 'strong_open':
        style.bold = true;
        break;
      case 'strong_close':
        style.bold = bold;
        break;
      case 'em_open':
        style.italics = true;
        break;
      case 'em_close':
        style.italics = false;
        break;
      case 'code_inline':
        out.push(new TextRun({ text: t.content, font: 'Consolas', bold: style.bold || undefined }));
        break;
      case 'softbreak':
        out.push(new TextRun({ text: ' ' }));
        break;
      case 'hardbreak':
        out.push(new TextRun({ text: '', break: 1 }));
        break;
      case 'image': {
        const src = String(t.attrGet('src') ?? '');
        const m = /^costar:([\w-]+)$/.exec(src);
        const pic = m ? input.pictures[m[1]!] : undefined;
        if (!pic) throw new DocxTemplateError(`template ${input.template} shows a picture "${src}" that this document does not have`);
        const alt = t.children?.map((c) => c.content).join('') || pic.alt;
        // 16 cm wide at most (A4 less the margins), height in proportion.
        const width = Math.min(600, pic.width);
        out.push(
          new ImageRun({
            type: 'svg',
            data: Buffer.from(pic.svg, 'utf8'),
            fallback: { type: 'png', data: FALLBACK_PNG },
            transformation: { width, height: Math.round((pic.height * width) / pic.width) },
            // Numbered within the document: the docx package's own counter runs across documents
            // made in one process, so the same document would get other ids after another.
            altText: { id: String(++pictureNumber), name: m![1]!, title: alt.slice(0, 200), description: alt },
          }),
        );
        break;
      }
      default:
        // Links (the templates write none; escaped user text cannot make one) keep their text only.
        break;
    }
  }
  return out;
}

/** The Word elements of the Markdown's blocks. */
function blocks(tokens: Token[], input: DocxInput): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [];
  const lists: Array<{ ordered: boolean; n: number }> = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    switch (t.type) {
      case 'heading_open': {
        const level = Number(t.tag.slice(1)) - 1;
        out.push(new Paragraph({ heading: HEADINGS[level], children: runs(tokens[i + 1], input), keepNext: true }));
        i += 3;
        continue;
      }
      case 'bullet_list_open':
      case 'ordered_list_open':
        lists.push({ ordered: t.type === 'ordered_list_open', n: Number(t.attrGet('start') ?? 1) });
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        break;
      case 'list_item_open': {
        // A list item's first paragraph carries the bullet or number; Markdown lists here are one paragraph each.
        const list = lists[lists.length - 1]!;
        const level = lists.length - 1;
        let j = i + 1;
        while (j < tokens.length && tokens[j]!.type !== 'inline' && tokens[j]!.type !== 'list_item_close') j++;
        const inline = tokens[j]?.type === 'inline' ? tokens[j] : undefined;
        out.push(
          list.ordered
            ? // The number is written, as in the fast path (docx-xml.ts), so every list starts where its Markdown does.
              new Paragraph({ style: 'ListParagraph', indent: { left: 720 * (Math.min(level, 2) + 1), hanging: 360 }, children: [new TextRun({ text: `${list.n}.\u00a0` }), ...runs(inline, input)] })
            : new Paragraph({ bullet: { level: Math.min(level, 2) }, children: runs(inline, input) }),
        );
        list.n++;
        // Skip to the end of this item's first paragraph.
        i = tokens[j]?.type === 'inline' ? j + 2 : j;
        continue;
      }
      case 'paragraph_open': {
        const inline = tokens[i + 1];
        out.push(new Paragraph({ children: runs(inline, input) }));
        i += 3;
        continue;
      }
      case 'table_open': {
        const { table, end } = tableAt(tokens, i, input);
        out.push(table, new Paragraph({ children: [] }));
        i = end + 1;
        continue;
      }
      case 'hr':
        out.push(new Paragraph({ border: { top: BORDER }, children: [] }));
        break;
      case 'fence':
      case 'code_block':
        out.push(new Paragraph({ children: [new TextRun({ text: t.content.replace(/\n$/, ''), font: 'Consolas' })] }));
        break;
      default:
        break;
    }
    i++;
  }
  return out;
}

function tableAt(tokens: Token[], start: number, input: DocxInput): { table: Table; end: number } {
  const rows: TableRow[] = [];
  let header = false;
  let cells: TableCell[] = [];
  let i = start + 1;
  for (; i < tokens.length && tokens[i]!.type !== 'table_close'; i++) {
    const t = tokens[i]!;
    if (t.type === 'thead_open') header = true;
    else if (t.type === 'thead_close') header = false;
    else if (t.type === 'tr_open') cells = [];
    else if (t.type === 'tr_close') rows.push(new TableRow({ tableHeader: header || undefined, cantSplit: true, children: cells }));
    else if (t.type === 'th_open' || t.type === 'td_open') {
      const right = /text-align:\s*right/.test(String(t.attrGet('style') ?? ''));
      const inline = tokens[i + 1];
      cells.push(
        new TableCell({
          borders: CELL_BORDERS,
          shading: header ? { fill: 'F3F2F1' } : undefined,
          margins: { top: 40, bottom: 40, left: 80, right: 80 },
          children: [new Paragraph({ alignment: right ? AlignmentType.RIGHT : AlignmentType.LEFT, children: runs(inline, input, header) })],
        }),
      );
      i += 2;
    }
  }
  return { table: new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows }), end: i };
}

/** docProps/core.xml with the "as at" date instead of the clock. */
function coreXml(title: string, asOf: string): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const when = `${asOf}T00:00:00Z`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${esc(title)}</dc:title><dc:creator>costar</dc:creator>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}


function makeDocument(title: string, children: Array<Paragraph | Table>): Document {
  return new Document({
    title,
    creator: 'costar',
    styles: { default: { document: { run: { font: 'Arial', size: 22 } } } },
    numbering: { config: [] },
    sections: [
      {
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })] })],
          }),
        },
        children,
      },
    ],
  });
}

type Compiler = { compile(file: Document, prettify: undefined, overrides: unknown[]): Map<string, string | Uint8Array> };

let skeleton: (Skeleton & { parts: Array<readonly [string, string | Uint8Array]> }) | null | undefined;

/** The fixed parts of every document, made once by the docx package (null if its compiler is out of reach). */
function getSkeleton(): typeof skeleton {
  if (skeleton !== undefined) return skeleton;
  const compiler = (Packer as unknown as { compiler?: Compiler }).compiler;
  if (!compiler || typeof compiler.compile !== 'function') return (skeleton = null);
  const files = compiler.compile(makeDocument('', [new Paragraph({ bullet: { level: 0 }, children: [new TextRun('x')] })]), undefined, []);
  const docXml = String(files.get('word/document.xml') ?? '');
  const sectPr = /<w:sectPr>[\s\S]*<\/w:sectPr>/.exec(docXml)?.[0];
  const numId = /<w:numId w:val="(\d+)"\/>/.exec(docXml)?.[1];
  const at = docXml.indexOf('<w:body>');
  if (!sectPr || !numId || at < 0) return (skeleton = null);
  return (skeleton = { open: docXml.slice(0, at), sectPr, bulletNumId: numId, parts: [...files.entries()] });
}

/** The .docx bytes of one document. */
export async function docxFromMarkdown(input: DocxInput): Promise<Uint8Array> {
  const tokens = md.parse(input.markdown, {});
  const pictures = tokens.some((t) => t.type === 'inline' && (t.children ?? []).some((c) => c.type === 'image'));
  const sk = pictures ? null : getSkeleton();
  if (sk) {
    // The fast path (generate/docx-xml.ts): the same elements, the docx package's fixed parts.
    let body: string;
    try {
      body = bodyXml(tokens as never, sk.bulletNumId);
    } catch (e) {
      throw new DocxTemplateError(`template ${input.template} gave Markdown that cannot become a Word document: ${(e as Error).message.split('\n')[0]}`);
    }
    const documentXml = `${sk.open}<w:body>${body}${sk.sectPr}</w:body></w:document>`;
    return zipParts(
      sk.parts.map(([path, data]) => [path, path === 'word/document.xml' ? documentXml : path === 'docProps/core.xml' ? coreXml(input.title, input.asOf) : data] as const),
      input.asOf,
    );
  }
  let children: Array<Paragraph | Table>;
  try {
    pictureNumber = 0;
    children = blocks(tokens, input);
  } catch (e) {
    if (e instanceof DocxTemplateError) throw e;
    throw new DocxTemplateError(`template ${input.template} gave Markdown that cannot become a Word document: ${(e as Error).message.split('\n')[0]}`);
  }
  const bytes = await Packer.pack(makeDocument(input.title, children), 'uint8array', false, [{ path: 'docProps/core.xml', data: coreXml(input.title, input.asOf) }]);
  return redate(bytes, input.asOf);
}

/** A picture from costar's own SVG markup: its size from the width and height, its text alternative from its description. */
export function svgPicture(svg: string, alt?: string): DocxPicture {
  const w = Number(/<svg[^>]*\swidth="(\d+(?:\.\d+)?)"/.exec(svg)?.[1] ?? 600);
  const h = Number(/<svg[^>]*\sheight="(\d+(?:\.\d+)?)"/.exec(svg)?.[1] ?? 400);
  return { svg, alt: alt ?? svgAlt(svg), width: w, height: h };
}

/** The pictures a document's data holds (the report's star and impact matrix, indicator charts as `charts`). */
export function picturesOf(ctx: Record<string, unknown>): Record<string, DocxPicture | null> {
  const out: Record<string, DocxPicture | null> = {};
  const star = (ctx.star as { image?: { src: string; alt: string } | null } | undefined)?.image;
  if (star) {
    const b64 = /^data:image\/svg\+xml;base64,(.*)$/.exec(star.src)?.[1];
    if (b64) out.star = svgPicture(Buffer.from(b64, 'base64').toString('utf8'), star.alt);
  }
  const matrix = (ctx.matrix as { svg?: string | null } | undefined)?.svg;
  if (matrix) out.matrix = svgPicture(matrix);
  const charts = (ctx.charts as Array<{ key: string; svg: string | null; summary: string }> | undefined) ?? [];
  for (const c of charts) if (c.svg) out[c.key] = svgPicture(c.svg, c.summary);
  return out;
}
