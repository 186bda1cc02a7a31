/**
 * The fast path of Word documents without pictures (every charter, business case, briefing and
 * grow plan): the package's fixed parts — styles with Word's Heading N, the bullet numbering, the
 * footer with the page number, settings, theme, content types — are made once per run by the
 * docx package and stored, uncompressed, in every zip; each document then only needs its body,
 * written here as WordprocessingML from the same Markdown blocks, and its core properties. The
 * docx package builds and compresses every part of every document afresh, about 40 ms a
 * document; this is what lets 10,000 charters come out in a few times the Markdown's time.
 */
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';


type Token = { type: string; tag: string; content: string; children: Token[] | null; attrGet(name: string): string | number | null };

export interface Skeleton {
  /** The document element's opening tag (with every namespace) and the section properties. */
  open: string;
  sectPr: string;
  bulletNumId: string;
}

const xmlText = (s: string): string =>
  s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');

const BORDER = '<w:top w:val="single" w:color="B1B4B6" w:sz="4"/><w:left w:val="single" w:color="B1B4B6" w:sz="4"/><w:bottom w:val="single" w:color="B1B4B6" w:sz="4"/><w:right w:val="single" w:color="B1B4B6" w:sz="4"/>';

function run(text: string, bold: boolean, italics: boolean, code: boolean): string {
  if (!text) return '';
  const pr = (code ? '<w:rFonts w:ascii="Consolas" w:hAnsi="Consolas" w:cs="Consolas"/>' : '') + (bold ? '<w:b/><w:bCs/>' : '') + (italics ? '<w:i/><w:iCs/>' : '');
  return `<w:r>${pr ? `<w:rPr>${pr}</w:rPr>` : ''}<w:t xml:space="preserve">${xmlText(text)}</w:t></w:r>`;
}

/** The runs of an inline token; a picture throws (documents with pictures take the docx package's path). */
function runs(inline: Token | undefined, bold = false): string {
  let out = '';
  let b = bold;
  let i = false;
  for (const t of inline?.children ?? []) {
    switch (t.type) {
      case 'text':
        out += run(t.content, b, i, false);
        break;
      case 'strong_open':
        b = true;
        break;
      case 'strong_close':
        b = bold;
        break;
      case 'em_open':
        i = true;
        break;
      case 'em_close':
        i = false;
        break;
      case 'code_inline':
        out += run(t.content, b, false, true);
        break;
      case 'softbreak':
        out += run(' ', false, false, false);
        break;
      case 'hardbreak':
        out += '<w:r><w:br/></w:r>';
        break;
      case 'image':
        throw new Error('a picture needs the docx package path');
      default:
        break;
    }
  }
  return out;
}

