/** The costar.yaml that `costar init` writes. */
import { GRADE_NOTES } from '../../../core/case-figures.js';
import { DEFAULT_CRITERIA, DEFAULT_OPTIMISM_BIAS, DEFAULTS, labelFromId } from '../../../core/config.js';
import { tagsFor, type IdLabel } from '../../../core/init.js';
import { formatYear } from '../../../core/format.js';
import { MANIFEST_HEADER } from '../../../store/write.js';
import { Document, isMap, isSeq, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';

/**
 * The new costar.yaml, emitted by the YAML library (so any name or label round-trips), in the
 * SPEC's layout: lists of mappings as block lists of flow maps, comments explaining each part.
 */
export function manifestText(name: string, organisation: string, areas: IdLabel[], wards: IdLabel[], startYear: number): string {
  const doc = new Document({
    schema: 'costar/v1',
    name,
    organisation,
    serviceAreas: areas.map((a) => ({ id: a.id, label: a.label, ...(tagsFor(a).length ? { tags: tagsFor(a) } : {}) })),
    ...(wards.length ? { wards: wards.map((w) => (w.label === labelFromId(w.id) ? w.id : { id: w.id, label: w.label })) } : {}),
    appraisal: { currency: DEFAULTS.currency, startYear, discountRate: DEFAULTS.discountRate, years: DEFAULTS.years, optimismBias: new Map() },
    focus: { scale: [...DEFAULTS.scale], criteria: DEFAULT_CRITERIA.map((c) => ({ id: c.id, axis: c.axis, weight: c.weight, label: c.label })) },
  });
  const node = (...path: Array<string | number>) => doc.getIn(path, true) as Scalar | YAMLMap | YAMLSeq;
  const bias = node('appraisal', 'optimismBias') as YAMLMap;
  for (let g = 1; g <= 6; g++) {
    const pair = doc.createPair(g, DEFAULT_OPTIMISM_BIAS[g]!.map((x) => Object.assign(doc.createNode(x) as Scalar, { minFractionDigits: 2 })));
    (pair.value as YAMLSeq).flow = true;
    (pair.value as YAMLSeq).comment = ` ${GRADE_NOTES[g]}`;
    bias.items.push(pair);
  }
  for (const path of [['serviceAreas'], ['wards'], ['focus', 'criteria']]) {
    const seq = doc.getIn(path, true);
    if (isSeq(seq)) for (const item of seq.items) if (isMap(item)) item.flow = !path.includes('serviceAreas');
  }
  const areaSeq = node('serviceAreas') as YAMLSeq;
  for (const item of areaSeq.items) {
    const tags = isMap(item) ? item.get('tags', true) : undefined;
    if (isSeq(tags)) tags.flow = true;
  }
  (node('focus', 'scale') as YAMLSeq).flow = true;
  node('serviceAreas').commentBefore = ' initiatives refer to these ids; tags: case-library areas that fit (costar explore --area <id>)';
  if (wards.length) node('wards').commentBefore = ' localities: initiatives, people and needs refer to these ids';
  node('appraisal', 'currency').comment = ' ISO 4217 code: money in documents';
  node('appraisal', 'startYear').comment = ` year 0 is financial year ${formatYear(startYear, 0)} in documents`;
  node('appraisal', 'discountRate').comment = ' Green Book social time preference rate';
  node('appraisal', 'years').comment = ` appraisal period: years 0 to ${DEFAULTS.years - 1}`;
  bias.commentBefore = ' confidence grade: [cost uplift, benefit reduction]; set your own policy';
  node('focus', 'scale').comment = ' scores are whole numbers on this scale';
  node('focus', 'criteria').commentBefore = ' the impact matrix; axis: impact | ease';
  doc.commentBefore = ` ${MANIFEST_HEADER.replace(/^# /, '')}\n A costar portfolio. Every field is explained in the README; costar validate checks it.`;
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
