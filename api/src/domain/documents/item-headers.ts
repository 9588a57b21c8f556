/**
 * The columns of a requested-items table, recognised by their header text in
 * the wording customers of the region use: English, Malay/Indonesian and
 * Chinese. A header is matched whole first ("Item No." is a line number,
 * "Item" is the item), then by a telling word inside it ("Qty required",
 * "Description of goods").
 */

export type ItemField = 'lineNo' | 'description' | 'specification' | 'brand' | 'code' | 'quantity' | 'unit' | 'remarks' | 'price' | 'amount';

const EXACT: Record<string, ItemField> = {};
const add = (field: ItemField, ...headers: string[]) => {
  for (const h of headers) EXACT[normalizeHeader(h)] = field;
};

add('lineNo', 'no', 'no.', 'nos', '#', 's/n', 'sn', 's/no', 'sno', 'sr', 'sr no', 'sl no', 'item no', 'item no.', 'item #', 'line', 'line no', 'bil', 'bil.', 'no urut', 'nomor', '序号', '项次', '编号');
add(
  'description',
  'description', 'desc', 'item', 'items', 'item description', 'item name', 'product', 'product name', 'product description',
  'particulars', 'goods', 'material', 'material description', 'name', 'article', 'details', 'requirement', 'requested item',
  'keterangan', 'deskripsi', 'uraian', 'nama barang', 'barang', 'perihal', 'butiran', 'nama item', 'perkara', 'nama produk',
  '描述', '品名', '名称', '产品名称', '物品', '物品名称', '项目', '货物名称', '商品名称', '内容', '产品',
);
add('specification', 'specification', 'specifications', 'spec', 'specs', 'size', 'dimension', 'dimensions', 'technical specification', 'colour', 'color', 'spesifikasi', 'saiz', 'ukuran', '规格', '尺寸', '参数', '技术要求');
add('brand', 'brand', 'make', 'manufacturer', 'mfr', 'maker', 'jenama', 'merek', 'merk', 'buatan', '品牌', '厂家', '制造商', '厂牌');
add(
  'code', 'model', 'model no', 'model number', 'part no', 'part number', 'p/n', 'pn', 'sku', 'item code', 'product code', 'code',
  'catalogue no', 'catalog no', 'cat no', 'mpn', 'mfr part no', 'no. part', 'kod', 'kode', 'kod item', 'kode barang', 'nomor part', 'model/part no',
  '型号', '料号', '零件号', '货号', '编码', '代码', '产品编号', '规格型号',
);
add(
  'quantity', 'qty', 'quantity', 'quantities', 'qty.', 'req qty', 'required qty', 'qty required', 'order qty', 'no of units', 'no. of units', 'qty req',
  'kuantiti', 'kuantitas', 'jumlah', 'bilangan', 'banyaknya', 'jml', 'kuantiti diperlukan', '数量', '需求数量', '采购数量', '订购数量',
);
add('unit', 'unit', 'uom', 'unit of measure', 'unit of measurement', 'units', 'u/m', 'um', 'satuan', 'unit ukuran', '单位', '计量单位');
add('remarks', 'remarks', 'remark', 'notes', 'note', 'comments', 'comment', 'catatan', 'ulasan', 'keterangan tambahan', '备注', '说明');
add('price', 'unit price', 'price', 'rate', 'unit rate', 'unit cost', 'harga', 'harga satuan', 'harga seunit', '单价', '价格');
add('amount', 'amount', 'total', 'total price', 'total amount', 'subtotal', 'line total', 'jumlah harga', 'total harga', '金额', '总价', '合计');

/** Telling words inside a longer header, most specific first. */
const CONTAINS: [RegExp, ItemField][] = [
  [/\b(?:price|rate|cost|harga)\b|单价|价格/i, 'price'],
  [/\bamount\b|\btotal\b|金额|总价/i, 'amount'],
  [/\b(?:qty|quantity|quantities|kuantiti|kuantitas)\b|数量/i, 'quantity'],
  [/\b(?:part|model|sku|mpn)\b|型号|料号|编码/i, 'code'],
  [/\b(?:uom|satuan)\b|单位/i, 'unit'],
  [/\b(?:description|desc|particulars|keterangan|deskripsi|uraian)\b|描述|品名|名称/i, 'description'],
  [/\b(?:spec|specs|specification|specifications|spesifikasi)\b|规格/i, 'specification'],
  [/\b(?:brand|manufacturer|merek|jenama)\b|品牌/i, 'brand'],
  [/\b(?:remarks?|notes?|comments?|catatan)\b|备注/i, 'remarks'],
];

export function normalizeHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(/\(.*?\)|（.*?）/g, ' ')
    .replace(/[:*]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The field a header cell names, or undefined when it names none. */
export function classifyHeader(text: string): ItemField | undefined {
  const normalized = normalizeHeader(text);
  if (normalized === '' || normalized.length > 60) return undefined;
  const exact = EXACT[normalized] ?? EXACT[normalized.replace(/\.$/, '')];
  if (exact) return exact;
  // Header words are few; a long sentence is not a header even if it says "quantity".
  if (normalized.split(' ').length > 5) return undefined;
  return CONTAINS.find(([pattern]) => pattern.test(normalized))?.[1];
}