const para = (pPr: string, body: string): string => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${body}</w:p>`;

function table(tokens: Token[], start: number): { xml: string; end: number } {
  const rows: string[] = [];
  let header = false;
  let cells: string[] = [];
  let cols = 0;
  let i = start + 1;
  for (; i < tokens.length && tokens[i]!.type !== 'table_close'; i++) {
    const t = tokens[i]!;
    if (t.type === 'thead_open') header = true;
    else if (t.type === 'thead_close') header = false;
    else if (t.type === 'tr_open') cells = [];
    else if (t.type === 'tr_close') {
      cols = Math.max(cols, cells.length);
      rows.push(`<w:tr><w:trPr><w:cantSplit/>${header ? '<w:tblHeader/>' : ''}</w:trPr>${cells.join('')}</w:tr>`);
    } else if (t.type === 'th_open' || t.type === 'td_open') {
      const right = /text-align:\s*right/.test(String(t.attrGet('style') ?? ''));
      const tcPr = `<w:tcPr><w:tcBorders>${BORDER}</w:tcBorders>${header ? '<w:shd w:val="clear" w:color="auto" w:fill="F3F2F1"/>' : ''}<w:tcMar><w:top w:type="dxa" w:w="40"/><w:left w:type="dxa" w:w="80"/><w:bottom w:type="dxa" w:w="40"/><w:right w:type="dxa" w:w="80"/></w:tcMar></w:tcPr>`;
      cells.push(`<w:tc>${tcPr}${para(right ? '<w:jc w:val="right"/>' : '<w:jc w:val="left"/>', runs(tokens[i + 1], header))}</w:tc>`);
      i += 2;
    }
  }
  const grid = Array.from({ length: cols }, () => `<w:gridCol w:w="${Math.floor(9026 / Math.max(cols, 1))}"/>`).join('');
  return { xml: `<w:tbl><w:tblPr><w:tblW w:type="pct" w:w="5000"/></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${rows.join('')}</w:tbl>${para('', '')}`, end: i };
}

/** The body of word/document.xml from Markdown blocks, the same elements as the docx package path. */
export function bodyXml(tokens: Token[], bulletNumId: string): string {
  let out = '';
  const lists: Array<{ ordered: boolean; n: number }> = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    switch (t.type) {
      case 'heading_open':
        out += para(`<w:pStyle w:val="Heading${t.tag.slice(1)}"/><w:keepNext/>`, runs(tokens[i + 1]));
        i += 3;
        continue;
      case 'bullet_list_open':
      case 'ordered_list_open':
        lists.push({ ordered: t.type === 'ordered_list_open', n: Number(t.attrGet('start') ?? 1) });
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        break;
      case 'list_item_open': {
        const list = lists[lists.length - 1]!;
        const level = Math.min(lists.length - 1, 2);
        let j = i + 1;
        while (j < tokens.length && tokens[j]!.type !== 'inline' && tokens[j]!.type !== 'list_item_close') j++;
        const inline = tokens[j]?.type === 'inline' ? tokens[j] : undefined;
        out += list.ordered
          ? para(`<w:pStyle w:val="ListParagraph"/><w:ind w:left="${720 * (level + 1)}" w:hanging="360"/>`, run(`${list.n}.\u00a0`, false, false, false) + runs(inline))
          : para(`<w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="${bulletNumId}"/></w:numPr>`, runs(inline));
        list.n++;
        i = inline ? j + 2 : j;
        continue;
      }
      case 'paragraph_open':
        out += para('', runs(tokens[i + 1]));
        i += 3;
        continue;
      case 'table_open': {
        const r = table(tokens, i);
        out += r.xml;
        i = r.end + 1;
        continue;
      }
      case 'hr':
        out += para('<w:pBdr><w:top w:val="single" w:color="B1B4B6" w:sz="4"/></w:pBdr>', '');
        break;
      case 'fence':
      case 'code_block':
        out += para('', run(t.content.replace(/\n$/, ''), false, false, true));
        break;
      default:
        break;
    }
    i++;
  }
  return out;
}

// ------------------------------------------------------------------ zip

/**
 * The zip of a document's parts, written by fflate (the library the docx package itself zips
 * with): every entry dated the given day at 00:00, so the same input gives the same bytes.
 * Stored, not deflated, by default (as the finance workbooks are): fflate's deflate costs a
 * batch of 10,000 charters more than everything else in them (about 60 KB a document instead
 * of 12 KB); `redate` keeps the docx package's own documents compressed.
 * fflate writes local time, so the date is made at local midnight of that day.
 */
export function zipParts(parts: ReadonlyArray<readonly [string, string | Uint8Array]>, asOf: string, level: 0 | 9 = 0): Uint8Array {
  const [y, m, d] = asOf.split('-').map(Number) as [number, number, number];
  const mtime = new Date(Math.min(Math.max(y, 1980), 2107), m - 1, d);
  const files: Zippable = {};
  for (const [path, content] of parts) files[path] = [typeof content === 'string' ? strToU8(content) : content, { level, mtime }];
  return zipSync(files);
}

/** A zip made by another writer (the docx package's), with every entry dated as zipParts dates them. */
export function redate(bytes: Uint8Array, asOf: string): Uint8Array {
  return zipParts(Object.entries(unzipSync(bytes)), asOf, 9);
}
